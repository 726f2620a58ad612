/// The bootstrap behind a sensitivity index's confidence interval: resamples, level and seed.
///
/// B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap" (1993), chapters 6 and 13.
/// Each resample draws n of the n design units (Saltelli rows, Morris trajectories) with
/// replacement, and the index is recomputed on it. The B resampled values θ*₁ … θ*_B give
///
///     half-width  z · sd(θ*),   z = Φ⁻¹(½ + level/2)        (SALib's `*_conf`)
///     percentile  [Q(α/2), Q(1 − α/2)] of θ*,  α = 1 − level   (type 7 quantiles)
///
/// Resample b draws its units from the Philox4x32-10 stream of `seed` and path b, one 64-bit
/// word per unit, unit = ⌊w · n / 2⁶⁴⌋: exactly uniform when n is a power of two (the Saltelli
/// N always is), within n/2⁶⁴ otherwise. So the intervals are the same bytes on every run,
/// but not SALib's, whose resamples come from NumPy's generator.
public struct Bootstrap: Sendable, Equatable {
  /// The fixed seed of the default bootstrap.
  public static let defaultSeed: UInt64 = 0x5EB5_1715_B007_5EED

  /// SALib's defaults: 100 resamples, level 0.95, and the fixed `defaultSeed`.
  public static let standard = Bootstrap(checkedResamples: 100, level: 0.95, seed: defaultSeed)

  /// The number of resamples B.
  public let resamples: Int

  /// The confidence level, in (0, 1).
  public let level: Double

  /// The seed of the Philox streams the resamples are drawn from.
  public let seed: UInt64

  /// A bootstrap of `resamples` resamples at `level`, from `seed`.
  ///
  /// - Throws: `SensitivityError.tooFewResamples` below 2, `.invalidConfidenceLevel` outside
  ///   (0, 1).
  public init(resamples: Int = 100, level: Double = 0.95, seed: UInt64 = Bootstrap.defaultSeed)
    throws(SensitivityError)
  {
    guard resamples >= 2 else { throw .tooFewResamples(resamples) }
    guard level > 0 && level < 1 else { throw .invalidConfidenceLevel(level) }
    self.init(checkedResamples: resamples, level: level, seed: seed)
  }

  private init(checkedResamples resamples: Int, level: Double, seed: UInt64) {
    self.resamples = resamples
    self.level = level
    self.seed = seed
  }

  /// z = Φ⁻¹(½ + level/2): 1.959963984540054 at 0.95.
  public var criticalValue: Double { Normal().quantile(0.5 + level / 2) }

  /// The units of resample `resample`: `count` indices in 0..<count, drawn with replacement.
  func units(resample: Int, count: Int) -> [Int] {
    var stream = PhiloxStream(seed: seed, path: UInt64(resample))
    let n = UInt64(count)
    return (0..<count).map { _ in Int(stream.nextUInt64().multipliedFullWidth(by: n).high) }
  }

  /// The interval of a point estimate from its resampled values; NaN ones (a resample on which
  /// the index is undefined) are left out, and with fewer than two left there is no interval.
  func interval(_ resampled: [Double]) -> BootstrapInterval? {
    let values = resampled.filter { !$0.isNaN }.sorted()
    guard values.count >= 2 else { return nil }
    let alpha = 1 - level
    return BootstrapInterval(
      halfWidth: criticalValue * SampleStatistics.sampleStandardDeviation(values),
      lower: SampleStatistics.quantile(sorted: values, alpha / 2),
      upper: SampleStatistics.quantile(sorted: values, 1 - alpha / 2),
      resamples: values.count)
  }
}
