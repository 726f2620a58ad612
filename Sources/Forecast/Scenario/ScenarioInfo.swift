/// The `[scenario]` table: the name, the years and the Monte Carlo settings.
public struct ScenarioInfo: Sendable, Equatable {
  /// `[a-z0-9_-]+`, used in output metadata.
  public var name: String
  public var title: String?
  /// The last year with observed data.
  public var baseYear: Int
  /// Years projected: `baseYear + 1 ... baseYear + horizon`.
  public var horizon: Int
  /// Monte Carlo paths; 1 is deterministic.
  public var paths: Int
  public var seed: Int
  /// Quantile levels of the fan table, strictly increasing in (0, 1).
  public var quantiles: [Double]

  /// The most paths a run takes. Memory grows linearly, about 2 KB per path for the China
  /// baseline (measured: 226 MB at 100,000 paths); a run is also refused when its estimate
  /// exceeds the machine's memory (`Simulation.estimatedBytes`).
  public static let maximumPaths = 1_000_000

  /// The most years a scenario projects: far beyond any use (cohorts, brand plans), and small
  /// enough that a mistyped horizon is an error, not a run that never ends.
  public static let maximumHorizon = 200

  /// The quantile levels used when a scenario gives none.
  public static let defaultQuantiles = [0.05, 0.25, 0.5, 0.75, 0.95]

  public init(
    name: String, title: String? = nil, baseYear: Int, horizon: Int, paths: Int = 1,
    seed: Int = 0, quantiles: [Double] = ScenarioInfo.defaultQuantiles
  ) {
    self.name = name
    self.title = title
    self.baseYear = baseYear
    self.horizon = horizon
    self.paths = paths
    self.seed = seed
    self.quantiles = quantiles
  }

  /// The projection years.
  public var projectionYears: ClosedRange<Int> { (baseYear + 1)...(baseYear + max(horizon, 1)) }
}
