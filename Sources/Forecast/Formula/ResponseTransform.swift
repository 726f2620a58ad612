import Foundation

/// The outer function of a formula's response, which predictions are mapped back through to
/// report them on the original scale.
///
///     log(y)    → exp(ŷ)
///     logit(p)  → 1 / (1 + exp(-ŷ))
///     sqrt(y)   → ŷ²     (a negative ŷ squares to a positive value)
///     anything else → ŷ
///
/// Back-transforming the mean prediction gives the median on the original scale, not the mean.
public enum ResponseTransform: String, Sendable, CaseIterable {
  case none
  case log
  case logit
  case sqrt

  /// The transform a response applies: its outermost function, if that is log, logit or sqrt.
  init(response: FormulaExpression) {
    switch response {
    case .call(.log, _): self = .log
    case .call(.logit, _): self = .logit
    case .call(.sqrt, _): self = .sqrt
    default: self = .none
    }
  }

  /// Applies the transform (log, logit, sqrt or identity); NaN outside its domain.
  public func apply(_ value: Double) -> Double {
    switch self {
    case .none: return value
    case .log: return Foundation.log(value)
    case .logit: return Logistic.logit(value)
    case .sqrt: return value < 0 ? .nan : value.squareRoot()
    }
  }

  /// Maps a value on the model's scale back to the response's original scale.
  public func backTransform(_ value: Double) -> Double {
    switch self {
    case .none: return value
    case .log: return exp(value)
    case .logit: return Logistic.inverseLogit(value)
    case .sqrt: return value * value
    }
  }
}
