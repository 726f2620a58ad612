/// The parsed form of an expression in a formula: the response, a term, or an argument.
indirect enum FormulaExpression: Sendable, Equatable {
  /// An arithmetic operator inside a function's argument or `I()`.
  enum Operator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
  }

  /// A number literal.
  case number(Double)
  /// A column of the data table; `offset` is where the name starts in the formula, for errors.
  case variable(String, offset: Int)
  case negate(FormulaExpression)
  case binary(Operator, FormulaExpression, FormulaExpression)
  /// A function of one argument: log, exp, sqrt, logit, inv_logit, diff or I.
  case call(FormulaFunction, FormulaExpression)
  /// The value `order` years (or rows, without a `year` column) earlier.
  case lag(FormulaExpression, order: Int)
  /// Raw powers x, x², ..., x^degree: only allowed as a term, where it becomes `degree` columns.
  case poly(FormulaExpression, degree: Int)

  /// A spelling that ignores whitespace and backquotes, so `log(x)` and `log( x )` compare equal
  /// when dropping duplicate terms or removing a term with `- term`.
  var canonical: String {
    switch self {
    case .number(let value): return "\(value)"
    case .variable(let name, _): return "`\(name)`"
    case .negate(let operand): return "(-\(operand.canonical))"
    case .binary(let op, let left, let right):
      return "(\(left.canonical)\(op.rawValue)\(right.canonical))"
    case .call(let function, let argument): return "\(function.name)(\(argument.canonical))"
    case .lag(let argument, let order): return "lag(\(argument.canonical),\(order))"
    case .poly(let argument, let degree): return "poly(\(argument.canonical),\(degree))"
    }
  }

  /// The column names this expression reads, each once, in order of first appearance.
  var variableNames: [String] {
    var names: [String] = []
    collectVariables(into: &names)
    return names
  }

  private func collectVariables(into names: inout [String]) {
    switch self {
    case .number: break
    case .variable(let name, _): if !names.contains(name) { names.append(name) }
    case .negate(let operand): operand.collectVariables(into: &names)
    case .binary(_, let left, let right):
      left.collectVariables(into: &names)
      right.collectVariables(into: &names)
    case .call(_, let argument), .lag(let argument, _), .poly(let argument, _):
      argument.collectVariables(into: &names)
    }
  }

  /// Whether evaluating this needs the previous years' values (a lag or a difference).
  var usesLag: Bool {
    switch self {
    case .number, .variable: return false
    case .negate(let operand): return operand.usesLag
    case .binary(_, let left, let right): return left.usesLag || right.usesLag
    case .lag: return true
    case .call(let function, let argument): return function == .diff || argument.usesLag
    case .poly(let argument, _): return argument.usesLag
    }
  }
}
