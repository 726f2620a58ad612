extension Simulation {
  /// Deterministic design points side by side, as the columns of one batch: the scenarios that
  /// differ from this one only in the values of its last `added` shocks, point g taking
  /// `values[i][g]` for added shock i. Every column is computed as that point's own one-path
  /// run computes it (the engines' per-path arithmetic does not read other columns, and a
  /// value all points share stays shared), so each point's balance metrics are the bits of
  /// its own run, provided that the points agree on every shock whose target does not
  /// `variesAlongBatch`; `prepared` is this scenario's preparation, which the points share
  /// (`preparationCarriesOver(adding:)`).
  ///
  /// - Returns: the batch, one path per point, or nil when some point's value is out of
  ///   range: those warnings count path-years per run, so the caller runs the points one by
  ///   one instead.
  func runDeterministicPoints(
    added: Int, values: [[Double]], data: ScenarioData, prepared: Preparation
  ) throws(SimulationError) -> BatchResult? {
    precondition(scenario.info.paths == 1, "Simulation: design points side by side need one path")
    let points = values.first?.count ?? 1
    let context = PathContext(
      seed: UInt64(bitPattern: Int64(scenario.info.seed)), paths: 0..<points, total: 1,
      baseYear: scenario.info.baseYear)
    let first = scenario.shocks.count - added
    var perColumn: [Int: [Double]] = [:]
    for (i, column) in values.enumerated() {
      // A value every point shares stays one value, as in each point's own run.
      let shared = column.allSatisfy { $0.bitPattern == column[0].bitPattern }
      perColumn[first + i] = shared ? [column[0]] : column
    }
    let shocks = ShockApplication(
      shocks: scenario.shocks, scenario: scenario, context: context, perColumn: perColumn)
    let part = try runBatch(
      context, data: data, prepared: prepared, keepPaths: false, shocks: shocks)
    guard RangeCheck.warnings(part.ranges, paths: points).isEmpty, part.clamps.isEmpty else {
      return nil
    }
    return part
  }
}

extension Simulation {
  /// What differs between design points side by side besides their shocks' values
  /// (`runPointsSideBySide`).
  struct PointsSideBySide {
    /// Each point's preparation (`prepare(reusing:adding:data:stochastic:)`): its drivers'
    /// central values and the central graduates its calibration draws scale with.
    let preparations: [Preparation]
    /// Each point's shocks, its own values in place.
    let shocks: [[ShockSpec]]
  }

  /// Design points of P > 1 paths side by side, as the columns of one batch: the scenarios
  /// that differ from this one only in the values of its last `added` shocks, point g taking
  /// `values[i][g]` for added shock i, column g · P + p being path p of point g. Every column
  /// takes the draws of its path (common random numbers, `PathContext.points`), truncated
  /// draws around its own point's centres, and the calibration draws scale with its point's
  /// central graduates; its point's central values are checked and decide the clamps. So each
  /// column is the bits of that path in the point's own run (`runDeterministicPoints` says
  /// why, and on which shocks the points must then agree).
  ///
  /// - Parameters:
  ///   - prepared: this scenario's preparation, which the points share
  ///     (`preparationCarriesOver(adding:)`).
  ///   - preparations: each point's own, from `prepared`.
  /// - Returns: each point's balance metrics on its P paths (its own run's
  ///   `Projection.balance`), or nil when a value of some column was out of range or clamped:
  ///   those warnings count path-years per run, so the caller runs the points one by one
  ///   (as it does when the batch fails).
  func runPointsSideBySide(
    added: Int, values: [[Double]], data: ScenarioData, prepared: Preparation,
    preparations: [Preparation]
  ) throws(SimulationError) -> [PathSeries]? {
    let paths = scenario.info.paths
    precondition(paths > 1, "Simulation: design points side by side on paths need paths")
    let points = values.first?.count ?? 1
    precondition(preparations.count == points, "Simulation: a preparation per design point")
    var context = PathContext(
      seed: UInt64(bitPattern: Int64(scenario.info.seed)), paths: 0..<paths, total: paths,
      baseYear: scenario.info.baseYear)
    context.points = points
    let first = scenario.shocks.count - added
    var perColumn: [Int: [Double]] = [:]
    var pointShocks = [[ShockSpec]](repeating: scenario.shocks, count: points)
    for (i, column) in values.enumerated() {
      // A value every point shares stays one value, as in each point's own run.
      let shared = column.allSatisfy { $0.bitPattern == column[0].bitPattern }
      perColumn[first + i] = shared
        ? [column[0]] : column.flatMap { repeatElement($0, count: paths) }
      for g in 0..<points { pointShocks[g][first + i].value = column[g] }
    }
    let shocks = ShockApplication(
      shocks: scenario.shocks, scenario: scenario, context: context, perColumn: perColumn)
    let out = try batchOutputs(
      context, data: data, prepared: prepared, shocks: shocks,
      points: PointsSideBySide(preparations: preparations, shocks: pointShocks))
    // Two sources on one stream region are each point's own run's error.
    guard RangeCheck.warnings(out.ranges, paths: context.count).isEmpty, out.clamps.isEmpty,
      context.sources.clash == nil
    else { return nil }
    let balance = BatchResult.balance(
      cohort: out.cohort, matches: out.matches, paths: context.count)
    return (0..<points).map { g in
      let columns = Array((g * paths)..<((g + 1) * paths))
      return PathSeries(
        years: balance.years, names: balance.names, paths: paths,
        matrices: balance.matrices.map { $0.columns == 1 ? $0 : $0.selectingColumns(columns) })
    }
  }
}

extension Simulation {
  /// Whether design points that add `shocks` to this scenario can run side by side
  /// (`runDeterministicPoints`, `runPointsSideBySide`): when a point's own run is one batch
  /// (`runsSideBySide(paths:)`), with a preparation that carries over, and with none of the
  /// shocks on the births driver, whose central values the run checks.
  func pointsRunSideBySide(adding shocks: [ShockSpec]) -> Bool {
    guard Self.runsSideBySide(paths: scenario.info.paths), preparationCarriesOver(adding: shocks)
    else { return false }
    guard let births = scenario.population?.birthsDriver else { return true }
    return !shocks.contains { $0.target == .driver(births) }
  }

  /// Whether points that differ in the value of a shock on `target` may share a batch: not
  /// when it sets a continuation share, directly or through a driver. The engine works out the
  /// new supply of a shared share as φ·diag(1 − cont) times the graduates and of per-path
  /// shares path by path, which rounds differently, so such points go in batches of their
  /// own value.
  func variesAlongBatch(_ target: ShockTarget) -> Bool {
    switch target {
    case .continuationShare: return false
    case .driver(let name):
      return !scenario.tracks.contains { track in
        if case .continuation(_, .driver(name)) = track.rule { return true }
        return false
      }
    default: return true
    }
  }

  /// Design points per batch when they run side by side: enough columns that a batch's fixed
  /// cost is small next to its per-column work, few enough that every core gets batches.
  static let designPointsPerBatch = 128

  /// Design points of `paths` paths per batch side by side: up to `designPointsPerBatch`, as
  /// many as keep the columns within a run's `defaultBatchSize` (at least one).
  static func designPointsPerBatch(paths: Int) -> Int {
    min(designPointsPerBatch, max(1, defaultBatchSize / max(paths, 1)))
  }
}
