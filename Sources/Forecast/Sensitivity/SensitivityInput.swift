/// One uncertain input of a sensitivity design: a name, a distribution and an optional domain.
///
/// With a domain [l, h] the distribution is truncated to it, by inverse CDF of the truncated
/// distribution (MODEL.md section 7):
///
///     x(u) = F⁻¹(F(l) + u (F(h) − F(l)))
///
/// For a normal, when both bounds lie above the mean the mirrored form
/// x(u) = μ − σ Φ⁻¹(Φ(−β) + (1 − u)(Φ(−α) − Φ(−β))), α = (l − μ)/σ, β = (h − μ)/σ, keeps the
/// upper tail's precision. A domain that holds the whole support changes nothing (the value is
/// F⁻¹(u), as without one); a uniform's domain just narrows its range.
public struct SensitivityInput: Sendable, Equatable {
  /// The input's name, as the results report it.
  public let name: String

  /// The distribution of its values.
  public let distribution: InputDistribution

  /// The domain it is truncated to, if any; either bound may be infinite.
  public let domain: ClosedRange<Double>?

  /// An input named `name` drawn from `distribution`, truncated to `domain` if given.
  ///
  /// - Throws: `SensitivityError` for invalid parameters (`.emptyRange`, `.modeOutsideRange`,
  ///   `.nonPositiveStandardDeviation`, `.nonFiniteParameter`), a degenerate domain
  ///   (`.emptyDomain`, lower = upper) or one with no probability (`.domainWithoutProbability`).
  public init(name: String, distribution: InputDistribution, domain: ClosedRange<Double>? = nil)
    throws(SensitivityError)
  {
    try distribution.validate(name: name)
    if let domain {
      guard domain.lowerBound < domain.upperBound else {
        throw .emptyDomain(input: name, lower: domain.lowerBound, upper: domain.upperBound)
      }
      let truncation = Truncation(distribution, domain)
      guard truncation.mass > 0 else {
        throw .domainWithoutProbability(
          input: name, lower: domain.lowerBound, upper: domain.upperBound)
      }
    }
    self.name = name
    self.distribution = distribution
    self.domain = domain
  }

  /// The value at unit coordinate u ∈ [0, 1]: the (truncated) inverse CDF.
  public func value(at u: Double) -> Double {
    guard let domain else { return distribution.quantile(u) }
    let support = distribution.support
    if domain.lowerBound <= support.lowerBound && support.upperBound <= domain.upperBound {
      return distribution.quantile(u)
    }
    // The ends of the unit interval are the ends of the truncated support, exactly.
    if u <= 0 { return max(domain.lowerBound, support.lowerBound) }
    if u >= 1 { return min(domain.upperBound, support.upperBound) }
    if case .uniform(let a, let b) = distribution {
      return InputDistribution.uniform(
        lower: max(a, domain.lowerBound), upper: min(b, domain.upperBound)
      ).quantile(u)
    }
    let x = Truncation(distribution, domain).quantile(u)
    return min(max(x, domain.lowerBound), domain.upperBound)
  }
}

/// The CDF bounds of a distribution truncated to a domain, in the tail that keeps precision.
private struct Truncation {
  let distribution: InputDistribution
  /// Whether the domain lies wholly above a normal's mean (work with the mirrored tail).
  let mirrored: Bool
  /// F(l) and F(h), or Φ(−β) and Φ(−α) when mirrored.
  let lower: Double
  let upper: Double

  init(_ distribution: InputDistribution, _ domain: ClosedRange<Double>) {
    self.distribution = distribution
    if case .normal(let mean, let sd) = distribution, domain.lowerBound > mean {
      let normal = Normal()
      mirrored = true
      lower = normal.cdf(-(domain.upperBound - mean) / sd)
      upper = normal.cdf(-(domain.lowerBound - mean) / sd)
    } else {
      mirrored = false
      lower = distribution.cdf(domain.lowerBound)
      upper = distribution.cdf(domain.upperBound)
    }
  }

  /// The probability of the domain.
  var mass: Double { upper - lower }

  func quantile(_ u: Double) -> Double {
    guard mirrored, case .normal(let mean, let sd) = distribution else {
      return distribution.quantile(lower + u * (upper - lower))
    }
    return mean - sd * Normal().quantile(lower + (1 - u) * (upper - lower))
  }
}
