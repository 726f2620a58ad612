extension Simulation {
  /// What differs between design points side by side besides their shocks' values
  /// (`runPointsSideBySide`).
  struct PointsSideBySide {
    /// Each point's preparation (`prepare(reusing:adding:data:stochastic:)`): its drivers'
    /// central values and, with paths, the central graduates its calibration draws scale with.
    let preparations: [Preparation]
    /// Each point's shocks, its own values in place.
    let shocks: [[ShockSpec]]
  }

  /// One design point run side by side with others: its balance metrics per path (its own
  /// run's `Projection.balance`) and its warnings.
  struct SideBySidePoint: Sendable {
    let balance: PathSeries
    let warnings: [String]
  }

  /// Design points side by side, as the columns of one batch: the scenarios that differ from
  /// this one only in the values of its last `added` shocks, point g taking `values[i][g]` for
  /// added shock i. With P paths, column g · P + p is path p of point g and takes that path's
  /// draws (common random numbers, `PathContext.points`): truncated draws around its own
  /// point's centres, the calibration draws scaled by its point's central graduates. Every
  /// point's central values are checked and decide the clamps, as in its own run.
  ///
  /// Every column is computed as the point's own run computes that path (the engines'
  /// per-path arithmetic does not read other columns, and a value all points share stays
  /// shared), so each point's balance metrics are the bits of its own run, provided that the
  /// points agree on every shock whose target does not `variesAlongBatch`; `prepared` is this
  /// scenario's preparation, which the points share (`preparationCarriesOver(adding:)`).
  ///
  /// - Returns: each point's balance metrics and warnings, or nil when the batch fails or a
  ///   value of some column was out of range or clamped: those warnings count path-years per
  ///   run, and an error is a point's own, so the caller runs the points one by one instead.
  func runPointsSideBySide(
    added: Int, values: [[Double]], data: ScenarioData, prepared: Preparation
  ) -> [SideBySidePoint]? {
    let paths = scenario.info.paths
    let points = values.first?.count ?? 1
    let seed = UInt64(bitPattern: Int64(scenario.info.seed))
    let base = scenario.info.baseYear
    // One path: the columns are the points. P paths: each point's P columns.
    var context = paths == 1
      ? PathContext(seed: seed, paths: 0..<points, total: 1, baseYear: base)
      : PathContext(seed: seed, paths: 0..<paths, total: paths, baseYear: base)
    if paths > 1 { context.points = points }
    let first = scenario.shocks.count - added
    var perColumn: [Int: [Double]] = [:]
    var perPoint: [Int: [Double]] = [:]
    var pointShocks = [[ShockSpec]](repeating: scenario.shocks, count: points)
    for (i, column) in values.enumerated() {
      // A value every point shares stays one value, as in each point's own run.
      let shared = column.allSatisfy { $0.bitPattern == column[0].bitPattern }
      perPoint[first + i] = shared ? [column[0]] : column
      perColumn[first + i] = shared
        ? [column[0]] : column.flatMap { repeatElement($0, count: paths) }
      for g in 0..<points { pointShocks[g][first + i].value = column[g] }
    }
    let shocks = ShockApplication(
      shocks: scenario.shocks, scenario: scenario, context: context, perColumn: perColumn)
    let out: BatchOutputs
    let preparations: [Preparation]
    do {
      preparations = try preparePoints(
        reusing: prepared, shocks: pointShocks, added: added, perColumn: perPoint, data: data,
        stochastic: paths > 1)
      out = try batchOutputs(
        context, data: data, prepared: prepared, shocks: shocks,
        points: PointsSideBySide(preparations: preparations, shocks: pointShocks))
    } catch {
      return nil
    }
    // Two sources on one stream region are each point's own run's error.
    guard RangeCheck.warnings(out.ranges, paths: context.count).isEmpty, out.clamps.isEmpty,
      context.sources.clash == nil
    else { return nil }
    let balance = BatchResult.balance(
      cohort: out.cohort, matches: out.matches, paths: context.count)
    return (0..<points).map { g in
      let columns = Array((g * paths)..<((g + 1) * paths))
      let series = PathSeries(
        years: balance.years, names: balance.names, paths: paths,
        matrices: balance.matrices.map { $0.columns == 1 ? $0 : $0.selectingColumns(columns) })
      return SideBySidePoint(balance: series, warnings: preparations[g].warnings)
    }
  }
}

extension Simulation {
  /// Whether design points that add `shocks` to this scenario can run side by side
  /// (`runPointsSideBySide`): when a point's own run is one batch
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
