import Foundation

/// The standard normal distribution N(0, 1).
///
///     φ(z) = e^(−z²/2) / √(2π),   Φ(z) = ½ erfc(−z/√2),   Φ⁻¹ by Wichura's AS 241
///
/// All functions return NaN for a NaN argument and never trap.
public struct Normal: Sendable, Equatable {
  /// The standard normal distribution.
  public init() {}

  /// The density φ(z) = e^(−z²/2) / √(2π).
  public func density(_ z: Double) -> Double {
    SpecialFunctions.inverseSqrtTwoPi * exp(-0.5 * z * z)
  }

  /// The lower tail Φ(z) = P(Z ≤ z).
  ///
  ///     Φ(z) = ½ erfc(u),   u = −z/√2
  ///
  /// `erfc` (the C library's, < 1 ulp) has full relative accuracy in the lower tail, so
  /// Φ(−37) ≈ 5.7e-300 is accurate. Rounding u = −z · fl(1/√2) would cost about 2u² ulps
  /// (1e-13 at z = −30), so the rounding error du of u is recovered exactly with an FMA and the
  /// low part of 1/√2, and removed by one Taylor term: erfc(u + du) ≈ erfc(u) − (2/√π) e^(−u²) du.
  public func cdf(_ z: Double) -> Double {
    if z.isNaN { return .nan }
    if z == .infinity { return 1 }
    if z == -.infinity { return 0 }
    let u = -z * Self.inverseSqrtTwo
    let du = fma(-z, Self.inverseSqrtTwo, -u) + (-z) * Self.inverseSqrtTwoLow
    return 0.5 * (erfc(u) - Self.twoOverSqrtPi * exp(-u * u) * du)
  }

  /// The upper tail 1 − Φ(z) = Φ(−z), computed directly (no cancellation).
  public func survival(_ z: Double) -> Double {
    cdf(-z)
  }

  /// The quantile Φ⁻¹(p), by Wichura's algorithm AS 241 (`PPND16`).
  ///
  /// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
  /// Applied Statistics 37(3), 477–484 (1988). Three minimax rational approximations of degree
  /// 7/7: in q = p − ½ for |q| ≤ 0.425, and in r = √(−ln min(p, 1−p)) for r ≤ 5 and r > 5.
  /// Relative accuracy about 1e-16. For p > ½ the tail is 1 − p, so Φ⁻¹ near 1 is limited by the
  /// spacing of doubles near 1; use `-quantile(q)` for a small upper tail q.
  ///
  /// - Returns: −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1] or for NaN.
  public func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      return q * Self.evaluate(Self.a, r) / Self.evaluate(Self.b, r)
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    let z: Double
    if r <= 5 {
      r -= 1.6
      z = Self.evaluate(Self.c, r) / Self.evaluate(Self.d, r)
    } else {
      r -= 5
      z = Self.evaluate(Self.e, r) / Self.evaluate(Self.f, r)
    }
    return q < 0 ? -z : z
  }

  /// Horner evaluation, coefficients in increasing degree. A plain loop: the Monte Carlo
  /// draws every normal through here.
  @inline(__always)
  private static func evaluate(_ coefficients: [Double], _ x: Double) -> Double {
    var value = 0.0
    var i = coefficients.count - 1
    while i >= 0 {
      value = value * x + coefficients[i]
      i -= 1
    }
    return value
  }

  /// fl(1/√2) and the remainder 1/√2 − fl(1/√2).
  static let inverseSqrtTwo = 0.707_106_781_186_547_6
  static let inverseSqrtTwoLow = -4.833_646_656_726_457e-17
  static let twoOverSqrtPi = 1.128_379_167_095_512_6

  // AS 241 coefficients, as published (PPND16).
  private static let a: [Double] = [
    3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3,
  ]
  private static let b: [Double] = [
    1, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
    5.2264952788528545610e+3,
  ]
  private static let c: [Double] = [
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
    3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4,
  ]
  private static let d: [Double] = [
    1, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
    1.05075007164441684324e-9,
  ]
  private static let e: [Double] = [
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7,
  ]
  private static let f: [Double] = [
    1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
    2.04426310338993978564e-15,
  ]
}
