extension FormulaError: CustomStringConvertible {
  /// The message, then the formula and a caret under the fault when it has a place.
  ///
  /// The formula is indented by four spaces, the caret lined up under it:
  ///
  ///     expected `)` to close `(`, found end of formula
  ///         log(x
  ///            ^
  ///
  /// Control characters of the formula and of the data it quotes are escaped
  /// (`Wording.escapingControlCharacters`), the caret still under the fault.
  public var description: String {
    let message = Wording.escapingControlCharacters(self.message)
    guard let offset else { return message }
    // Tabs and line breaks would throw the caret off, so they print as spaces; other control
    // characters print escaped, and the caret moves by the width of each escape before it.
    let characters = formula.map { $0.isWhitespace ? " " : String($0) }
      .map { Wording.escapingControlCharacters($0) }
    let line = characters.joined()
    let width = characters.prefix(offset).reduce(0) { $0 + $1.count }
    let caret = String(repeating: " ", count: width) + "^"
    return "\(message)\n    \(line)\n    \(caret)"
  }

  /// The message alone, as one sentence.
  public var message: String {
    switch self {
    case .syntax(_, _, let expected, let found):
      return "expected \(expected), found \(found)"
    case .missingTilde:
      return "expected `~` between the response and the terms (as in `y ~ x`), found end of formula"
    case .emptyRightHandSide:
      return "expected terms after `~`, found end of formula"
        + " (write `y ~ 1` for a model with only an intercept)"
    case .noTerms:
      return "the right-hand side has no terms and no intercept, so there is nothing to fit"
    case .unclosedParenthesis(_, _, let found):
      return "expected `)` to close this `(`, found \(found)"
    case .unmatchedParenthesis:
      return "this `)` has no matching `(`"
    case .operatorBetweenTerms(_, _, let op):
      switch op {
      case "^":
        return "`^` between terms is not supported: write I(a^2) for a power, or poly(a, 2)"
      case "/":
        return "`/` between terms is not supported: write I(a / b) for a quotient"
      case ":":
        return "`:` (interaction) between terms is not supported: write I(a * b) for a product"
      default:
        return "`\(op)` between terms is not supported: write I(a * b) for a product"
      }
    case .unknownFunction(_, _, let name, let suggestions):
      let known = FormulaFunction.allCases.map(\.name).joined(separator: ", ")
      let quoted = suggestions.map { "`\($0)`" }
      let guess =
        quoted.count > 1
        ? quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "") : quoted.joined()
      return "unknown function `\(name)`: did you mean \(guess)? (functions: \(known))"
    case .argumentCount(_, _, let function, let expected, let found):
      let signature = FormulaFunction(rawValue: function)?.signature ?? function
      let arguments = expected == 1 ? "1 argument" : "\(expected) arguments"
      return "expected \(arguments) in \(signature), found \(found)"
    case .invalidLagOrder(_, _, let found):
      return
        "expected the k of lag(x, k) to be a whole number of years such as 1 or 18, found \(found)"
    case .invalidPolyDegree(_, _, let found):
      return
        "expected the degree of poly(x, degree) to be a whole number from 1 to"
        + " \(FormulaParser.maximumPolyDegree), found \(found)"
    case .misplacedPoly:
      return "poly() makes several columns, so it can only be a term on the right-hand side of `~`"
    case .tooDeep(_, _, let limit):
      return "expected an expression at most \(limit) levels deep (parentheses, function calls,"
        + " signs and operators inside one another), found a deeper one"
    case .unknownVariable(_, _, let name, let source, let suggestions):
      let nearest = suggestions.map { "`\($0)`" }.joined(separator: ", ")
      return suggestions.isEmpty
        ? "unknown variable `\(name)`: \(source) has no columns"
        : "unknown variable `\(name)`: \(source) has no column of that name (nearest: \(nearest))"
    case .textColumn(_, _, let name, let source, let row, let value):
      return
        "column `\(name)` of \(source) is text, not numbers: data row \(row) holds \"\(value)\""
    case .duplicateYear(_, let source, let year, let rows):
      let rowList = rows.map(String.init).joined(separator: " and ")
      return "\(source) has year \(Self.format(year)) in data rows \(rowList),"
        + " so lag() and diff() cannot tell which row to use"
    case .nonFiniteRegressor(_, let source, let term, let row, let year, let cause):
      let place =
        year.map { "data row \(row) (year \($0)) of \(source)" } ?? "data row \(row) of \(source)"
      switch cause {
      case .missing:
        return "term `\(term)` has no value at \(place): a value it needs is missing"
      case .outsideDomain:
        return "term `\(term)` has no finite value at \(place):"
          + " a function's argument is outside its domain"
      }
    }
  }

  /// A year as an integer when it is one ("2020", not "2020.0").
  private static func format(_ value: Double) -> String {
    if let whole = Int(exactly: value) { return String(whole) }
    return "\(value)"
  }
}
