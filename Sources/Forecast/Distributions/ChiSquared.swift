import Foundation

/// The χ² distribution with k degrees of freedom.
///
///     P(X ≤ x) = P(k/2, x/2),   P(X > x) = Q(k/2, x/2)
///
/// P and Q are the regularized incomplete gamma functions (`SpecialFunctions`), each computed
/// directly, so the upper tail (a p value) is accurate in relative terms however small it is.
/// k must be positive and finite (it may be fractional); otherwise, and for NaN arguments, the
/// result is NaN; nothing traps.
public struct ChiSquared: Sendable, Equatable {
  /// k, positive and finite.
  public let degreesOfFreedom: Double

  /// The χ²(k) distribution; an invalid k makes every function NaN.
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The lower tail P(X ≤ x) = P(k/2, x/2).
  public func cdf(_ x: Double) -> Double {
    tails(x).lower
  }

  /// The upper tail P(X > x) = Q(k/2, x/2), accurate in relative terms for tiny values.
  public func survival(_ x: Double) -> Double {
    tails(x).upper
  }

  private func tails(_ x: Double) -> (lower: Double, upper: Double) {
    let k = degreesOfFreedom
    guard k > 0, k.isFinite, !x.isNaN else { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    return SpecialFunctions.incompleteGamma(a: 0.5 * k, x: 0.5 * x)
  }
}
