/// Scenarios compared with a base: per projection year and balance metric, each
/// alternative's mean, the base's, their difference and the percentage difference.
///
/// Every alternative runs with the base's seed and paths, overriding its own (`notes` says
/// where they differed), so path p of every scenario uses the same random draws (common
/// random numbers): with P > 1 the per-path differences alternative − base are paired, and
/// their quantiles (at the base's levels) measure the effect of the change itself, not the
/// noise of two independent runs. A source of randomness the alternative does not touch
/// gives the same values on every path, so a metric it does not move differs by exactly 0.
public struct Comparison: Sendable {
  public let base: Scenario
  /// The alternatives, with the base's seed and paths.
  public let alternatives: [Scenario]
  /// The alternatives' names, made unique: a repeat of an earlier name gets `#2`, `#3`...
  public let labels: [String]
  public let metrics: MetricSelection
  /// Where an alternative's own seed or paths were overridden, one sentence each.
  public let notes: [String]

  public init(base: Scenario, alternatives: [Scenario], metrics: MetricSelection = .all) {
    precondition(!alternatives.isEmpty, "Comparison: no alternatives")
    self.base = base
    self.metrics = metrics
    var aligned: [Scenario] = []
    var notes: [String] = []
    var labels: [String] = []
    var used: [String: Int] = [base.info.name: 1]
    for alternative in alternatives {
      let count = used[alternative.info.name, default: 0] + 1
      used[alternative.info.name] = count
      let label = count == 1 ? alternative.info.name : "\(alternative.info.name)#\(count)"
      labels.append(label)
      var changes: [String] = []
      if alternative.info.paths != base.info.paths {
        changes.append("\(base.info.paths) paths (its own: \(alternative.info.paths))")
      }
      if base.info.paths > 1 && alternative.info.seed != base.info.seed {
        changes.append("seed \(base.info.seed) (its own: \(alternative.info.seed))")
      }
      if !changes.isEmpty {
        notes.append(
          "\(label) runs with the base's \(changes.joined(separator: " and ")), so that its "
            + "differences to \(base.info.name) are paired on common random numbers")
      }
      var copy = alternative
      copy.info.paths = base.info.paths
      copy.info.seed = base.info.seed
      aligned.append(copy)
    }
    self.alternatives = aligned
    self.labels = labels
    self.notes = notes
  }

  /// Runs the base and every alternative (each reads its own data files).
  /// - Parameter progress: called with the number of scenarios run so far (from any thread).
  /// - Throws: `WhatIfError.run` naming the first scenario (base first) whose run fails.
  public func run(progress: (@Sendable (Int) -> Void)? = nil) throws(WhatIfError)
    -> ComparisonResult
  {
    let scenarios = [base] + alternatives
    let names = [base.info.name] + labels
    let results = ConcurrentJobs.run(
      count: scenarios.count, concurrent: Simulation.runsSideBySide(paths: base.info.paths),
      progress: progress
    ) { index throws(SimulationError) -> (PathSeries, [String]) in
      let projection = try Simulation(scenario: scenarios[index]).run(
        batchSize: Simulation.sideBySideBatchSize(paths: scenarios[index].info.paths), keepPaths: false)
      return (projection.balance, projection.warnings)
    }
    var balances: [PathSeries] = []
    var warnings: [[String]] = []
    for (index, result) in results.enumerated() {
      switch result {
      case .success(let (balance, runWarnings)):
        balances.append(balance)
        warnings.append(runWarnings)
      case .failure(let error): throw .run(scenario: names[index], error)
      }
    }
    return ComparisonResult(
      comparison: self, base: balances[0], alternatives: Array(balances.dropFirst()),
      warnings: WarningDigest.merge(warnings, noun: "scenarios") { names[$0] })
  }
}
