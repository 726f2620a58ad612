/// What a shard result is of, checked before shards are merged (MODEL.md 13): the kind of
/// command, the tool and BLAS kernel that computed it, the scenario (the hash of its resolved
/// TOML, and every file it and its data came from), the seed, the paths and the options.
/// Two shards merge only when these are equal; the BLAS thread count is recorded but not
/// compared (scenario commands run one BLAS thread, and their products do not depend on it).
struct ShardIdentity: Sendable, Equatable {
  /// The command a shard is of.
  enum Kind: String, Sendable, Equatable {
    case run, sweep, sensitivity, backtest
    /// What a shard of this kind splits.
    var noun: String {
      switch self {
      case .run: return "paths"
      case .sweep: return "grid points"
      case .sensitivity: return "design points"
      case .backtest: return "origins"
      }
    }
  }

  let kind: Kind
  let toolVersion: String
  let blas: BLASInfo
  let scenario: String
  /// SHA-256 of the scenario as resolved (`Scenario.resolvedTOML`), overrides included.
  let scenarioSHA256: String
  let scenarioFiles: [FileDigest]
  let dataFiles: [FileDigest]
  let seed: Int
  let paths: Int
  /// The number of items the run splits: its paths, a sweep's grid points, a sensitivity
  /// design's points or a backtest's origins.
  let items: Int
  /// The command's own settings, as text (a sweep's axes and metrics).
  let options: String

  init(
    kind: Kind, scenario: Scenario, dataFiles: [String], items: Int, options: String = ""
  ) {
    self.kind = kind
    toolVersion = RunMetadata.toolVersion
    blas = BLASInfo.current
    self.scenario = scenario.info.name
    scenarioSHA256 = FileDigest(path: "", bytes: Array(scenario.resolvedTOML().utf8)).sha256
    let recorded = scenario.digests
    scenarioFiles = scenario.files.map { RunMetadata.digest($0, recorded: recorded) }
    self.dataFiles = dataFiles.map { RunMetadata.digest($0, recorded: recorded) }
    seed = scenario.info.seed
    paths = scenario.info.paths
    self.items = items
    self.options = options
  }

  init(
    kind: Kind, toolVersion: String, blas: BLASInfo, scenario: String, scenarioSHA256: String,
    scenarioFiles: [FileDigest], dataFiles: [FileDigest], seed: Int, paths: Int, items: Int,
    options: String
  ) {
    self.kind = kind
    self.toolVersion = toolVersion
    self.blas = blas
    self.scenario = scenario
    self.scenarioSHA256 = scenarioSHA256
    self.scenarioFiles = scenarioFiles
    self.dataFiles = dataFiles
    self.seed = seed
    self.paths = paths
    self.items = items
    self.options = options
  }

  /// Every field by name, with its value as text, in a fixed order: what the header shows
  /// and what a mismatch names.
  var fields: [(name: String, value: String)] {
    func files(_ list: [FileDigest]) -> String {
      "[" + list.map { "\($0.path) sha256:\($0.sha256)" }.joined(separator: ", ") + "]"
    }
    return [
      ("command", kind.rawValue), ("tool_version", toolVersion), ("blas_library", blas.library),
      ("blas_kernel", blas.kernel), ("blas_configuration", blas.configuration),
      ("scenario", scenario), ("scenario_sha256", scenarioSHA256),
      ("scenario_files", files(scenarioFiles)), ("data_files", files(dataFiles)),
      ("seed", "\(seed)"), ("paths", "\(paths)"),
    ]
      // A run splits its paths: its items are the paths field already.
      + (kind == .run ? [] : [(kind.noun.replacingOccurrences(of: " ", with: "_"), "\(items)")])
      + [("options", options.isEmpty ? "none" : options)]
  }

  /// The first field in which `other` differs, as (name, its value, this one's): the fields a
  /// reader can tell apart (seed, paths, files...) before the hash of the resolved scenario,
  /// which any of them changes too.
  func firstDifference(from other: ShardIdentity) -> (name: String, found: String, expected: String)? {
    let pairs = zip(fields, other.fields)
    let readable = pairs.filter { $0.0.name != "scenario_sha256" }
    let hash = pairs.filter { $0.0.name == "scenario_sha256" }
    for (mine, theirs) in readable + hash where mine.value != theirs.value {
      return (mine.name, theirs.value, mine.value)
    }
    return nil
  }

  func encode(_ w: inout ShardWriter) {
    w.string(kind.rawValue)
    w.string(toolVersion)
    w.strings([blas.library, blas.configuration, blas.kernel])
    w.int(blas.threads)
    w.string(scenario)
    w.string(scenarioSHA256)
    for list in [scenarioFiles, dataFiles] {
      w.strings(list.map(\.path))
      w.strings(list.map(\.sha256))
    }
    w.ints([seed, paths, items])
    w.string(options)
  }

  static func decode(_ r: inout ShardReader) throws(ShardReader.Damaged) -> ShardIdentity {
    guard let kind = Kind(rawValue: try r.string("the command")) else {
      throw ShardReader.Damaged(reason: "its command is not run, sweep, sensitivity or backtest")
    }
    let tool = try r.string("the tool version")
    let blasText = try r.strings("the BLAS")
    let threads = try r.int("the BLAS threads")
    guard blasText.count == 3 else { throw ShardReader.Damaged(reason: "its BLAS is not described") }
    let scenario = try r.string("the scenario name")
    let hash = try r.string("the scenario hash")
    var lists: [[FileDigest]] = []
    for what in ["scenario files", "data files"] {
      let paths = try r.strings(what)
      let digests = try r.strings(what)
      guard paths.count == digests.count else {
        throw ShardReader.Damaged(reason: "its \(what) and their digests differ in number")
      }
      lists.append(zip(paths, digests).map { FileDigest(path: $0, sha256: $1) })
    }
    let numbers = try r.ints("the seed, paths and items")
    guard numbers.count == 3 else { throw ShardReader.Damaged(reason: "its seed and paths are missing") }
    guard kind != .run || numbers[1] == numbers[2] else {
      throw ShardReader.Damaged(reason: "it splits \(numbers[2]) paths of a run of \(numbers[1])")
    }
    let options = try r.string("the options")
    return ShardIdentity(
      kind: kind, toolVersion: tool,
      blas: BLASInfo(library: blasText[0], configuration: blasText[1], kernel: blasText[2], threads: threads),
      scenario: scenario, scenarioSHA256: hash, scenarioFiles: lists[0], dataFiles: lists[1],
      seed: numbers[0], paths: numbers[1], items: numbers[2], options: options)
  }
}
