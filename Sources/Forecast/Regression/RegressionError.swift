/// Why a regression could not be fitted.
public enum RegressionError: Error, Equatable, Sendable, SettingMessage {
  /// No usable observations (after dropping missing rows).
  case noObservations(dropped: Int)
  /// A weight is negative, infinite or missing.
  case invalidWeight(row: Int, value: Double)
  /// The design is rank deficient and the caller asked for that to be an error.
  case rankDeficient(aliased: [String])
  /// A factorisation failed.
  case linearAlgebra(LinearAlgebraError)
  /// A sum of squares, estimate or variance of the fit does not fit in a double: the data
  /// need rescaling.
  case outOfRange(OutOfRange)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .noObservations(let dropped):
      return "no observations left to fit"
        + (dropped > 0 ? " (" + Wording.count(dropped, "row") + " left out for missing or invalid values)" : "")
    case .invalidWeight(let row, let value):
      return "weight in data row \(row) is \(value): weights must be finite and non-negative"
    case .rankDeficient(let names):
      return "the design is rank deficient: "
        + names.map { "'\($0)'" }.joined(separator: ", ")
        + " \(names.count == 1 ? "is a linear combination" : "are linear combinations") of "
        + "earlier terms; drop \(names.count == 1 ? "it" : "them") or fit without \(n(.strict))"
    case .linearAlgebra(let e):
      return e.description
    case .outOfRange(let e):
      return e.description
    }
  }
}
