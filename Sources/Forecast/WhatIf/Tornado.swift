import Foundation

/// One-at-a-time sensitivity of one balance metric in one year: every shock target of the
/// scenario (MODEL.md 8) scaled by 1 − δ and by 1 + δ over the projection years (a `scale`
/// shock from base_year + 1 on, after the scenario's own shocks), one run each.
///
/// Scaling is not clamped: a rate near 1 scaled up leaves [0, 1], which the run reports as a
/// warning (MODEL.md 7), or as an error where the model cannot go on (an eligibility above 1,
/// continuation shares summing above 1). A failed run does not stop the tornado: its side's
/// value is empty and the row's note holds the error (`TornadoResult`). A warning of a side's
/// run that the base run does not have, digits aside, goes to the row's note.
///
/// Every run uses the scenario's seed and paths (common random numbers), and the value is the
/// mean over paths.
public struct Tornado: Sendable {
  public let scenario: Scenario
  public let metric: String
  public let year: Int
  /// δ, in (0, 1).
  public let delta: Double

  /// - Throws: `WhatIfError` for a metric that is not a balance metric or a year outside the
  ///   projection years.
  public init(scenario: Scenario, metric: String, year: Int, delta: Double) throws(WhatIfError) {
    precondition(delta > 0 && delta < 1, "Tornado: delta \(delta)")
    _ = try MetricSelection.metric(metric, option: .metric)
    guard scenario.info.projectionYears.contains(year) else {
      throw .yearOutOfRange(year: year, valid: scenario.info.projectionYears)
    }
    self.scenario = scenario
    self.metric = metric
    self.year = year
    self.delta = delta
  }

  /// Parses `10%` or `0.1` into δ in (0, 1).
  /// - Throws: `WhatIfError.badDelta` otherwise.
  public static func delta(parsing text: String) throws(WhatIfError) -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let isPercent = trimmed.hasSuffix("%")
    guard let number = Double(isPercent ? String(trimmed.dropLast()) : trimmed) else {
      throw .badDelta(text)
    }
    let delta = isPercent ? number / 100 : number
    guard delta > 0 && delta < 1 else { throw .badDelta(text) }
    return delta
  }

  /// A warning with its digits left out: a warning the base run has too, with other counts
  /// or years (a rate outside [0, 1] in fewer years), is not news about the scaled target.
  static func withoutNumbers(_ warning: String) -> String {
    String(warning.unicodeScalars.filter { !CharacterSet.decimalDigits.contains($0) })
  }

  /// The targets, in `validTargets` order.
  public var targets: [ShockTarget] { scenario.validTargets }

  /// The scenario with `target` scaled by `factor` from base_year + 1 on.
  public func scenario(scaling target: ShockTarget, by factor: Double) -> Scenario {
    var shocked = scenario
    shocked.shocks.append(
      ShockSpec(target: target, from: scenario.info.baseYear + 1, operation: .scale, value: factor))
    return shocked
  }

  /// Runs the base and both sides of every target, concurrently.
  /// - Parameter progress: called with the number of runs finished (of 1 + 2 × targets).
  /// - Throws: `WhatIfError.run` when the unshocked scenario itself fails.
  public func run(progress: (@Sendable (Int) -> Void)? = nil) throws(WhatIfError) -> TornadoResult {
    let data: ScenarioData
    do {
      data = try ScenarioData(scenario: scenario)
    } catch {
      throw .run(scenario: scenario.info.name, error)
    }
    let targets = self.targets
    let factors = [1 - delta, 1 + delta]
    let chosen = BalanceMetric(rawValue: metric) ?? .unplaced
    let results = ConcurrentJobs.run(
      count: 1 + 2 * targets.count,
      concurrent: Simulation.runsSideBySide(paths: scenario.info.paths),
      progress: progress
    ) { index throws(SimulationError) -> (Double, [String]) in
      let shocked =
        index == 0
        ? scenario : scenario(scaling: targets[(index - 1) / 2], by: factors[(index - 1) % 2])
      let projection = try Simulation(scenario: shocked).run(
        batchSize: Simulation.sideBySideBatchSize(paths: shocked.info.paths), data: data)
      return (projection.balance(chosen, year: year), projection.warnings)
    }
    let base: (Double, [String])
    switch results[0] {
    case .success(let value): base = value
    case .failure(let error): throw .run(scenario: scenario.info.name, error)
    }
    let baseWarnings = Set(base.1.map(Self.withoutNumbers))
    var rows: [TornadoResult.Row] = []
    for (k, target) in targets.enumerated() {
      var sides: [Double] = []
      var notes: [String] = []
      for (side, result) in [results[1 + 2 * k], results[2 + 2 * k]].enumerated() {
        let label = (side == 0 ? "-" : "+") + TornadoResult.percent(delta)
        switch result {
        case .success(let (value, warnings)):
          sides.append(value)
          for warning in warnings where !baseWarnings.contains(Self.withoutNumbers(warning)) {
            notes.append("\(label): warning: \(warning)")
          }
        case .failure(let error):
          sides.append(.nan)
          notes.append("\(label): error: \(error)")
        }
      }
      rows.append(
        TornadoResult.Row(
          target: target.path, low: sides[0], high: sides[1], base: base.0, notes: notes))
    }
    return TornadoResult(tornado: self, rows: rows, warnings: base.1)
  }
}
