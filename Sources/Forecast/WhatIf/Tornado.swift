import Foundation

/// One-at-a-time sensitivity of one balance metric in one year (MODEL.md 12): every shock
/// target of the scenario (MODEL.md 8) moved to the low and the high end of its range over the
/// projection years (a shock from base_year + 1 on, after the scenario's own shocks), one run
/// each. A target's range is its `[[uncertain]]` entry's (a uniform's or triangular's bounds,
/// a normal's 5% and 95% quantiles, applied as the entry's `op`) when the scenario gives one,
/// else the target scaled by 1 − δ and 1 + δ. Either way the shocked parameter is clamped to
/// its domain (a rate to [0, 1], a growth rate to [−1, ∞)), so a rate near 1 scaled up stops
/// at 1.
///
/// A failed run does not stop the tornado: its side's value is empty and the row's note holds
/// the error (`TornadoResult`). A warning of a side's run that the base run does not have,
/// digits aside, goes to the row's note.
///
/// Every run uses the scenario's seed and paths (common random numbers), and the value is the
/// mean over paths.
public struct Tornado: Sendable {
  public let scenario: Scenario
  public let metric: String
  public let year: Int
  /// δ, in (0, 1).
  public let delta: Double
  /// Whether only the targets of `[[uncertain]]` entries move (else every target).
  public let uncertainOnly: Bool

  /// - Throws: `WhatIfError` for a metric that is not a balance metric, a year outside the
  ///   projection years, or `uncertainOnly` on a scenario without `[[uncertain]]` entries.
  public init(
    scenario: Scenario, metric: String, year: Int, delta: Double, uncertainOnly: Bool = false
  ) throws(WhatIfError) {
    precondition(delta > 0 && delta < 1, "Tornado: delta \(delta)")
    _ = try MetricSelection.metric(metric, option: .metric)
    guard scenario.info.projectionYears.contains(year) else {
      throw .yearOutOfRange(year: year, valid: scenario.info.projectionYears)
    }
    if uncertainOnly && scenario.uncertain.isEmpty {
      throw .noUncertainInputs(scenario.info.name)
    }
    self.scenario = scenario
    self.metric = metric
    self.year = year
    self.delta = delta
    self.uncertainOnly = uncertainOnly
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

  /// The targets, in `validTargets` order: those of `[[uncertain]]` entries alone when
  /// `uncertainOnly`.
  public var targets: [ShockTarget] {
    let all = scenario.validTargets
    guard uncertainOnly else { return all }
    let uncertain = Set(scenario.uncertain.map(\.target))
    return all.filter(uncertain.contains)
  }

  /// Where a target moves: an operation and the values of its low and high ends.
  public struct Range: Sendable, Equatable {
    public let operation: ShockSpec.Operation
    public let low: Double
    public let high: Double
    /// Whether the range is the target's `[[uncertain]]` entry's (else 1 ± δ).
    public let isUncertainEntry: Bool

    /// `x0.9 .. x1.1`, `set 0.02 .. 0.08`, `add -0.01 .. 0.01`.
    public var description: String {
      let style = Table.TextStyle()
      let (a, b) = (style.format(low), style.format(high))
      switch operation {
      case .scale: return "x\(a) .. x\(b)"
      case .set: return "set \(a) .. \(b)"
      case .add: return "add \(a) .. \(b)"
      }
    }
  }

  /// The range of `target`: its `[[uncertain]]` entry's, else a scale by 1 ± δ.
  public func range(of target: ShockTarget) -> Range {
    guard let entry = scenario.uncertain.first(where: { $0.target == target }) else {
      return Range(operation: .scale, low: 1 - delta, high: 1 + delta, isUncertainEntry: false)
    }
    let (low, high) = entry.range
    return Range(operation: entry.operation, low: low, high: high, isUncertainEntry: true)
  }

  /// The scenario with `target` moved to `value` of its range from base_year + 1 on, the
  /// parameter clamped to its domain.
  public func scenario(moving target: ShockTarget, _ operation: ShockSpec.Operation, to value: Double)
    -> Scenario
  {
    var shocked = scenario
    var shock = ShockSpec(
      target: target, from: scenario.info.baseYear + 1, operation: operation, value: value)
    let domain = target.domain(in: scenario)
    shock.clamp = domain.isUnbounded ? nil : domain.lower...domain.upper
    shocked.shocks.append(shock)
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
    let ranges = targets.map(range(of:))
    let chosen = BalanceMetric(rawValue: metric) ?? .unplaced
    let results = ConcurrentJobs.run(
      count: 1 + 2 * targets.count,
      concurrent: Simulation.runsSideBySide(paths: scenario.info.paths),
      progress: progress
    ) { index throws(SimulationError) -> (Double, [String]) in
      let k = (index - 1) / 2
      let shocked =
        index == 0
        ? scenario
        : scenario(
          moving: targets[k], ranges[k].operation,
          to: index % 2 == 1 ? ranges[k].low : ranges[k].high)
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
        let label = side == 0 ? "low" : "high"
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
          target: target.path, range: ranges[k], low: sides[0], high: sides[1], base: base.0,
          notes: notes))
    }
    return TornadoResult(tornado: self, rows: rows, warnings: base.1)
  }
}
