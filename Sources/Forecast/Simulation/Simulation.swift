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

  /// - Parameters:
  ///   - paths: overrides the scenario's `paths`.
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

  /// As `run(paths:batchSize:keepPaths:progress:)`, on data files read already: what-ifs read them
  /// once for all their runs. `data` must have been read for a scenario with the same
  /// `[data]` series and base year.
  ///
  /// - Parameter prepared: this scenario's preparation, worked out already (a design point's
  ///   from its analysis's, `prepare(reusing:data:stochastic:)`); the caller has then checked
  ///   the memory (`checkMemory`), once for all its runs.
  func run(
    paths: Int? = nil, batchSize: Int? = nil, keepPaths: Bool = false,
    data: ScenarioData, prepared: Preparation? = nil, progress: (@Sendable (Int) -> Void)? = nil
  ) throws(SimulationError) -> Projection {
    let total = paths ?? scenario.info.paths
    precondition(total >= 1, "Simulation: \(total) paths")
    if prepared == nil {
      try checkMemory(
        paths: total, keepPaths: keepPaths, available: AvailableMemory.bytes())
    }
    let parts = try batchResults(
      range: 0..<total, total: total, batchSize: batchSize, keepPaths: keepPaths, data: data,
      preparation: prepared, progress: progress)
    return Projection(joining: parts, scenario: scenario, dataFiles: data.files)
  }

  /// Paths `range` of a run of `total` paths, in batches of whole blocks of 64 counted from
  /// the range's start (a multiple of 64), run concurrently: the batches' results in path
  /// order. A run is the range of all its paths; a shard (MODEL.md 13) is a range of blocks.
  func batchResults(
    range: Range<Int>, total: Int, batchSize: Int?, keepPaths: Bool, data: ScenarioData,
    preparation: Preparation? = nil, progress: (@Sendable (Int) -> Void)?
  ) throws(SimulationError) -> [BatchResult] {
    precondition(range.lowerBound % BlockSums.block == 0, "Simulation: a range starts at \(range.lowerBound)")
    let batchSize = batchSize
      ?? Self.automaticBatchSize(
        total: range.count, cores: ProcessInfo.processInfo.activeProcessorCount)
    precondition(batchSize >= 1, "Simulation: batch size \(batchSize)")
    let prepared: Preparation
    if let preparation {
      prepared = preparation
    } else {
      prepared = try prepare(data: data, stochastic: total > 1)
    }
    let batches = Self.batches(total: range.count, size: batchSize)
    let seed = UInt64(bitPattern: Int64(scenario.info.seed))
    let registry = RandomSourceRegistry()
    let contexts = batches.map {
      PathContext(
        seed: seed, paths: ($0.lowerBound + range.lowerBound)..<($0.upperBound + range.lowerBound),
        total: total, baseYear: scenario.info.baseYear, sources: registry)
    }
    let results = ConcurrentJobs.run(
      count: contexts.count, work: { contexts[$0].count }, progress: progress
    ) { (index: Int) throws(SimulationError) in
      try runBatch(contexts[index], data: data, prepared: prepared, keepPaths: keepPaths)
    }
    var parts: [BatchResult] = []
    for result in results {
      switch result {
      case .success(let part): parts.append(part)
      case .failure(let error):
        // The scenario's own error comes first: a path's error may be a draw's doing, so the
        // central scenario (no draws) is run, and its error, if it has one, is reported.
        if total > 1 { _ = try run(paths: 1, batchSize: 1, keepPaths: false, data: data) }
        throw error
      }
    }
    try Self.checkSources(registry)
    return parts
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
  func checkMemory(
    paths: Int, keepPaths: Bool = false, available: @autoclosure () -> UInt64
  ) throws(SimulationError) {
    guard paths > 1 else { return }
    let need = estimatedBytes(paths: paths, keepPaths: keepPaths)
    let available = available()
    guard need > 0.8 * Double(available) else { return }
    throw .tooManyPaths(paths: paths, bytes: need, available: Double(available))
  }

  /// Two random sources on one stream region would draw the same numbers.
  private static func checkSources(_ registry: RandomSourceRegistry) throws(SimulationError) {
    if let (a, b) = registry.clash { throw .randomSourceClash(a, b) }
  }
}
