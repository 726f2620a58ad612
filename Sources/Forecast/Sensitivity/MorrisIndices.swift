/// Morris screening measures of one model output.
///
/// The result of `MorrisAnalysis.indices(outputs:)`; the definitions are there.
public struct MorrisIndices: Sendable, Equatable {
  /// The inputs' names, in design order.
  public let inputNames: [String]

  /// The elementary effects: `elementaryEffects[j][t]` is input j's in trajectory t.
  public let elementaryEffects: [[Double]]

  /// μ_j, the mean elementary effect (SALib's `mu`).
  public let mean: [Double]

  /// μ*_j, the mean absolute elementary effect (SALib's `mu_star`).
  public let absoluteMean: [Double]

  /// σ_j, the standard deviation of the elementary effects, n − 1 denominator (`sigma`).
  public let standardDeviation: [Double]

  /// The bootstrap interval of μ*_j (its `halfWidth` is SALib's `mu_star_conf`).
  public let absoluteMeanInterval: [BootstrapInterval?]
}
