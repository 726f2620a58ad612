import Foundation

/// Student's t distribution with ν degrees of freedom.
///
///     f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½))
///     P(T > t) = ½ I_x(ν/2, ½),   x = ν/(ν + t²),   t ≥ 0
///     P(|T| < t) = I_{1−x}(½, ν/2)
///
/// Both tails come from one regularized incomplete beta pair (`SpecialFunctions`), so the
/// upper tail is accurate in relative terms however small it is (t = 40 with ν = 5 gives about
/// 1e-7; t = 1e8 with ν = 5 about 1e-38). ν may be fractional. ν = +∞ is the standard normal.
/// ν ≤ 0 or NaN, and NaN arguments, give NaN; nothing traps.
public struct StudentT: Sendable, Equatable {
  /// ν, positive; may be fractional or +∞.
  public let degreesOfFreedom: Double

  /// The t distribution with ν = `degreesOfFreedom`; an invalid ν makes every function NaN.
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  private var isValid: Bool { degreesOfFreedom > 0 }
  private var isNormal: Bool { degreesOfFreedom == .infinity }

  /// The density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½)).
  public func density(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    if isNormal { return Normal().density(t) }
    let nu = degreesOfFreedom
    let logDensity =
      -0.5 * log(nu) - SpecialFunctions.logBeta(0.5 * nu, 0.5) - 0.5 * (nu + 1) * log1p(t * t / nu)
    return exp(logDensity)
  }

  /// The lower tail P(T ≤ t).
  public func cdf(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    if isNormal { return Normal().cdf(t) }
    let tails = self.tails(abs(t))
    return t < 0 ? tails.upper : 0.5 + 0.5 * tails.central
  }

  /// The upper tail P(T > t), accurate in relative terms for tiny values.
  public func survival(_ t: Double) -> Double {
    cdf(-t)
  }

  /// The two-sided p value P(|T| ≥ |t|) = I_x(ν/2, ½), x = ν/(ν + t²).
  public func twoSidedPValue(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    if isNormal { return 2 * Normal().survival(abs(t)) }
    return 2 * tails(abs(t)).upper
  }

  /// The quantile: the t with P(T ≤ t) = p.
  ///
  /// Method: by symmetry solve for t > 0 with tail q = min(p, 1 − p) (1 − p is exact for
  /// p ≥ ½). For q < ¼ solve ln P(T > t) = ln q by Newton's method in ln t, where the tail is
  /// nearly a power law; for q ≥ ¼ solve ln P(|T| < t) = ln(1 − 2q) by Newton in t (1 − 2q is
  /// exact there, so quantiles near p = ½ keep full relative accuracy). Newton steps are kept
  /// inside a bracket, falling back to bisection. Start: the exact inverses for ν = 1
  /// (t = cot πq) and ν = 2 (t = (1 − 2q)/√(2q(1 − q))); otherwise the better, by residual, of
  /// the Cornish–Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5) and the
  /// tail asymptote P(T > t) ≈ ν^(ν/2−1) t^(−ν) / B(ν/2, ½). Stops when a step is below 1e-14
  /// relative; since the tails are accurate to a few ulps, the result is accurate to about
  /// 1e-14 relative for ν from 1 to 1e7 and p in [1e-15, 1 − 1e-15].
  ///
  /// - Returns: −∞ at p = 0, +∞ at p = 1, 0 at p = ½, NaN outside [0, 1] or for invalid ν.
  public func quantile(_ p: Double) -> Double {
    guard isValid, !p.isNaN, p >= 0, p <= 1 else { return .nan }
    if isNormal { return Normal().quantile(p) }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let q = min(p, 1 - p)
    let t = upperQuantile(q)
    return p < 0.5 ? -t : t
  }

  // MARK: - Internals

  /// P(|T| < t) and P(T > t) for t ≥ 0, each without cancellation.
  func tails(_ t: Double) -> (central: Double, upper: Double) {
    let nu = degreesOfFreedom
    let t2 = t * t
    // x = ν/(ν + t²) and y = t²/(ν + t²), written so that t² = ∞ or t = 0 need no special case.
    let x = 1 / (1 + t2 / nu)
    let y = 1 / (1 + nu / t2)
    let beta = SpecialFunctions.incompleteBeta(a: 0.5 * nu, b: 0.5, x: x, y: y)
    return (beta.upper, 0.5 * beta.lower)
  }

  /// The t > 0 with P(T > t) = q, for 0 < q < ½.
  private func upperQuantile(_ q: Double) -> Double {
    let useCentral = q >= 0.25
    let target = useCentral ? 1 - 2 * q : q
    let logTarget = log(target)

    // Residual g = ln F(t) − ln target and the slope used by Newton (in t or in ln t).
    func residual(_ t: Double) -> (g: Double, slope: Double) {
      let tails = self.tails(t)
      let f = density(t)
      if useCentral {
        return (log(tails.central) - logTarget, 2 * f / tails.central)
      }
      return (log(tails.upper) - logTarget, -t * f / tails.upper)
    }

    var t = startingValue(q)
    // Bracket [low, high]: F increasing in t for the central target, decreasing for the tail.
    var low = 0.0
    var high = Double.infinity
    for _ in 0..<100 {
      let (g, slope) = residual(t)
      if g == 0 || g.isNaN { return t }
      let tooLarge = useCentral ? g > 0 : g < 0
      if tooLarge { high = t } else { low = t }
      var next = useCentral ? t - g / slope : t * exp(-g / slope)
      if !(next > low && next < high) {
        if high == .infinity {
          next = 2 * low
        } else if useCentral || low == 0 {
          next = 0.5 * (low + high)
        } else {
          next = (low * high).squareRoot()
        }
      }
      let step = abs(next - t)
      t = next
      if step <= 1e-14 * t { return t }
    }
    return t
  }

  /// A starting value for `upperQuantile`; see `quantile(_:)`.
  private func startingValue(_ q: Double) -> Double {
    let nu = degreesOfFreedom
    if nu == 1 {
      return q >= 0.25 ? tan(Double.pi * (0.5 - q)) : 1 / tan(Double.pi * q)
    }
    if nu == 2 {
      return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
    }
    let z = -Normal().quantile(q)
    let z2 = z * z
    var terms = [
      z,
      z * (z2 + 1) / 4,
      z * ((5 * z2 + 16) * z2 + 3) / 96,
      z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384,
      z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160,
    ]
    for k in terms.indices { terms[k] /= pow(nu, Double(k)) }
    let cornishFisher = terms.reduce(0, +)
    if q >= 0.25 { return cornishFisher }
    let logTail = ((0.5 * nu - 1) * log(nu) - SpecialFunctions.logBeta(0.5 * nu, 0.5) - log(q)) / nu
    let asymptotic = exp(logTail)
    guard cornishFisher.isFinite, cornishFisher > 0 else { return asymptotic }
    guard asymptotic.isFinite, asymptotic > 0 else { return cornishFisher }
    let logQ = log(q)
    let cornishFisherResidual = abs(log(tails(cornishFisher).upper) - logQ)
    let asymptoticResidual = abs(log(tails(asymptotic).upper) - logQ)
    return cornishFisherResidual <= asymptoticResidual ? cornishFisher : asymptotic
  }
}
