import Foundation

/// Runs split across processes (MODEL.md 13): each process computes one shard and writes its
/// result file; `merge` checks that the files are of one run and cover it once, and gives the
/// single-process run's result, bit for bit.
///
/// A run splits its blocks of 64 paths, a sweep its grid points, a sensitivity analysis its
/// design points, a backtest its origins: shard i of N takes items
/// floor(i M / N) ..< floor((i + 1) M / N) of the M blocks, points or origins.
public enum Shards {
  /// What running a shard did.
  public struct Outcome: Sendable, Equatable {
    public let path: String
    public let spec: ShardSpec
    /// The items it covers and what they are ("paths", "grid points").
    public let items: Range<Int>
    public let noun: String
    /// Whether a verified result of the same shard was there already and kept.
    public let resumed: Bool
    /// Why a result that was there was replaced (damaged, of another run), if one was.
    public let replaced: String?

    /// One line for the log: what the shard covers and where its result is.
    public var summary: String {
      let what = items.isEmpty ? "no \(noun)" : "\(noun) \(ShardError.span(items))"
      return "shard \(spec) (\(what)): "
        + (resumed ? "verified result kept, \(path)" : "written to \(path)")
    }
  }

  /// A merged result, ready to be written as the single process writes it.
  public enum Merged: Sendable {
    /// The run's projection and its metadata (the BLAS of the shards that computed it).
    case run(Projection, RunMetadata)
    case sweep(SweepResult, Provenance)
    case sensitivity(SensitivityResult, Provenance)
    case backtest(BacktestResult, Provenance)
  }

  /// What the metadata of a merged sweep, sensitivity analysis or backtest is made of: the
  /// scenario, data and BLAS the shards record, and the settings the command gave them.
  public struct Provenance: Sendable {
    let command: String
    let info: ScenarioInfo
    let identity: ShardIdentity
    let recorded: ShardProvenance

    /// The metadata the command writes beside its result, with `warnings` (the front end's
    /// spelling of them).
    public func metadata(warnings: [String]) -> ResultMetadata {
      recorded.metadata(command: command, info: info, identity: identity, warnings: warnings)
    }
  }

  /// The file name of shard `spec` of a command: `run-0001-of-0004.shard`.
  public static func fileName(command: String, spec: ShardSpec) -> String {
    let width = max(4, String(spec.count).count)
    func padded(_ n: Int) -> String {
      let text = String(n)
      return String(repeating: "0", count: width - text.count) + text
    }
    return "\(command)-\(padded(spec.index))-of-\(padded(spec.count)).\(ShardFile.fileExtension)"
  }

  /// The paths shard `spec` of a run of `paths` paths computes.
  public static func paths(_ spec: ShardSpec, of paths: Int) -> Range<Int> {
    ShardPlan.paths(spec, of: paths)
  }

  /// The grid points shard `spec` of a sweep of `points` points computes.
  public static func points(_ spec: ShardSpec, of points: Int) -> Range<Int> {
    spec.share(of: points)
  }

  /// Runs shard `spec` of `scenario` and writes its result into `directory`; with `resume`,
  /// a result there that verifies as this very shard is kept instead.
  /// - Throws: `SimulationError` from the run, `ShardError` when the result cannot be written.
  public static func run(
    _ scenario: Scenario, shard spec: ShardSpec, directory: String, resume: Bool = false,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome {
    let data = try ScenarioData(scenario: scenario)
    return try shard(
      RunShard.identity(scenario, data: data), spec: spec,
      items: ShardPlan.paths(spec, of: scenario.info.paths), directory: directory, resume: resume
    ) { identity in
      try RunShard.run(scenario, spec: spec, identity: identity, data: data, progress: progress).file
    }
  }

  /// Runs shard `spec` of `sweep`'s grid points and writes its result into `directory`, as
  /// `run` does.
  /// - Throws: `WhatIfError` from the runs, `ShardError` when the result cannot be written.
  /// `settings` are the command's as its metadata lists them (recorded for the merge's).
  public static func sweep(
    _ sweep: Sweep, shard spec: ShardSpec, directory: String, resume: Bool = false,
    settings: [ResultMetadata.Setting] = [], progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome {
    let data = try sweep.data()
    return try shard(
      SweepShard.identity(sweep, data: data, settings: settings), spec: spec,
      items: spec.share(of: sweep.pointCount), directory: directory, resume: resume
    ) { identity in
      try SweepShard.run(
        sweep, spec: spec, identity: identity, data: data, settings: settings, progress: progress
      ).file
    }
  }

  /// Runs shard `spec` of `analysis`'s design points and writes its result into `directory`,
  /// as `run` does.
  /// - Throws: `WhatIfError` from the runs, `ShardError` when the result cannot be written.
  public static func sensitivity(
    _ analysis: GlobalSensitivity, shard spec: ShardSpec, directory: String, resume: Bool = false,
    settings: [ResultMetadata.Setting] = [], progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> Outcome {
    let data = try analysis.data()
    return try shard(
      SensitivityShard.identity(analysis, data: data, settings: settings), spec: spec,
      items: spec.share(of: analysis.runCount), directory: directory, resume: resume
    ) { identity in
      try SensitivityShard.run(
        analysis, spec: spec, identity: identity, data: data, settings: settings,
        progress: progress
      ).file
    }
  }

  /// Runs shard `spec` of `backtest`'s origins and writes its result into `directory`, as
  /// `run` does.
  /// - Throws: `BacktestError` from the runs, `ShardError` when the result cannot be written.
  public static func backtest(
    _ backtest: Backtest, shard spec: ShardSpec, directory: String, resume: Bool = false,
    settings: [ResultMetadata.Setting] = []
  ) throws -> Outcome {
    let files: [String]
    do { files = try ScenarioData(scenario: backtest.scenario, through: Int.max).files } catch {
      throw BacktestError.simulation(origin: backtest.origins.lowerBound, error)
    }
    return try shard(
      BacktestShard.identity(backtest, data: files, settings: settings), spec: spec,
      items: spec.share(of: backtest.origins.count), directory: directory, resume: resume
    ) { identity in
      try BacktestShard.run(backtest, spec: spec, identity: identity, settings: settings).file
    }
  }

  /// The design points shard `spec` of an analysis of `runs` runs computes.
  public static func designPoints(_ spec: ShardSpec, of runs: Int) -> Range<Int> {
    spec.share(of: runs)
  }

  /// Keeps the verified result of this shard when resuming, else computes and writes it.
  private static func shard(
    _ identity: ShardIdentity, spec: ShardSpec, items: Range<Int>, directory: String,
    resume: Bool, compute: (ShardIdentity) throws -> ShardFile
  ) throws -> Outcome {
    let path = (directory as NSString).appendingPathComponent(
      fileName(command: identity.kind.rawValue, spec: spec))
    let check = existing(path, identity: identity, spec: spec, items: items, resume: resume)
    if !check.keep { try compute(identity).write(to: path) }
    return Outcome(
      path: path, spec: spec, items: items, noun: identity.kind.noun, resumed: check.keep,
      replaced: check.reason)
  }

  /// Whether the result at `path` is this shard's, verified (kept when resuming), and if a
  /// result is there that is not kept, why.
  static func existing(
    _ path: String, identity: ShardIdentity, spec: ShardSpec, items: Range<Int>, resume: Bool
  ) -> (keep: Bool, reason: String?) {
    guard resume, systemLinkStatus(atPath: path) != nil else { return (false, nil) }
    do {
      let file = try ShardFile.read(path)
      if let difference = identity.firstDifference(from: file.identity) {
        return (false, "it was of another run (its \(difference.name) is \(difference.found), "
          + "this run's \(difference.expected))")
      }
      guard file.spec == spec, file.items == items else {
        return (false, "it was shard \(file.spec), not \(spec)")
      }
      switch identity.kind {
      case .run: _ = try RunShard(file: file, path: path)
      case .sweep: _ = try SweepShard(file: file, path: path)
      case .sensitivity: _ = try SensitivityShard(file: file, path: path)
      case .backtest: _ = try BacktestShard(file: file, path: path)
      }
      return (true, nil)
    } catch ShardError.damaged(_, let reason) {
      // The advice to rerun the shard is what happens now: only the reason is news.
      return (false, "it was damaged: \(reason)")
    } catch {
      return (false, error.description)
    }
  }

  /// The shard result files named: files as given, and for a folder every `.shard` file in
  /// it, in name order.
  public static func files(_ arguments: [String]) throws(ShardError) -> [String] {
    var files: [String] = []
    for argument in arguments {
      if systemFileStatus(atPath: argument)?.kind == .directory {
        let names = (systemDirectoryEntries(argument) ?? [])
          .filter { $0.hasSuffix(".\(ShardFile.fileExtension)") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else {
          throw .unreadable(path: argument, reason: "the folder holds no .\(ShardFile.fileExtension) files")
        }
        files += names.map { (argument as NSString).appendingPathComponent($0) }
      } else {
        files.append(argument)
      }
    }
    guard !files.isEmpty else { throw .noShards }
    return files
  }

  /// The run or sweep the shard results at `paths` make together.
  /// - Throws: `ShardError` for a file that cannot be read or is damaged, shards of different
  ///   runs, and items no shard or two shards cover.
  public static func merge(_ paths: [String]) throws(ShardError) -> Merged {
    let files = try self.files(paths)
    var read: [(path: String, file: ShardFile)] = []
    for path in files { read.append((path, try ShardFile.read(path))) }
    let reference = read[0]
    for (path, file) in read.dropFirst() {
      if let difference = reference.file.identity.firstDifference(from: file.identity) {
        throw .mismatch(
          path: path, other: reference.path, field: difference.name, found: difference.found,
          expected: difference.expected)
      }
    }
    let ordered = try covering(read)
    /// Every shard's scenario settings (as its body gives them) equal to the first's: the
    /// checksum covers each file, not their agreement.
    func agree<Shard>(_ shards: [(path: String, shard: Shard)], _ settings: (Shard) -> ScenarioInfo)
      throws(ShardError)
    {
      let first = shards[0]
      for (path, shard) in shards.dropFirst() where settings(shard) != settings(first.shard) {
        throw .mismatch(
          path: path, other: first.path, field: "scenario settings",
          found: Self.settingsText(settings(shard)), expected: Self.settingsText(settings(first.shard)))
      }
    }
    switch reference.file.identity.kind {
    case .run:
      var shards: [(path: String, shard: RunShard)] = []
      for (path, file) in ordered { shards.append((path, try RunShard(file: file, path: path))) }
      try agree(shards, \.info)
      let projection = try RunShard.projection(shards)
      return .run(projection, RunMetadata(projection: projection, blas: reference.file.identity.blas))
    case .sweep:
      var shards: [(path: String, shard: SweepShard)] = []
      for (path, file) in ordered { shards.append((path, try SweepShard(file: file, path: path))) }
      try agree(shards, \.info)
      let first = shards[0].shard
      return .sweep(
        try SweepShard.result(shards),
        Provenance(
          command: "sweep", info: first.info, identity: first.file.identity,
          recorded: first.provenance))
    case .sensitivity:
      var shards: [(path: String, shard: SensitivityShard)] = []
      for (path, file) in ordered { shards.append((path, try SensitivityShard(file: file, path: path))) }
      try agree(shards, \.info)
      let first = shards[0].shard
      return .sensitivity(
        try SensitivityShard.result(shards),
        Provenance(
          command: "sensitivity", info: first.info, identity: first.file.identity,
          recorded: first.provenance))
    case .backtest:
      var shards: [(path: String, shard: BacktestShard)] = []
      for (path, file) in ordered { shards.append((path, try BacktestShard(file: file, path: path))) }
      try agree(shards, \.info)
      let first = shards[0].shard
      return .backtest(
        try BacktestShard.result(shards),
        Provenance(
          command: "backtest", info: first.info, identity: first.file.identity,
          recorded: first.provenance))
    }
  }

  /// A scenario's settings as a mismatch names them.
  static func settingsText(_ info: ScenarioInfo) -> String {
    "base_year \(info.baseYear), horizon \(info.horizon), paths \(info.paths), seed \(info.seed), "
      + "quantiles \(info.quantiles.map(RunTable.quantileColumn).joined(separator: " "))"
  }

  /// The shards in item order, once each checked to hold its spec's range, and together to
  /// cover every item exactly once.
  static func covering(_ shards: [(path: String, file: ShardFile)]) throws(ShardError)
    -> [(path: String, file: ShardFile)]
  {
    let identity = shards[0].file.identity
    for (path, file) in shards {
      let expected =
        identity.kind == .run
        ? ShardPlan.paths(file.spec, of: identity.items) : file.spec.share(of: identity.items)
      guard file.items == expected else {
        throw .damaged(
          path: path,
          reason: "shard \(file.spec) should cover \(identity.kind.noun) \(expected), not \(file.items)")
      }
    }
    let ordered = shards.filter { !$0.file.items.isEmpty }
      .sorted { ($0.file.items.lowerBound, $0.path) < ($1.file.items.lowerBound, $1.path) }
    let noun = identity.kind.noun
    let counts = Set(shards.map(\.file.spec.count))
    func missing() -> [String] {
      guard counts.count == 1, let n = counts.first else { return [] }
      let present = Set(shards.map(\.file.spec.index))
      return (0..<n).filter { !present.contains($0) }.prefix(20).map { "\($0)/\(n)" }
    }
    var next = 0
    var previous: String? = nil
    for (path, file) in ordered {
      if file.items.lowerBound > next {
        throw .gap(items: next..<file.items.lowerBound, noun: noun, missing: missing())
      }
      if file.items.lowerBound < next, let previous {
        throw .overlap(
          items: file.items.lowerBound..<min(next, file.items.upperBound), noun: noun, path: previous,
          other: path)
      }
      next = file.items.upperBound
      previous = path
    }
    if next < identity.items {
      throw .gap(items: next..<identity.items, noun: noun, missing: missing())
    }
    return ordered
  }
}
