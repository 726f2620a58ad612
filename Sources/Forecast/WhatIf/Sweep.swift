/// A parameter sweep: the scenario run at every point of the grid of its axes' values, each
/// value applied as a shock on its target (`set` by default, or `scale` or `add`) over a span
/// of years (by default the projection years, base_year + 1 onward), after the scenario's own
/// shocks, so it has the last word. The unswept scenario runs too, and every point's
/// difference from it is reported beside its level.
///
/// Grid points are numbered with the first axis varying slowest (the cartesian product in
/// the axes' order). Points run concurrently; results are gathered by point index, and every
/// point runs with the scenario's seed and paths (common random numbers), so the output is
/// the same bytes whatever the thread count.
public struct Sweep: Sendable {
  /// The most grid points a sweep takes.
  public static let maximumPoints = 100_000
  /// The most rows a sweep prints (about 0.5 GB of table in memory).
  public static let maximumRows = 2_000_000

  public let scenario: Scenario
  public let axes: [SweepAxis]
  public let metrics: MetricSelection
  /// How each point's value combines with its target's.
  public let operation: ShockSpec.Operation
  /// The first year each point's shocks act in.
  public let from: Int
  /// Their last year, inclusive; nil for open-ended.
  public let to: Int?

  /// - Parameters:
  ///   - from: the shocks' first year (default base_year + 1); `to` their last (default none).
  /// - Throws: `WhatIfError.duplicateTarget` when a target is swept twice,
  ///   `gridTooLarge` beyond `maximumPoints`, `reversedSpan` when `to` is before `from`.
  public init(
    scenario: Scenario, axes: [SweepAxis], metrics: MetricSelection = .all,
    operation: ShockSpec.Operation = .set, from: Int? = nil, to: Int? = nil
  ) throws(WhatIfError) {
    precondition(!axes.isEmpty, "Sweep: no axes")
    var seen: Set<ShockTarget> = []
    for axis in axes where !seen.insert(axis.target).inserted {
      throw .duplicateTarget(axis.target.path)
    }
    let points = axes.reduce(1.0) { $0 * Double($1.values.count) }
    guard points <= Double(Self.maximumPoints) else {
      throw .gridTooLarge(points: points, limit: Self.maximumPoints)
    }
    let first = from ?? scenario.info.baseYear + 1
    if let to, to < first { throw .reversedSpan(from: first, to: to) }
    self.scenario = scenario
    self.axes = axes
    self.metrics = metrics
    self.operation = operation
    self.from = first
    self.to = to
  }

  /// The op named `text`: set, scale or add.
  /// - Throws: `WhatIfError.unknownOperation` with the nearest name.
  public static func operation(parsing text: String) throws(WhatIfError) -> ShockSpec.Operation {
    if let operation = ShockSpec.Operation(rawValue: text) { return operation }
    throw .unknownOperation(
      text, nearest: ScenarioDecoder.nearest(text, among: ShockSpec.Operation.allCases.map(\.rawValue)))
  }

  /// Whether the points' shocks are the default: `set` over every projection year.
  public var isDefaultShock: Bool {
    operation == .set && from == scenario.info.baseYear + 1 && to == nil
  }

  /// The number of grid points.
  public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// The values of grid point `index`, one per axis (the first axis varies slowest).
  public func point(_ index: Int) -> [Double] {
    var rest = index
    var values = [Double](repeating: 0, count: axes.count)
    for (a, axis) in axes.enumerated().reversed() {
      values[a] = axis.values[rest % axis.values.count]
      rest /= axis.values.count
    }
    return values
  }

  /// The scenario of grid point `index`: its shocks, then one per axis, `operation` over
  /// `from`...`to`.
  public func scenario(at index: Int) -> Scenario {
    var shocked = scenario
    for (axis, value) in zip(axes, point(index)) {
      shocked.shocks.append(
        ShockSpec(target: axis.target, from: from, to: to, operation: operation, value: value))
    }
    return shocked
  }

  /// `name[target=value,...]`: the scenario column of the long format.
  public func label(_ index: Int) -> String {
    let settings = zip(axes, point(index)).map { axis, value in
      "\(axis.target.path)=\(Table.roundTripText(value))"
    }
    return "\(scenario.info.name)[\(settings.joined(separator: ","))]"
  }

  /// The rows the result's table has (`long`: one per statistic and the difference, after
  /// the unswept scenario's means).
  public func rowCount(long: Bool) -> Double {
    let cells = Double(scenario.info.projectionYears.count) * Double(metrics.names.count)
    guard long else { return Double(pointCount) * cells }
    return Double(pointCount) * cells * Double(SweepResult.statistics(scenario).count + 1) + cells
  }

  /// Fails before anything runs when the table would be larger than `maximumRows`.
  public func checkOutputSize(long: Bool) throws(WhatIfError) {
    let rows = rowCount(long: long)
    if rows > Double(Self.maximumRows) {
      throw .outputTooLarge(rows: rows, limit: Self.maximumRows)
    }
  }

  /// Runs every grid point.
  /// - Parameter progress: called with the number of points finished (from any thread).
  /// - Throws: `WhatIfError.run` for the first grid point (in index order) whose run fails.
  public func run(progress: (@Sendable (Int) -> Void)? = nil) throws(WhatIfError) -> SweepResult {
    try run(sideBySide: true, progress: progress)
  }

  /// As `run(progress:)`; without `sideBySide` every point runs on its own. The result is the
  /// same either way.
  func run(sideBySide: Bool, progress: (@Sendable (Int) -> Void)? = nil) throws(WhatIfError)
    -> SweepResult
  {
    let data = try data()
    let base = try runUnswept(data: data)
    let points = try run(
      points: 0..<pointCount, data: data, sideBySide: sideBySide, progress: progress)
    return SweepResult(sweep: self, levels: SweepResult.levels(scenario), points: points, base: base)
  }

  /// The unswept scenario's statistics, which every point's difference is taken from.
  /// - Throws: `WhatIfError.run` naming the scenario when its run fails.
  func runUnswept(data: ScenarioData) throws(WhatIfError) -> SweepResult.Point {
    do {
      let projection = try Simulation(scenario: scenario).run(keepPaths: false, data: data)
      return SweepResult.Point(
        projection: projection, years: scenario.info.projectionYears, metrics: metrics,
        levels: SweepResult.levels(scenario))
    } catch {
      throw .run(scenario: scenario.info.name, error)
    }
  }

  /// The scenario's data, read once for every grid point.
  func data() throws(WhatIfError) -> ScenarioData {
    do {
      return try ScenarioData(scenario: scenario)
    } catch {
      throw .run(scenario: scenario.info.name, error)
    }
  }

  /// Grid points `range`, each on the scenario's seed and paths: their statistics in point
  /// order. The whole sweep is the range of all its points; a shard (MODEL.md 13) a part.
  /// Side by side (`runSideBySide`) when the points' shocks leave the scenario's preparation
  /// as it is and `sideBySide` allows it, else one run per point.
  func run(
    points range: Range<Int>, data: ScenarioData, sideBySide: Bool = true,
    progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> [SweepResult.Point] {
    if sideBySide, let shared = sharedPreparation(data: data) {
      return try runSideBySide(points: range, data: data, prepared: shared, progress: progress)
    }
    let years = scenario.info.projectionYears
    let levels = SweepResult.levels(scenario)
    let results = ConcurrentJobs.run(
      count: range.count, concurrent: Simulation.runsSideBySide(paths: scenario.info.paths),
      progress: progress
    ) {
      offset throws(SimulationError) -> SweepResult.Point in
      try runOnItsOwn(range.lowerBound + offset, data: data, years: years, levels: levels)
    }
    var points: [SweepResult.Point] = []
    points.reserveCapacity(results.count)
    for (offset, result) in results.enumerated() {
      switch result {
      case .success(let point): points.append(point)
      case .failure(let error): throw .run(scenario: label(range.lowerBound + offset), error)
      }
    }
    return points
  }

  /// Grid point `index` as its own run, with its own preparation.
  private func runOnItsOwn(
    _ index: Int, data: ScenarioData, years: ClosedRange<Int>, levels: [Double]
  ) throws(SimulationError) -> SweepResult.Point {
    let projection = try Simulation(scenario: scenario(at: index)).run(
      batchSize: Simulation.sideBySideBatchSize(paths: scenario.info.paths), data: data)
    return SweepResult.Point(projection: projection, years: years, metrics: metrics, levels: levels)
  }

  /// The scenario's preparation, which every grid point's equals, when the points can run side
  /// by side (`Simulation.pointsRunSideBySide(adding:)`) and their shocks act in some
  /// projection year (else each point warns that its shock changes nothing); nil otherwise,
  /// or when preparing fails or the memory check refuses the runs (each point then runs on its
  /// own and reports its own error).
  func sharedPreparation(data: ScenarioData) -> Simulation.Preparation? {
    let simulation = Simulation(scenario: scenario)
    let paths = scenario.info.paths
    guard
      from <= scenario.info.projectionYears.upperBound,
      simulation.pointsRunSideBySide(adding: Array(scenario(at: 0).shocks.suffix(axes.count))),
      (try? simulation.checkMemory(paths: paths, available: AvailableMemory.bytes())) != nil
    else { return nil }
    // On single-threaded BLAS, as each point's own preparation runs (ConcurrentJobs).
    return try? withSingleThreadedBLAS { () throws(SimulationError) in
      try simulation.prepare(data: data, stochastic: paths > 1)
    }
  }

  /// Grid points `range` side by side, in batches of up to
  /// `Simulation.designPointsPerBatch(paths:)` (`Simulation.runPointsSideBySide`), the points
  /// of a batch agreeing on every axis that may not vary along one
  /// (`Simulation.variesAlongBatch`); batches run concurrently. A batch that fails or warns
  /// about a value out of range or clamped runs its points one by one, each on its own, so
  /// errors and warnings are each point's own.
  func runSideBySide(
    points range: Range<Int>, data: ScenarioData, prepared: Simulation.Preparation,
    progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> [SweepResult.Point] {
    let years = scenario.info.projectionYears
    let levels = SweepResult.levels(scenario)
    let added = axes.count
    let batches = sideBySideBatches(range)
    let results = ConcurrentJobs.run(
      count: batches.count, work: { batches[$0].count }, progress: progress
    ) { b -> [Result<SweepResult.Point, SimulationError>] in
      let indices = batches[b]
      let values = (0..<added).map { a in indices.map { point($0)[a] } }
      if let sides = Simulation(scenario: scenario(at: indices[0])).runPointsSideBySide(
        added: added, values: values, data: data, prepared: prepared)
      {
        return sides.map { side in
          .success(
            SweepResult.Point(
              balance: side.balance, warnings: side.warnings, years: years, metrics: metrics,
              levels: levels))
        }
      }
      return indices.map { index in
        Result { () throws(SimulationError) in
          try runOnItsOwn(index, data: data, years: years, levels: levels)
        }
      }
    }
    return try PointBatches.ordered(results, batches: batches, range: range, label: label)
  }

  /// The points of `range` in side-by-side batches, in index order within a batch: points
  /// grouped by their values on the axes that may not vary along a batch, each group cut into
  /// batches of `Simulation.designPointsPerBatch(paths:)`, groups in the order of their first
  /// point.
  func sideBySideBatches(_ range: Range<Int>) -> [[Int]] {
    let simulation = Simulation(scenario: scenario)
    let fixed = axes.indices.filter { !simulation.variesAlongBatch(axes[$0].target) }
    return PointBatches.batches(range, size: Simulation.designPointsPerBatch(paths: scenario.info.paths)) { index in
      let values = point(index)
      return fixed.map { values[$0].bitPattern }
    }
  }
}
