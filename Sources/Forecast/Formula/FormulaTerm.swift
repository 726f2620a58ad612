/// One term of a formula's right-hand side: its label as written and what it computes.
struct FormulaTerm: Sendable, Equatable {
  /// The term as written in the formula, trimmed ("log(x2)", "I(year^2)").
  let label: String
  let expression: FormulaExpression

  /// The names of the design columns the term makes.
  ///
  /// That is its label, or for `poly(x, d)` the labels `poly(x, d)1` ... `poly(x, d)d` (R's
  /// naming) holding x, x², ..., x^d.
  var columnNames: [String] {
    if case .poly(_, let degree) = expression {
      return (1...degree).map { "\(label)\($0)" }
    }
    return [label]
  }
}
