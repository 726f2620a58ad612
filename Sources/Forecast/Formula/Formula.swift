/// An R-style model formula, `response ~ term + term ...`, parsed and checked but not yet
/// evaluated (MODEL.md section 6).
///
/// ```swift
/// let f = try Formula(parsing: "logit(enroll_ug / lag(births, 18)) ~ year + I(year^2)")
/// f.termNames  // ["(Intercept)", "year", "I(year^2)"]
/// f.transform  // .logit
/// ```
public struct Formula: Sendable, Equatable {
  /// The formula as given.
  public let source: String
  /// The response as written ("log(y)").
  public let responseName: String
  /// Whether the design has a column of ones (R's default; `- 1` or `+ 0` remove it).
  public let hasIntercept: Bool
  /// The response's outer function, to report predictions on the original scale.
  public let transform: ResponseTransform
  let response: FormulaExpression
  let terms: [FormulaTerm]

  /// Parses `source`.
  ///
  /// - Throws: `FormulaError` naming the offset of the first fault: a missing `~`, an empty
  ///   right-hand side, `*`, `:` or `^` between terms, an unknown function, a wrong number of
  ///   arguments, a lag order or polynomial degree that is not an integer literal, unbalanced
  ///   parentheses or trailing text.
  public init(parsing source: String) throws(FormulaError) {
    var parser = try FormulaParser(source)
    let result = try parser.parse()
    self.source = source
    self.responseName = result.responseText
    self.hasIntercept = result.hasIntercept
    self.transform = ResponseTransform(response: result.response)
    self.response = result.response
    self.terms = result.terms
  }

  /// The design's column names, one per column of the design matrix.
  ///
  /// "(Intercept)" when present, then each term as written, with `poly(x, d)` expanded to
  /// `poly(x, d)1` ... `poly(x, d)d`.
  public var termNames: [String] {
    (hasIntercept ? ["(Intercept)"] : []) + terms.flatMap(\.columnNames)
  }

  /// The columns the formula reads, response first, each once.
  public var variableNames: [String] {
    var names = response.variableNames
    for term in terms {
      for name in term.expression.variableNames where !names.contains(name) { names.append(name) }
    }
    return names
  }
}
