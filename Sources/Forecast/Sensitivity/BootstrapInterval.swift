/// A bootstrap confidence interval of a sensitivity index, in two forms.
///
///     halfWidth     z · sd(θ*)  (SALib's `S1_conf`, `ST_conf`, `S2_conf`, `mu_star_conf`):
///                   the interval is estimate ± halfWidth
///     lower, upper  the α/2 and 1 − α/2 type 7 quantiles of the resampled values θ*
///
/// The percentile bounds need not be centred on the estimate (the Sobol estimators are biased
/// for small N, and mu* is bounded below by 0); the half-width is symmetric by construction.
public struct BootstrapInterval: Sendable, Equatable {
  /// z times the standard deviation (n − 1 denominator) of the resampled values.
  public let halfWidth: Double

  /// The lower percentile bound.
  public let lower: Double

  /// The upper percentile bound.
  public let upper: Double

  /// The resamples the interval is made of: all of them, less any on which the index is
  /// undefined (a resample whose A and B outputs are all equal).
  public let resamples: Int
}
