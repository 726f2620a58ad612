/// The functions a formula may call, with how many arguments each takes.
enum FormulaFunction: String, CaseIterable, Sendable {
  case log
  case exp
  case sqrt
  case logit
  case inverseLogit = "inv_logit"
  case lag
  case diff
  case identity = "I"
  case poly

  /// The name as written in a formula.
  var name: String { rawValue }

  /// The number of arguments: `lag(x, k)` and `poly(x, degree)` take two, the others one.
  var arity: Int {
    switch self {
    case .lag, .poly: return 2
    default: return 1
    }
  }

  /// How a call is written, for error messages ("lag(x, k)").
  var signature: String {
    switch self {
    case .lag: return "lag(x, k)"
    case .poly: return "poly(x, degree)"
    default: return "\(name)(x)"
    }
  }

  /// The valid names closest to `name` by edit distance (all of those at the smallest distance).
  static func nearest(to name: String) -> [String] {
    EditDistance.closest(to: name, among: allCases.map(\.name), limit: nil)
  }
}
