/// A parameter sweep: the scenario run at every point of the grid of its axes' values, each
/// value applied as a `set` shock on its target over the projection years (base_year + 1
/// onward, after the scenario's own shocks, so it has the last word).
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

  /// - Throws: `WhatIfError.duplicateTarget` when a target is swept twice,
  ///   `gridTooLarge` beyond `maximumPoints`.
  public init(scenario: Scenario, axes: [SweepAxis], metrics: MetricSelection = .all)
    throws(WhatIfError)
  {
    precondition(!axes.isEmpty, "Sweep: no axes")
    var seen: Set<ShockTarget> = []
    for axis in axes where !seen.insert(axis.target).inserted {
      throw .duplicateTarget(axis.target.path)
    }
    let points = axes.reduce(1.0) { $0 * Double($1.values.count) }
    guard points <= Double(Self.maximumPoints) else {
      throw .gridTooLarge(points: points, limit: Self.maximumPoints)
    }
    self.scenario = scenario
    self.axes = axes
    self.metrics = metrics
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

  /// The scenario of grid point `index`: its shocks, then one `set` per axis from
  /// base_year + 1 on.
  public func scenario(at index: Int) -> Scenario {
    var shocked = scenario
    for (axis, value) in zip(axes, point(index)) {
      shocked.shocks.append(
        ShockSpec(
          target: axis.target, from: scenario.info.baseYear + 1, operation: .set, value: value))
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

  /// The rows the result's table has (`long`: one per statistic).
  public func rowCount(long: Bool) -> Double {
    let statistics = long ? Double(SweepResult.statistics(scenario).count) : 1
    return Double(pointCount) * Double(scenario.info.projectionYears.count)
      * Double(metrics.names.count) * statistics
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
    let points = try run(points: 0..<pointCount, data: try data(), progress: progress)
    return SweepResult(sweep: self, levels: SweepResult.levels(scenario), points: points)
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
  func run(points range: Range<Int>, data: ScenarioData, progress: (@Sendable (Int) -> Void)?)
    throws(WhatIfError) -> [SweepResult.Point]
  {
    let years = scenario.info.projectionYears
    let levels = SweepResult.levels(scenario)
    let results = ConcurrentJobs.run(
      count: range.count, concurrent: Simulation.runsSideBySide(paths: scenario.info.paths),
      progress: progress
    ) {
      offset throws(SimulationError) -> SweepResult.Point in
      let projection = try Simulation(scenario: scenario(at: range.lowerBound + offset)).run(
        batchSize: Simulation.sideBySideBatchSize(paths: scenario.info.paths), data: data)
      return SweepResult.Point(
        projection: projection, years: years, metrics: metrics, levels: levels)
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
}
