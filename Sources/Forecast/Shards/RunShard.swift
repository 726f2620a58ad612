/// A shard of a scenario run (MODEL.md 13): its block of paths reduced to what the tables
/// need (block sums, every path's balance metrics, the fit rows, the warnings' counts), and
/// what the merged run's tables and metadata need of the scenario.
struct RunShard: Sendable {
  let file: ShardFile
  let info: ScenarioInfo
  let output: OutputDefaults
  /// The scenario's projected series and added shocks, for the merged run's metadata.
  let projected: [String]
  let shocks: [ShockLine]
  /// Nil for a shard with no paths (more shards than blocks).
  let part: BatchResult?

  /// The identity of shard results of `scenario`'s run.
  static func identity(_ scenario: Scenario, data: ScenarioData) -> ShardIdentity {
    ShardIdentity(kind: .run, scenario: scenario, dataFiles: data.files, items: scenario.info.paths)
  }

  /// Runs shard `spec` of `scenario` (its paths and seed).
  static func run(
    _ scenario: Scenario, spec: ShardSpec, identity: ShardIdentity, data: ScenarioData,
    progress: (@Sendable (Int) -> Void)?
  ) throws(SimulationError) -> RunShard {
    let total = scenario.info.paths
    let range = ShardPlan.paths(spec, of: total)
    let simulation = Simulation(scenario: scenario)
    var part: BatchResult? = nil
    if !range.isEmpty {
      try simulation.checkMemory(paths: range.count, available: AvailableMemory.bytes())
      let parts = try simulation.batchResults(
        range: range, total: total, batchSize: nil, keepPaths: false, data: data, progress: progress)
      part = BatchResult.joined(parts)
    }
    var w = ShardWriter()
    w.info(scenario.info)
    w.optional(scenario.output.tables) { $0.strings($1) }
    w.optional(scenario.output.format) { $0.string($1.rawValue) }
    w.provenance(scenario)
    w.optional(part) { $0.batch($1) }
    return RunShard(
      file: ShardFile(identity: identity, spec: spec, items: range, results: w.bytes),
      info: scenario.info, output: scenario.output,
      projected: scenario.dataSeries.filter(\.projected).map(\.name),
      shocks: scenario.addedShocks, part: part)
  }

  /// The run shard in a verified file.
  init(file: ShardFile, path: String) throws(ShardError) {
    var r = ShardReader(file.results)
    do throws(ShardReader.Damaged) {
      info = try r.info()
      let tables = try r.optional("output tables") { (r: inout ShardReader) throws(ShardReader.Damaged) in
        try r.strings("the output tables")
      }
      let format = try r.optional("an output format") { (r: inout ShardReader) throws(ShardReader.Damaged) in
        try r.string("the output format")
      }
      guard format.map({ OutputFormat(rawValue: $0) != nil }) ?? true else {
        throw ShardReader.Damaged(reason: "its output format is not one")
      }
      output = OutputDefaults(tables: tables, format: format.flatMap(OutputFormat.init(rawValue:)))
      (projected, shocks) = try r.provenance()
      part = try r.optional("results") { (r: inout ShardReader) throws(ShardReader.Damaged) in try r.batch() }
      guard r.isAtEnd else { throw ShardReader.Damaged(reason: "it has bytes after its results") }
    } catch {
      throw .damaged(path: path, reason: error.reason)
    }
    let paths = part?.balance.paths ?? 0
    guard paths == file.items.count, part.map({ $0.firstPath == file.items.lowerBound }) ?? true,
      info.paths == file.identity.paths
    else {
      throw .damaged(path: path, reason: "its results cover \(paths) paths, not its range's \(file.items.count)")
    }
    self.file = file
  }

  private init(
    file: ShardFile, info: ScenarioInfo, output: OutputDefaults, projected: [String],
    shocks: [ShockLine], part: BatchResult?
  ) {
    self.file = file
    self.info = info
    self.output = output
    self.projected = projected
    self.shocks = shocks
    self.part = part
  }

  /// The projection of the whole run from its shards, in path order (checked already to be
  /// of one run and to cover its paths once): the single-process run's bits.
  static func projection(_ shards: [(path: String, shard: RunShard)]) throws(ShardError) -> Projection {
    let first = shards[0]
    let parts = shards.compactMap(\.shard.part)
    guard let reference = parts.first else { throw .noShards }
    for (path, shard) in shards {
      guard let part = shard.part else { continue }
      guard part.tracks == reference.tracks, part.sectors == reference.sectors,
        part.fields == reference.fields, part.startYear == reference.startYear,
        part.ranges.map(\.label) == reference.ranges.map(\.label),
        part.balance.years == reference.balance.years,
        part.supply.intake.years == reference.supply.intake.years,
        part.demand.employment.years == reference.demand.employment.years
      else {
        throw .mismatch(
          path: path, other: first.path, field: "tracks, sectors or years", found: "different",
          expected: "its own")
      }
    }
    let identity = first.shard.file.identity
    var scenario = Scenario(info: first.shard.info, output: first.shard.output)
    scenario.restore(projected: first.shard.projected, shocks: first.shard.shocks)
    scenario.files = identity.scenarioFiles.map(\.path)
    for digest in identity.scenarioFiles + identity.dataFiles { scenario.digests[digest.path] = digest }
    return Projection(joining: parts, scenario: scenario, dataFiles: identity.dataFiles.map(\.path))
  }
}
