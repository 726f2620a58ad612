import Foundation

extension Simulation {
  /// One batch of paths, start to finish.
  /// - Parameter shocks: the scenario's shocks with their values, when not the scenario's own
  ///   (design points side by side, one value per column).
  func runBatch(
    _ context: PathContext, data: ScenarioData, prepared: Preparation, keepPaths: Bool,
    shocks given: ShockApplication? = nil
  ) throws(SimulationError)
    -> BatchResult
  {
    let out = try batchOutputs(context, data: data, prepared: prepared, shocks: given)
    let (cohort, demand, matches) = (out.cohort, out.demand, out.matches)
    let info = scenario.info
    let base = info.baseYear
    let last = base + info.horizon
    let start = prepared.start
    // Reduce the batch to what the tables need: block sums of every table cell, and the
    // balance metrics per path (the fan and compare need each path's).
    let firstPath = context.paths.lowerBound
    let fields = cohort.fields
    let sectorNames = scenario.sectors.map(\.name)
    let projectionYears = (base + 1)...last
    let placements = PathSeries(
      years: projectionYears,
      names: fields.flatMap { f in sectorNames.map { "\(f)/\($0)" } }, paths: context.count,
      matrices: matches.map(\.placements))
    return BatchResult(
      startYear: start, firstPath: firstPath, tracks: cohort.tracks, sectors: sectorNames,
      fields: fields,
      supply: SupplySums(cohort, years: projectionYears, firstPath: firstPath),
      demand: DemandSums(demand, firstPath: firstPath),
      placements: BlockSums(placements, firstPath: firstPath),
      balance: BatchResult.balance(cohort: cohort, matches: matches, paths: context.count),
      engines: keepPaths ? Projection.Engines(cohort: cohort, demand: demand, matches: matches) : nil,
      fitRows: prepared.fitRows, warnings: prepared.warnings, ranges: out.ranges,
      clamps: out.clamps)
  }

  /// A batch's engine outputs, before they are reduced to tables, with its range counts and
  /// clamped values.
  struct BatchOutputs {
    let cohort: CohortProjection
    let demand: DemandProjection
    let matches: [PathMatching]
    let ranges: [RangeCheck.Count]
    let clamps: [String: ClampLog.Entry]
  }

  /// The engines on one batch of paths.
  /// - Parameter points: design points side by side (`context.points` of them), each one's
  ///   preparation and shocks; nil for a run of one scenario.
  func batchOutputs(
    _ context: PathContext, data: ScenarioData, prepared: Preparation,
    shocks given: ShockApplication? = nil, points: PointsSideBySide? = nil
  ) throws(SimulationError) -> BatchOutputs {
    let info = scenario.info
    let base = info.baseYear
    let last = base + info.horizon
    let start = prepared.start
    let shocks =
      given ?? ShockApplication(shocks: scenario.shocks, scenario: scenario, context: context)
    let drivers = try DriverValues(
      fits: prepared.fits, scenario: scenario, years: prepared.years, context: context,
      shocks: shocks)
    let clamps = ClampLog()
    var parameters = ParameterResolver(
      drivers: drivers, shocks: shocks, context: context, clamps: clamps)
    if let points {
      parameters.points = zip(points.preparations, points.shocks).map {
        ParameterResolver.Point(fits: $0.fits, shocks: $1)
      }
    }
    var tracks = try cohortTracks(data: data, parameters: parameters, start: start, last: last)
    let calibrated = Set(prepared.completions.indices.filter { prepared.completions[$0] != nil }.map { tracks[$0].name })
    if context.isStochastic, !prepared.calibrations.isEmpty {
      let draws = try CalibrationDraws.completions(
        prepared.calibrations, years: prepared.years, centralGraduates: points?.preparations.map(\.centralGraduates) ?? [prepared.centralGraduates],
        context: context)
      for (k, series) in draws {
        var series = series.filter { tracks[k].completion[$0.key] != nil }
        shocks.apply(.completion(track: tracks[k].name), to: &series)
        // A drawn yield is never truncated (MODEL.md 7), but a negative completion is out of
        // its domain [0, ∞): clamped and counted, so one extreme path never stops the run.
        clamps.clamp(&series, to: .nonNegative, parameter: "tracks.\(tracks[k].name).completion")
        tracks[k].setCompletion(series)
      }
    } else {
      setCompletions(&tracks, prepared.completions.map { $0.map { [$0] } }, shocks: shocks)
    }
    let trackRanges = RangeCheck.count(tracks: tracks, paths: context.count, calibrated: calibrated)

    let cohort: CohortProjection
    do {
      let engine = try CohortEngine(
        system: CohortSystem(baseYear: base, horizon: info.horizon, tracks: tracks),
        startYear: start)
      cohort = engine.run(paths: context.count)
    } catch {
      throw .cohort(error, at: keyPath(of: error), paths: context.total)
    }

    let sectors = try demandSectors(parameters: parameters, base: base, last: last)
    let ranges = trackRanges + RangeCheck.count(sectors: sectors, paths: context.count)
    let demand: DemandProjection
    do {
      demand = try DemandEngine(baseYear: base, horizon: info.horizon, sectors: sectors)
        .run(paths: context.count)
    } catch {
      throw .demand(
        error, at: keyPath(sector: error.sector), path: context.paths.lowerBound + error.path,
        paths: context.total)
    }

    let matches = try matchings(
      cohort: cohort, demand: demand, shocks: shocks, paths: context.total)
    return BatchOutputs(
      cohort: cohort, demand: demand, matches: matches, ranges: ranges, clamps: clamps.entries)
  }
}
