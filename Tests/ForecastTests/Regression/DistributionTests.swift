import Foundation
import Testing

@testable import Forecast

// Accuracy of the distribution functions against reference values.
//
// References: scipy.stats (t.cdf/sf, f.cdf/sf, norm.cdf/sf/ppf, chi2.sf) for the tails, and
// 50-digit mpmath roots for the t quantiles, pasted below as repr() literals (≤ 17 significant
// digits, exact round trip). Produced by, from the package root:
//
//     python3 Tests/ForecastTests/Fixtures/scipy/make_distribution_reference.py
//
// That script also recomputes every scipy value with mpmath at 50 digits: scipy agrees to
// 2.9e-14 relative or better (worst: norm.cdf(-20)); its t.ppf is off by up to 2.6e-11 near
// p = ½, which is why the quantile references are mpmath's. F(0.9; 10⁴, 10⁴) could not be checked
// (mpmath's series does not converge there).
//
// Tolerances (relative error):
// - tails (cdf, survival, p values) against scipy: 1e-12. scipy itself is good to ~3e-14 here,
//   and our tails are a few ulps from the continued fraction plus the conditioning of the
//   argument (about t²·ulp in a normal-like tail), so 1e-12 leaves room for both without
//   hiding a real loss (a cancellation would show as 1e-9 or worse).
// - t quantiles against mpmath: 1e-13, the accuracy promised for ν in [1, 1e7] and p in
//   [1e-15, 1 − 1e-15].
// - normal quantiles against scipy: 1e-14 (AS 241 is good to ~1e-16; so is scipy's ndtri).
// - the t and F grids (`TailGridReference.swift`, exact values from
//   make_tail_grid_reference.py): 1e-12 relative, as for the tails above, or 1e-300 absolute
//   where the exact tail is that small (near underflow a result keeps few significant bits).

/// |computed − expected| / |expected|, or |computed| when expected is 0; NaN mismatches are ∞.
private func relativeError(_ computed: Double, _ expected: Double) -> Double {
  if computed == expected { return 0 }
  if computed.isNaN || expected.isNaN { return .infinity }
  if expected == 0 { return abs(computed) }
  return abs(computed - expected) / abs(expected)
}

private let tailTolerance = 1e-12
private let tailAbsoluteFloor = 1e-300

/// Whether `computed` is within the tail tolerance of `expected`: relative, or absolute below
/// the floor.
private func tailIsClose(_ computed: Double, _ expected: Double) -> Bool {
  relativeError(computed, expected) <= tailTolerance
    || (abs(expected) <= tailAbsoluteFloor && abs(computed - expected) <= tailAbsoluteFloor)
}
private let tQuantileTolerance = 1e-13
private let normalQuantileTolerance = 1e-14

struct TailCase: Sendable, CustomTestStringConvertible {
  let x: Double
  let parameters: [Double]
  let cdf: Double
  let survival: Double
  var testDescription: String { "x = \(x), parameters \(parameters)" }
}

struct QuantileCase: Sendable, CustomTestStringConvertible {
  let p: Double
  let degreesOfFreedom: Double
  let quantile: Double
  var testDescription: String { "p = \(p), ν = \(degreesOfFreedom)" }
}

enum Reference {
  // scipy 1.17.1, numpy 2.4.6, mpmath 1.3.0

  // (t, ν, scipy.stats.t.cdf(t, ν), scipy.stats.t.sf(t, ν))
  static let studentT: [(Double, Double, Double, Double)] = [
    (0.0, 5.0, 0.5, 0.5),
    (0.5, 5.0, 0.6808505641795355, 0.31914943582046457),
    (-0.5, 5.0, 0.31914943582046457, 0.6808505641795355),
    (2.0, 5.0, 0.9490302605850708, 0.050969739414929174),
    (-2.0, 5.0, 0.050969739414929174, 0.9490302605850708),
    (40.0, 5.0, 0.9999999079401891, 9.205981085886477e-08),
    (-40.0, 5.0, 9.205981085886477e-08, 0.9999999079401891),
    (100000000.0, 5.0, 1.0, 9.490167245562356e-40),
    (1.0, 1.0, 0.75, 0.25000000000000006),
    (-1.0, 1.0, 0.25000000000000006, 0.75),
    (1000000.0, 1.0, 0.9999996816901138, 3.1830988618368455e-07),
    (-3.0, 1.0, 0.10241638234956672, 0.8975836176504333),
    (2.5, 2.0, 0.9351941398892446, 0.06480586011075541),
    (-7.0, 3.0, 0.0029931278488535486, 0.9970068721511465),
    (2.262157162740992, 9.0, 0.9749999999976622, 0.02500000000233785),
    (1.0, 2.5, 0.7979694863608632, 0.20203051363913682),
    (0.001, 30.0, 0.5003956321167575, 0.49960436788324253),
    (-12.0, 30.0, 2.7900927075996303e-13, 0.999999999999721),
    (1.96, 1000000.0, 0.9750019662073651, 0.024998033792634926),
    (-1.96, 1000000.0, 0.024998033792634926, 0.9750019662073651),
    (6.0, 1000000.0, 0.9999999990130751, 9.86924906177215e-10),
    (-8.5, 10000000.0, 9.480806026962583e-18, 1.0),
    (1e-08, 10000000.0, 0.5000000039894227, 0.4999999960105773),
    (3.0, 0.5, 0.8163459220070283, 0.1836540779929717),
  ]

  // (p, ν, t with P(T ≤ t) = p: mpmath root, 50 digits)
  static let studentTQuantiles: [(Double, Double, Double)] = [
    (0.975, 1.0, 12.706204736174694),
    (0.975, 2.0, 4.302652729749462),
    (0.975, 9.0, 2.262157162798205),
    (0.975, 30.0, 2.0422724563012378),
    (1e-15, 1.0, -318309886183790.6),
    (1e-10, 1.0, -3183098861.837907),
    (0.0001, 1.0, -3183.098757118151),
    (0.025, 1.0, -12.706204736174705),
    (0.3, 1.0, -0.7265425280053609),
    (0.4999, 1.0, -0.0003141592756943707),
    (0.500001, 1.0, 3.1415926536904674e-06),
    (0.9, 1.0, 3.077683537175254),
    (0.995, 1.0, 63.656741162871526),
    (0.999999999999, 1.0, 318316927901.77966),
    (1e-15, 1.5, -5219469427.344636),
    (1e-10, 1.5, -2422663.101134394),
    (0.0001, 1.5, -242.2640988465063),
    (0.025, 1.5, -6.0166631044279315),
    (0.3, 1.5, -0.6517954826023571),
    (0.4999, 1.5, -0.000293483228561816),
    (0.500001, 1.5, 2.9348322154920773e-06),
    (0.9, 1.5, 2.1963984175655376),
    (0.995, 1.5, 17.820310514462797),
    (0.999999999999, 1.5, 52195464.0452493),
    (1e-15, 2.0, -22360679.774997864),
    (1e-10, 2.0, -70710.67810804815),
    (0.0001, 2.0, -70.70007107496427),
    (0.025, 2.0, -4.302652729749464),
    (0.3, 2.0, -0.6172133998483676),
    (0.4999, 2.0, -0.0002828427181314423),
    (0.500001, 2.0, 2.82842712483318e-06),
    (0.9, 2.0, 1.885618083164127),
    (0.995, 2.0, 9.92484320091829),
    (0.999999999999, 2.0, 707114.6025244079),
    (1e-15, 3.0, -103311.08359284989),
    (1e-10, 3.0, -2225.7692846830932),
    (0.0001, 3.0, -22.20374227320418),
    (0.025, 3.0, -3.1824463052837095),
    (0.3, 3.0, -0.5843897274398187),
    (0.4999, 3.0, -0.00027206990911047337),
    (0.500001, 3.0, 2.7206990464340377e-06),
    (0.9, 3.0, 1.6377443536962104),
    (0.995, 3.0, 5.840909309733355),
    (0.999999999999, 3.0, 10331.184426046091),
    (1e-15, 5.0, -1568.3911928228774),
    (1e-10, 5.0, -156.8255927088943),
    (0.0001, 5.0, -9.67756630088259),
    (0.025, 5.0, -2.5705818356363155),
    (0.3, 5.0, -0.5594296444693608),
    (0.4999, 5.0, -0.0002634305560701855),
    (0.500001, 5.0, 2.6343055242196797e-06),
    (0.9, 5.0, 1.4758840488244813),
    (0.995, 5.0, 4.032142983555227),
    (0.999999999999, 5.0, 393.9587026499902),
    (1e-15, 10.0, -81.04089088003934),
    (1e-10, 10.0, -25.466008021697725),
    (0.0001, 10.0, -5.693820101457512),
    (0.025, 10.0, -2.228138851986275),
    (0.3, 10.0, -0.5415280387550157),
    (0.4999, 10.0, -0.00025699780660494995),
    (0.500001, 10.0, 2.5699780350075056e-06),
    (0.9, 10.0, 1.3721836411103359),
    (0.995, 10.0, 3.169272672616951),
    (0.999999999999, 10.0, 40.532186343811446),
    (1e-15, 30.0, -14.925858475139002),
    (1e-10, 30.0, -9.377489780407144),
    (0.0001, 30.0, -4.233985957272021),
    (0.025, 30.0, -2.042272456301238),
    (0.3, 30.0, -0.5300190039065045),
    (0.4999, 30.0, -0.00025276002539339365),
    (0.500001, 30.0, 2.5276002261988227e-06),
    (0.9, 30.0, 1.3104150253913958),
    (0.995, 30.0, 2.749995653567225),
    (0.999999999999, 30.0, 11.397227795416011),
    (1e-15, 100.0, -9.40459275466728),
    (1e-10, 100.0, -7.083375481400722),
    (0.0001, 100.0, -3.8615997909500597),
    (0.025, 100.0, -1.9839715185235522),
    (0.3, 100.0, -0.5260762706003463),
    (0.4999, 100.0, -0.00025129026070821304),
    (0.500001, 100.0, 2.5129025804459113e-06),
    (0.9, 100.0, 1.290074761346516),
    (0.995, 100.0, 2.6258905214380177),
    (0.999999999999, 100.0, 8.025830060218645),
    (1e-15, 10000.0, -7.954081681012809),
    (1e-10, 10000.0, -6.367941351482803),
    (0.0001, 10000.0, -3.7203958691176404),
    (0.025, 10000.0, -1.9602012398906263),
    (0.3, 10000.0, -0.5244172283454668),
    (0.4999, 10000.0, -0.0002506690967374758),
    (0.500001, 10000.0, 2.5066909411957965e-06),
    (0.9, 10000.0, 1.2816362297304777),
    (0.995, 10000.0, 2.5763210466685287),
    (0.999999999999, 10000.0, 7.0433746983484715),
    (1e-15, 1000000.0, -7.941472518403509),
    (1e-10, 1000000.0, -6.361406848876743),
    (0.0001, 1000000.0, -3.7190302747625434),
    (0.025, 1000000.0, -1.959966356814107),
    (0.3, 1000000.0, -0.5244006798602089),
    (0.4999, 1000000.0, -0.00025066289275372676),
    (0.500001, 1000000.0, 2.5066289013628524e-06),
    (0.9, 1000000.0, 1.2815524121299386),
    (0.995, 1000000.0, 2.575834220105334),
    (0.999999999999, 1000000.0, 7.034575693273217),
    (1e-15, 10000000.0, -7.94135804523866),
    (1e-10, 10000000.0, -6.361347496998616),
    (0.0001, 10000000.0, -3.71901786438225),
    (0.025, 10000000.0, -1.9599642217672055),
    (0.3, 10000000.0, -0.5244005294232538),
    (0.4999, 10000000.0, -0.0002506628363545787),
    (0.500001, 10000000.0, 2.506628337371413e-06),
    (0.9, 10000000.0, 1.281551650203083),
    (0.995, 10000000.0, 2.5758297952037488),
    (0.999999999999, 10000000.0, 7.034495788284389),
  ]

  // (f, d₁, d₂, scipy.stats.f.cdf(f, d₁, d₂), scipy.stats.f.sf(f, d₁, d₂))
  static let fisherF: [(Double, Double, Double, Double, Double)] = [
    (1.0, 1.0, 1.0, 0.5000000000000001, 0.5000000000000001),
    (3.5, 2.0, 10.0, 0.9295703722276257, 0.07042962777237427),
    (0.2, 5.0, 7.0, 0.04758354977857255, 0.9524164502214273),
    (330.28533923414756, 6.0, 9.0, 0.9999999995015969, 4.984030528754534e-10),
    (791.3078123575083, 6.0, 9.0, 0.9999999999900676, 9.932429310478368e-12),
    (10000.0, 3.0, 40.0, 1.0, 1.5772682971763336e-57),
    (500.0, 10.0, 200.0, 1.0, 1.252567010265911e-135),
    (1.05, 100.0, 100000.0, 0.6534108760706252, 0.34658912392937474),
    (0.9, 10000.0, 10000.0, 6.945781153544682e-08, 0.9999999305421885),
    (2.5, 0.7, 3.3, 0.8081021972021964, 0.19189780279780397),
  ]

  // (z, scipy.stats.norm.cdf(z), scipy.stats.norm.sf(z))
  static let normal: [(Double, Double, Double)] = [
    (0.0, 0.5, 0.5),
    (0.5, 0.6914624612740131, 0.3085375387259869),
    (-1.0, 0.15865525393145707, 0.8413447460685429),
    (1.959963984540054, 0.975, 0.025),
    (-5.0, 2.866515718791933e-07, 0.9999997133484281),
    (8.0, 0.9999999999999993, 6.22096057427174e-16),
    (-20.0, 2.7536241186061556e-89, 1.0),
    (-37.5, 4.605353009581954e-308, 1.0),
    (3.0, 0.9986501019683699, 0.0013498980316300933),
  ]

  // (p, scipy.stats.norm.ppf(p))
  static let normalQuantiles: [(Double, Double)] = [
    (1e-300, -37.0470962993612),
    (1e-15, -7.941345326170998),
    (1e-10, -6.361340902404056),
    (1e-05, -4.264890793922825),
    (0.0125, -2.241402727604945),
    (0.025, -1.9599639845400545),
    (0.075, -1.4395314709384563),
    (0.3, -0.5244005127080409),
    (0.5, 0.0),
    (0.6, 0.2533471031357997),
    (0.975, 1.959963984540054),
    (0.99, 2.3263478740408408),
    (0.999999999, 5.997807019601637),
  ]

  // (x, k, scipy.stats.chi2.sf(x, k))
  static let chiSquared: [(Double, Double, Double)] = [
    (1.0, 1.0, 0.31731050786291115),
    (3.84, 1.0, 0.05004352124870519),
    (10.0, 3.0, 0.01856613546304325),
    (100.0, 5.0, 5.285148360943219e-20),
    (0.01, 10.0, 0.999999999999974),
    (150.0, 100.0, 0.0009039320423540184),
    (10000.0, 10000.0, 0.49811936596618267),
    (12.5, 2.5, 0.0034892808651520984),
    (500.0, 2.0, 2.6691902155412655e-109),
  ]

}

@Suite struct DistributionTests {
  // MARK: - Student's t

  @Test(
    arguments: Reference.studentT.map {
      TailCase(x: $0.0, parameters: [$0.1], cdf: $0.2, survival: $0.3)
    })
  func studentTTailsMatchScipy(_ c: TailCase) {
    let distribution = StudentT(degreesOfFreedom: c.parameters[0])
    #expect(relativeError(distribution.cdf(c.x), c.cdf) <= tailTolerance)
    #expect(relativeError(distribution.survival(c.x), c.survival) <= tailTolerance)
    let twoSided = 2 * min(c.cdf, c.survival)
    #expect(relativeError(distribution.twoSidedPValue(c.x), twoSided) <= tailTolerance)
  }

  @Test(
    arguments: Reference.studentTQuantiles.map {
      QuantileCase(p: $0.0, degreesOfFreedom: $0.1, quantile: $0.2)
    })
  func studentTQuantileMatchesMpmath(_ c: QuantileCase) {
    let t = StudentT(degreesOfFreedom: c.degreesOfFreedom).quantile(c.p)
    #expect(relativeError(t, c.quantile) <= tQuantileTolerance)
  }

  /// The quantile inverts the tail it came from, also for fractional and extreme ν.
  @Test(arguments: [0.3, 0.5, 1, 2.5, 7, 1e3, 1e7, .infinity])
  func studentTQuantileInvertsSurvival(_ nu: Double) {
    let distribution = StudentT(degreesOfFreedom: nu)
    for q in [1e-15, 1e-8, 0.01, 0.2, 0.26, 0.49] {
      let p = 1 - q
      let t = distribution.quantile(p)
      // The tail the quantile actually sees is 1 − p (exact), which differs from q by rounding.
      #expect(relativeError(distribution.survival(t), 1 - p) <= tailTolerance, "q = \(q)")
      #expect(distribution.quantile(1 - p) == -t)
    }
  }

  /// ν from 1 to 10⁷ across ν = 30 (a = 15, where the incomplete beta changes method) and
  /// |t| up to 10³: for ν > 30 and large t is where a naive tail comes out wrong or negative.
  @Test func studentTGridMatchesExactTails() {
    for (t, nu, cdf, survival) in Reference.studentTGrid {
      let distribution = StudentT(degreesOfFreedom: nu)
      let label = "t = \(t), ν = \(nu)"
      #expect(
        tailIsClose(distribution.cdf(t), cdf), "cdf \(distribution.cdf(t)) vs \(cdf), \(label)")
      #expect(
        tailIsClose(distribution.survival(t), survival),
        "survival \(distribution.survival(t)) vs \(survival), \(label)")
      #expect(tailIsClose(distribution.cdf(-t), survival), "cdf(−t), \(label)")
      let p = distribution.twoSidedPValue(t)
      #expect(tailIsClose(p, min(2 * survival, 1)), "p value \(p), \(label)")
      #expect(p >= 0 && p <= 1, "p value \(p) outside [0, 1], \(label)")
    }
  }

  @Test func studentTWithInfiniteDegreesOfFreedomIsNormal() {
    let t = StudentT(degreesOfFreedom: .infinity)
    let normal = Normal()
    for x in [-40.0, -3, -0.5, 0, 1.96, 8] {
      #expect(t.cdf(x) == normal.cdf(x))
      #expect(t.survival(x) == normal.survival(x))
    }
    #expect(t.quantile(0.975) == normal.quantile(0.975))
  }

  // MARK: - F, normal, χ²

  @Test(
    arguments: Reference.fisherF.map {
      TailCase(x: $0.0, parameters: [$0.1, $0.2], cdf: $0.3, survival: $0.4)
    })
  func fisherFTailsMatchScipy(_ c: TailCase) {
    let distribution = FisherF(numerator: c.parameters[0], denominator: c.parameters[1])
    #expect(relativeError(distribution.cdf(c.x), c.cdf) <= tailTolerance)
    #expect(relativeError(distribution.survival(c.x), c.survival) <= tailTolerance)
  }

  /// d₁ from 1 to 30 and d₂ from 2 to 10⁶, f from 0.01 to 10⁶: the F-test p values.
  @Test func fisherFGridMatchesExactTails() {
    for (f, d1, d2, cdf, survival) in Reference.fisherFGrid {
      let distribution = FisherF(numerator: d1, denominator: d2)
      let label = "f = \(f), d₁ = \(d1), d₂ = \(d2)"
      #expect(
        tailIsClose(distribution.cdf(f), cdf), "cdf \(distribution.cdf(f)) vs \(cdf), \(label)")
      let p = distribution.survival(f)
      #expect(tailIsClose(p, survival), "survival \(p) vs \(survival), \(label)")
      #expect(p >= 0 && p <= 1, "survival \(p) outside [0, 1], \(label)")
    }
  }

  /// p values stay in [0, 1] (and are never NaN) far beyond the grids: fractional ν from 10⁻³
  /// to 10⁹, |t| up to 10³⁰⁰, F with both degrees of freedom from 10⁻² to 10⁸.
  @Test func pValuesStayInTheUnitInterval() {
    var generator = SeededGenerator(seed: 20_240_611)
    func logUniform(_ low: Double, _ high: Double) -> Double {
      exp(generator.uniform(log(low)...log(high)))
    }
    for _ in 0..<5_000 {
      let nu = logUniform(1e-3, 1e9)
      let t = logUniform(1e-12, 1e300)
      let p = StudentT(degreesOfFreedom: nu).twoSidedPValue(t)
      #expect(p >= 0 && p <= 1, "p value \(p) for t = \(t), ν = \(nu)")
      let d1 = logUniform(1e-2, 1e8)
      let d2 = logUniform(1e-2, 1e8)
      let f = logUniform(1e-300, 1e300)
      let q = FisherF(numerator: d1, denominator: d2).survival(f)
      #expect(q >= 0 && q <= 1, "F p value \(q) for f = \(f), d₁ = \(d1), d₂ = \(d2)")
    }
  }

  @Test(
    arguments: Reference.normal.map {
      TailCase(x: $0.0, parameters: [], cdf: $0.1, survival: $0.2)
    })
  func normalTailsMatchScipy(_ c: TailCase) {
    #expect(relativeError(Normal().cdf(c.x), c.cdf) <= tailTolerance)
    #expect(relativeError(Normal().survival(c.x), c.survival) <= tailTolerance)
  }

  @Test(
    arguments: Reference.normalQuantiles.map {
      QuantileCase(p: $0.0, degreesOfFreedom: .infinity, quantile: $0.1)
    })
  func normalQuantileMatchesScipy(_ c: QuantileCase) {
    #expect(relativeError(Normal().quantile(c.p), c.quantile) <= normalQuantileTolerance)
  }

  @Test(
    arguments: Reference.chiSquared.map {
      TailCase(x: $0.0, parameters: [$0.1], cdf: .nan, survival: $0.2)
    })
  func chiSquaredSurvivalMatchesScipy(_ c: TailCase) {
    let distribution = ChiSquared(degreesOfFreedom: c.parameters[0])
    #expect(relativeError(distribution.survival(c.x), c.survival) <= tailTolerance)
    // The lower tail is computed directly, so only its sum with the upper tail is checked.
    #expect(abs(distribution.cdf(c.x) + distribution.survival(c.x) - 1) <= 2 * Double.ulpOfOne)
  }

  /// d₂ = ∞ is χ²(d₁)/d₁.
  @Test func fisherFWithInfiniteDenominatorIsScaledChiSquared() {
    let f = FisherF(numerator: 6, denominator: .infinity)
    let chi = ChiSquared(degreesOfFreedom: 6)
    #expect(relativeError(f.survival(3.5), chi.survival(21)) <= tailTolerance)
  }

  // MARK: - Edges and invalid input

  struct EdgeCase: Sendable, CustomTestStringConvertible {
    let name: String
    let computed: @Sendable () -> Double
    let expected: Double
    var testDescription: String { name }
  }

  @Test(arguments: [
    EdgeCase(
      name: "t with ν = 0", computed: { StudentT(degreesOfFreedom: 0).cdf(1) }, expected: .nan),
    EdgeCase(
      name: "t with ν < 0", computed: { StudentT(degreesOfFreedom: -3).survival(1) }, expected: .nan
    ),
    EdgeCase(
      name: "t with ν = NaN", computed: { StudentT(degreesOfFreedom: .nan).quantile(0.9) },
      expected: .nan),
    EdgeCase(
      name: "t at NaN", computed: { StudentT(degreesOfFreedom: 5).cdf(.nan) }, expected: .nan),
    EdgeCase(
      name: "t p value at NaN", computed: { StudentT(degreesOfFreedom: 5).twoSidedPValue(.nan) },
      expected: .nan),
    EdgeCase(
      name: "t quantile p > 1", computed: { StudentT(degreesOfFreedom: 5).quantile(1.5) },
      expected: .nan),
    EdgeCase(
      name: "t quantile p < 0", computed: { StudentT(degreesOfFreedom: 5).quantile(-0.1) },
      expected: .nan),
    EdgeCase(
      name: "t quantile p = 0", computed: { StudentT(degreesOfFreedom: 5).quantile(0) },
      expected: -.infinity),
    EdgeCase(
      name: "t quantile p = 1", computed: { StudentT(degreesOfFreedom: 5).quantile(1) },
      expected: .infinity),
    EdgeCase(
      name: "t quantile p = ½", computed: { StudentT(degreesOfFreedom: 5).quantile(0.5) },
      expected: 0),
    EdgeCase(
      name: "t cdf at +∞", computed: { StudentT(degreesOfFreedom: 5).cdf(.infinity) }, expected: 1),
    EdgeCase(
      name: "t cdf at −∞", computed: { StudentT(degreesOfFreedom: 5).cdf(-.infinity) }, expected: 0),
    EdgeCase(
      name: "t p value at 0", computed: { StudentT(degreesOfFreedom: 5).twoSidedPValue(0) },
      expected: 1),
    EdgeCase(
      name: "F with d₁ = 0", computed: { FisherF(numerator: 0, denominator: 5).survival(1) },
      expected: .nan),
    EdgeCase(
      name: "F with d₂ = NaN", computed: { FisherF(numerator: 2, denominator: .nan).cdf(1) },
      expected: .nan),
    EdgeCase(
      name: "F at NaN", computed: { FisherF(numerator: 2, denominator: 5).survival(.nan) },
      expected: .nan),
    EdgeCase(
      name: "F survival at 0", computed: { FisherF(numerator: 2, denominator: 5).survival(0) },
      expected: 1),
    EdgeCase(
      name: "F survival at −1", computed: { FisherF(numerator: 2, denominator: 5).survival(-1) },
      expected: 1),
    EdgeCase(
      name: "F survival at +∞",
      computed: { FisherF(numerator: 2, denominator: 5).survival(.infinity) }, expected: 0),
    EdgeCase(
      name: "χ² with k = ∞", computed: { ChiSquared(degreesOfFreedom: .infinity).survival(1) },
      expected: .nan),
    EdgeCase(
      name: "χ² with k = −1", computed: { ChiSquared(degreesOfFreedom: -1).survival(1) },
      expected: .nan),
    EdgeCase(
      name: "χ² at NaN", computed: { ChiSquared(degreesOfFreedom: 3).survival(.nan) },
      expected: .nan),
    EdgeCase(
      name: "χ² survival at +∞", computed: { ChiSquared(degreesOfFreedom: 3).survival(.infinity) },
      expected: 0),
    EdgeCase(name: "normal at NaN", computed: { Normal().cdf(.nan) }, expected: .nan),
    EdgeCase(name: "normal cdf at −∞", computed: { Normal().cdf(-.infinity) }, expected: 0),
    EdgeCase(
      name: "normal quantile p = NaN", computed: { Normal().quantile(.nan) }, expected: .nan),
    EdgeCase(name: "normal quantile p = 2", computed: { Normal().quantile(2) }, expected: .nan),
    EdgeCase(
      name: "normal quantile p = 0", computed: { Normal().quantile(0) }, expected: -.infinity),
  ])
  func edgesAndInvalidInputNeverTrap(_ c: EdgeCase) {
    let value = c.computed()
    if c.expected.isNaN {
      #expect(value.isNaN)
    } else {
      #expect(value == c.expected)
    }
  }
}
