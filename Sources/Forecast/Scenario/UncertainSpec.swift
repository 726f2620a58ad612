/// An uncertain input of a global sensitivity analysis (MODEL.md 12): a shock target, how
/// its value combines with the parameter's (`set`, `scale`, `add`) and the distribution of
/// that value. `run` ignores these entries; `sensitivity` and `tornado` read them.
public struct UncertainSpec: Sendable, Equatable {
  /// The target as written, `tracks.bachelor.entry.rate`.
  public var targetPath: String
  public var target: ShockTarget
  public var operation: ShockSpec.Operation
  public var distribution: InputDistribution

  public init(
    target: ShockTarget, operation: ShockSpec.Operation = .set, distribution: InputDistribution
  ) {
    self.targetPath = target.path
    self.target = target
    self.operation = operation
    self.distribution = distribution
  }

  /// The entry's range for a one-at-a-time sensitivity: a uniform's or triangular's bounds,
  /// a normal's 5% and 95% quantiles.
  public var range: (low: Double, high: Double) {
    switch distribution {
    case .uniform(let a, let b), .triangular(let a, _, let b): return (a, b)
    case .normal: return (distribution.quantile(0.05), distribution.quantile(0.95))
    }
  }
}
