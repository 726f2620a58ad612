import Foundation

/// Runs a scenario: data, drivers, calibration, the cohort engine, demand and matching
/// (MODEL.md 2-5) on every Monte Carlo path (MODEL.md 7), into a `Projection` whose tables
/// follow MODEL.md 9.
///
/// Paths are computed in batches, concurrently; a path's draws are keyed by its index alone
/// and every per-path value is computed in a fixed order, so the result is the same bits
/// whatever the batch size and the number of threads.
public struct Simulation: Sendable {
  public let scenario: Scenario

  public init(scenario: Scenario) { self.scenario = scenario }

  /// The most paths a batch takes when no batch size is given: each batch is reduced to block
  /// sums as soon as it is done, so a batch's working memory is what stays small.
  public static let defaultBatchSize = 2048

  /// The batch size when none is given, aiming at about the same share of paths for every
  /// core: count = max(⌈P / `defaultBatchSize`⌉, min(cores, ⌊P / 256⌋)), rounded up to a
  /// multiple of `cores` when above 1, and size ⌈P / count⌉, which `batches` rounds up to whole
  /// blocks of 64 (so the last batch may be short). 10,000 paths on 2 cores: six batches of
  /// 1,728 (the last 1,360) rather than five of 2,048; 600 paths on 8 cores: four of 128 and
  /// one of 88.
  static func automaticBatchSize(total: Int, cores: Int) -> Int {
    let cores = max(cores, 1)
    var count = max((total + defaultBatchSize - 1) / defaultBatchSize, min(cores, total / 256), 1)
    if count > 1 { count = (count + cores - 1) / cores * cores }
    return (total + count - 1) / count
  }

  /// - Parameters:
  ///   - paths: overrides the scenario's `paths` (the `--paths` option).
  ///   - batchSize: paths computed together, rounded up to a multiple of 64; the result does
  ///     not depend on it. Nil: `automaticBatchSize` for this machine's cores.
  ///   - keepPaths: keep every engine output on every path (`Projection.engines`), not only
  ///     what the tables need; memory then grows by kilobytes per path.
  ///   - progress: called with the number of paths finished so far (from any thread).
  /// - Throws: `SimulationError` naming the series, driver, track, sector or year at fault.
  public func run(
    paths: Int? = nil, batchSize: Int? = nil, keepPaths: Bool = true,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws(SimulationError) -> Projection {
    try run(
      paths: paths, batchSize: batchSize, keepPaths: keepPaths,
      data: ScenarioData(scenario: scenario), progress: progress)
  }

  /// As `run(paths:batchSize:progress:)`, on data files read already: what-ifs read them
  /// once for all their runs. `data` must have been read for a scenario with the same
  /// `[data]` series and base year.
  func run(
    paths: Int? = nil, batchSize: Int? = nil, keepPaths: Bool = false,
    data: ScenarioData, progress: (@Sendable (Int) -> Void)? = nil
  ) throws(SimulationError) -> Projection {
    let total = paths ?? scenario.info.paths
    precondition(total >= 1, "Simulation: \(total) paths")
    let batchSize = batchSize
      ?? Self.automaticBatchSize(total: total, cores: ProcessInfo.processInfo.activeProcessorCount)
    precondition(batchSize >= 1, "Simulation: batch size \(batchSize)")
    try checkMemory(
      paths: total, keepPaths: keepPaths, available: AvailableMemory.bytes())
    let prepared = try prepare(data: data, stochastic: total > 1)
    let batches = Self.batches(total: total, size: batchSize)
    let seed = UInt64(bitPattern: Int64(scenario.info.seed))
    let registry = RandomSourceRegistry()
    let contexts = batches.map {
      PathContext(
        seed: seed, paths: $0, total: total, baseYear: scenario.info.baseYear, sources: registry)
    }
    if contexts.count == 1 {
      let part = try withSingleThreadedBLAS { () throws(SimulationError) in
        try runBatch(contexts[0], data: data, prepared: prepared, keepPaths: keepPaths)
      }
      progress?(total)
      try Self.checkSources(registry)
      return Projection(joining: [part], scenario: scenario, dataFiles: data.files)
    }
    let results = ResultSlots<Result<Projection.Part, SimulationError>>(count: contexts.count)
    withSingleThreadedBLAS {
      DispatchQueue.concurrentPerform(iterations: contexts.count) { index in
        let result: Result<Projection.Part, SimulationError>
        do {
          result = .success(
            try runBatch(contexts[index], data: data, prepared: prepared, keepPaths: keepPaths))
        } catch let error as SimulationError {
          result = .failure(error)
        } catch {
          preconditionFailure("Simulation: \(error)")
        }
        let done = results.put(result, at: index, work: contexts[index].count)
        progress?(done)
      }
    }
    var parts: [Projection.Part] = []
    for result in results.values {
      switch result {
      case .success(let part): parts.append(part)
      case .failure(let error): throw error
      case nil: preconditionFailure("Simulation: a batch did not finish")
      }
    }
    try Self.checkSources(registry)
    return Projection(joining: parts, scenario: scenario, dataFiles: data.files)
  }

  /// Bytes a run of `paths` paths keeps, about, with a margin. Without `keepPaths`: the 7
  /// balance metrics of each path and projection year, counted twice for the margin (block
  /// sums and a batch's working memory are small). With it, every per-path value of a
  /// projection year too (cohort 7 per track, supply by field, demand 3 per sector,
  /// placements per field and sector, the drivers). Measured on the China baseline at
  /// 100,000 paths: 1.0 KB per path without (1.7 estimated), 12.7 KB with (14 estimated).
  public func estimatedBytes(paths: Int, keepPaths: Bool = false) -> Double {
    let tracks = scenario.tracks.count
    let fields = Set(scenario.tracks.flatMap { $0.fields.map(\.field) }).count
    let sectors = scenario.sectors.count
    let kept = keepPaths
      ? 7 * tracks + fields + 3 * sectors + fields * sectors + scenario.drivers.count : 0
    return 16 * Double(paths) * Double(scenario.info.horizon) * Double(7 + kept)
  }

  /// Refuses a run whose estimated memory exceeds 80% of `available` bytes: a clear error
  /// rather than a process the system kills.
  func checkMemory(paths: Int, keepPaths: Bool = false, available: UInt64) throws(SimulationError) {
    let need = estimatedBytes(paths: paths, keepPaths: keepPaths)
    guard paths > 1, need > 0.8 * Double(available) else { return }
    throw .tooManyPaths(paths: paths, bytes: need, available: Double(available))
  }

  /// Batches of `size` paths rounded up to a multiple of 64 (block sums need whole blocks),
  /// the last one taking the rest; a last batch of one path joins the one before it, since
  /// OpenBLAS sums a one-column product in another order than a wider one.
  static func batches(total: Int, size: Int) -> [Range<Int>] {
    let block = BlockSums.block
    let step = max(block, (size + block - 1) / block * block)
    var starts = Array(stride(from: 0, to: total, by: step))
    if starts.count > 1, let last = starts.last, total - last == 1 { starts.removeLast() }
    return starts.indices.map { i in starts[i]..<(i + 1 < starts.count ? starts[i + 1] : total) }
  }

  /// Two random sources on one stream region would draw the same numbers.
  private static func checkSources(_ registry: RandomSourceRegistry) throws(SimulationError) {
    if let (a, b) = registry.clash { throw .randomSourceClash(a, b) }
  }

  /// One batch of paths, start to finish.
  private func runBatch(
    _ context: PathContext, data: ScenarioData, prepared: Preparation, keepPaths: Bool
  ) throws(SimulationError)
    -> Projection.Part
  {
    let info = scenario.info
    let base = info.baseYear
    let last = base + info.horizon
    let start = prepared.start
    let shocks = ShockApplication(shocks: scenario.shocks, context: context)
    let drivers = try DriverValues(
      fits: prepared.fits, scenario: scenario, years: prepared.years, context: context,
      shocks: shocks)
    let parameters = ParameterResolver(drivers: drivers, shocks: shocks, context: context)
    var tracks = try cohortTracks(data: data, parameters: parameters, start: start, last: last)
    var calibrated: [String: Double] = [:]
    for (k, completion) in (prepared.completions ?? []).enumerated() {
      calibrated[tracks[k].name] = completion
      var series = Dictionary(
        uniqueKeysWithValues: tracks[k].completion.keys.map { ($0, [completion]) })
      shocks.apply(.completion(track: tracks[k].name), to: &series)
      tracks[k].setCompletion(series)
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

    var matches: [PathMatching] = []
    let fields = cohort.fields
    let sectorNames = scenario.sectors.map(\.name)
    var shares: [[PathValues]] = []  // by field, then sector: eligibility by year and path
    for field in fields {
      shares.append(
        scenario.sectors.map { sector in
          var value: PathValues = [:]
          let share = sector.eligibility.first { $0.field == field }?.share ?? 0
          for t in (base + 1)...last { value[t] = [share] }
          shocks.apply(.eligibility(sector: sector.name, field: field), to: &value)
          return value
        })
    }
    for t in (base + 1)...last {
      var eligibility = Matrix(rows: fields.count, columns: sectorNames.count)
      var varying: [[Double]] = []
      for f in fields.indices {
        for s in sectorNames.indices {
          let values = shares[f][s][t] ?? [0]
          eligibility[f, s] = values[0]
          varying.append(values)
        }
      }
      do {
        let engine = try MatchingEngine(fields: fields, sectors: sectorNames, eligibility: eligibility)
        matches.append(
          try engine.match(
            supply: cohort.newSupplyByField[t], capacity: demand.capacity[t],
            eligibility: varying.contains { $0.count > 1 } ? varying : nil, year: t))
      } catch {
        throw .matching(error, at: keyPath(of: error), paths: context.total)
      }
    }
    // Reduce the batch to what the tables need: block sums of every table cell, and the
    // balance metrics per path (the fan and compare need each path's).
    let firstPath = context.paths.lowerBound
    let placements = PathSeries(
      years: (base + 1)...last,
      names: fields.flatMap { f in sectorNames.map { "\(f)/\($0)" } }, paths: context.count,
      matrices: matches.map(\.placements))
    return Projection.Part(
      startYear: start, firstPath: firstPath, tracks: cohort.tracks, sectors: sectorNames,
      fields: fields,
      supply: [cohort.intake, cohort.enrolled, cohort.graduates, cohort.continuing, cohort.newSupply]
        .map { BlockSums($0.restricted(to: (base + 1)...last), firstPath: firstPath) },
      demand: [demand.employment, demand.openings, demand.capacity]
        .map { BlockSums($0, firstPath: firstPath) },
      placements: BlockSums(placements, firstPath: firstPath),
      balance: Projection.balance(cohort: cohort, matches: matches, paths: context.count),
      engines: keepPaths ? Projection.Engines(cohort: cohort, demand: demand, matches: matches) : nil,
      fitRows: prepared.fitRows, warnings: prepared.warnings, ranges: ranges)
  }

  /// `tracks[i] "name"` of a track, as scenario errors write key paths.
  private func keyPath(track: String) -> String {
    let index = scenario.tracks.firstIndex { $0.name == track }.map(String.init) ?? "?"
    return "tracks[\(index)] \"\(track)\""
  }

  /// `sectors[i] "name"` of a sector.
  private func keyPath(sector: String) -> String {
    let index = scenario.sectors.firstIndex { $0.name == sector }.map(String.init) ?? "?"
    return "sectors[\(index)] \"\(sector)\""
  }

  private func keyPath(of error: CohortError) -> String {
    switch error {
    case .invalidDuration(let track, _), .startBeforeFirstYear(let track, _, _),
      .startTooLate(let track, _, _), .missingIntake(let track, _):
      return keyPath(track: track)
    case .missingRate(let track, let parameter, _):
      return keyPath(track: track) + "." + (parameter == .continuationShare ? "continuation.share" : parameter.rawValue)
    case .progressionCount(let track, _, _, _), .zeroProgressionProduct(let track):
      return keyPath(track: track) + ".progression"
    case .continuationExceedsOne(let track, _, _):
      return keyPath(track: track)
    case .continuationCycle(let tracks):
      return keyPath(track: tracks.first ?? "?") + ".continuation"
    case .fieldSharesSum(let track, _), .negativeFieldShare(let track, _, _):
      return keyPath(track: track) + ".fields"
    }
  }

  private func keyPath(of error: MatchingError) -> String {
    switch error {
    case .eligibilityOutOfRange(let field, let sector, _):
      return keyPath(sector: sector) + ".eligibility.\(field)"
    case .negativeCapacity(let sector, _, _):
      return keyPath(sector: sector)
    case .negativeSupply(let field, _, _):
      return "field '\(field)'"
    }
  }

  /// The engine's tracks: observed intakes, rates by year, projection rules (MODEL.md 3).
  /// Rates that differ between paths go to each track's `pathRates`.
  func cohortTracks(
    data: ScenarioData, parameters: ParameterResolver, start: Int, last: Int
  ) throws(SimulationError) -> [CohortTrack] {
    let base = scenario.info.baseYear
    let steps = (start + 1)...max(start + 1, last)
    let projection = (base + 1)...last
    var tracks: [CohortTrack] = []
    for spec in scenario.tracks {
      let observed = data.series[spec.intake]?.values ?? [:]
      var varying = CohortPathRates()
      var stepSeries: [PathValues] = []
      for (j, step) in spec.progression.enumerated() {
        // Each step its own random source: one shared name gave every step the same draws.
        stepSeries.append(
          try parameters.series(
            step, years: steps, target: .progression(track: spec.name),
            source: "tracks.\(spec.name).progression[\(j)]"))
      }
      var progression: [Int: [Double]] = [:]
      for t in steps {
        let values = stepSeries.map { $0[t] ?? [.nan] }
        progression[t] = values.map { $0[0] }
        if values.contains(where: { $0.count > 1 }) { varying.progression[t] = values }
      }
      let completion = try parameters.series(
        spec.completion, years: steps,
        target: scenario.calibration == nil ? .completion(track: spec.name) : nil)
      let rule: CohortTrack.IntakeRule
      switch spec.rule {
      case .entry(let age, let rate):
        let rates = try parameters.series(rate, years: projection, target: .entryRate(track: spec.name))
        let survival = try parameters.series(
          scenario.population?.survival ?? .number(1), years: projection, target: .survival)
        let births = scenario.population?.births ?? ""
        var intakes: PathValues = [:]
        for t in projection {
          let b = try data.value(births, t - age, for: "the entry of track '\(spec.name)' in \(t)")
          intakes[t] = (survival[t] ?? [.nan]).combined(with: rates[t] ?? [.nan], *).map { b * $0 }
        }
        rule = .exogenous(intakes.mapValues { $0[0] })
        varying.intake = intakes.filter { $0.value.count > 1 }
      case .continuation(let from, let share):
        let shares = try parameters.series(
          share, years: projection, target: .continuationShare(track: spec.name))
        let source = scenario.tracks.firstIndex { $0.name == from } ?? 0
        rule = .continuation(source: source, share: shares.mapValues { $0[0] })
        varying.continuationShare = shares.filter { $0.value.count > 1 }
      case .intakeDriver(let name):
        let intakes = try parameters.series(.driver(name), years: projection, target: nil)
        rule = .exogenous(intakes.mapValues { $0[0] })
        varying.intake = intakes.filter { $0.value.count > 1 }
      }
      var track = CohortTrack(
        name: spec.name, duration: spec.duration,
        firstYear: observed.keys.min() ?? start, observedIntakes: observed,
        progression: progression, completion: [:], projectedIntake: rule,
        fieldShares: spec.fields)
      track.pathRates = varying
      track.setCompletion(completion)
      tracks.append(track)
    }
    return tracks
  }

  /// The demand engine's sectors, their rates by projection year and path with shocks
  /// (MODEL.md 4).
  private func demandSectors(
    parameters: ParameterResolver, base: Int, last: Int
  ) throws(SimulationError) -> [DemandSector] {
    let years = (base + 1)...last
    var out: [DemandSector] = []
    for sector in scenario.sectors {
      switch sector.demand {
      case .employment(let employment, let growth, let replacement, let share):
        let e0 = try parameters.baseValue(employment)
        out.append(
          DemandSector(
            name: sector.name,
            specification: .employment(
              baseEmployment: [e0],
              growth: try parameters.series(growth, years: years, target: .growth(sector: sector.name)),
              replacement: try parameters.series(
                replacement, years: years, target: .replacement(sector: sector.name)),
              graduateShare: try parameters.series(
                share, years: years, target: .graduateShare(sector: sector.name)))))
      case .capacity(let capacity):
        out.append(
          DemandSector(
            name: sector.name,
            specification: .capacity(
              try parameters.series(capacity, years: years, target: .capacity(sector: sector.name)))))
      }
    }
    return out
  }
}

extension CohortTrack {
  /// Sets c_k by year from per-path values: path 0's in `completion`, all paths' in
  /// `pathRates` where they differ.
  mutating func setCompletion(_ values: PathValues) {
    completion = values.mapValues { $0[0] }
    pathRates.completion = values.filter { $0.value.count > 1 }
  }
}
