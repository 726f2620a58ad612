import Foundation

/// The logit and its inverse, the logistic function, for rates in (0, 1).
enum Logistic {
  /// log(p / (1 - p)), NaN outside (0, 1) so the caller sees a domain error, never ±∞.
  static func logit(_ p: Double) -> Double {
    guard p > 0 && p < 1 else { return .nan }
    return Foundation.log(p / (1 - p))
  }

  /// 1 / (1 + exp(-x)), written so that neither branch overflows.
  static func inverseLogit(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }
}
