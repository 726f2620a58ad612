import Foundation

/// Snedecor's F distribution with d₁ (numerator) and d₂ (denominator) degrees of freedom.
///
///     P(F ≤ f) = I_x(d₁/2, d₂/2),   x = d₁f / (d₁f + d₂)
///     P(F > f) = I_{1−x}(d₂/2, d₁/2)
///
/// Both tails come from one regularized incomplete beta pair (`SpecialFunctions`), so the upper
/// tail (the p value of an F test) is accurate in relative terms however small it is. Limits:
/// d₂ = ∞ gives χ²(d₁)/d₁; d₁ = ∞ gives d₂/χ²(d₂); both infinite, the point mass at 1.
/// Degrees of freedom ≤ 0 or NaN, and NaN arguments, give NaN; nothing traps.
public struct FisherF: Sendable, Equatable {
  /// d₁, positive; may be fractional or +∞.
  public let numerator: Double
  /// d₂, positive; may be fractional or +∞.
  public let denominator: Double

  /// The F(d₁, d₂) distribution; invalid degrees of freedom make every function NaN.
  public init(numerator: Double, denominator: Double) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The lower tail P(F ≤ f).
  public func cdf(_ f: Double) -> Double {
    tails(f).lower
  }

  /// The upper tail P(F > f), accurate in relative terms for tiny values.
  public func survival(_ f: Double) -> Double {
    tails(f).upper
  }

  /// (P(F ≤ f), P(F > f)), each computed without cancellation.
  func tails(_ f: Double) -> (lower: Double, upper: Double) {
    let d1 = numerator
    let d2 = denominator
    guard d1 > 0, d2 > 0, !f.isNaN else { return (.nan, .nan) }
    if f <= 0 { return (0, 1) }
    if f == .infinity { return (1, 0) }
    switch (d1.isFinite, d2.isFinite) {
    case (true, true):
      // x = d₁f/(d₁f + d₂) and y = d₂/(d₁f + d₂) through the ratio u = d₁f/d₂.
      let u = d1 * f / d2
      let x = 1 / (1 + 1 / u)
      let y = 1 / (1 + u)
      return SpecialFunctions.incompleteBeta(a: 0.5 * d1, b: 0.5 * d2, x: x, y: y)
    case (true, false):
      return SpecialFunctions.incompleteGamma(a: 0.5 * d1, x: 0.5 * d1 * f)
    case (false, true):
      let gamma = SpecialFunctions.incompleteGamma(a: 0.5 * d2, x: 0.5 * d2 / f)
      return (gamma.upper, gamma.lower)
    case (false, false):
      return f < 1 ? (0, 1) : (1, 0)
    }
  }
}
