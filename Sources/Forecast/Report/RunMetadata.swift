import Foundation

/// Which inputs produced a run's numbers: the scenario, the tool, the BLAS, and a SHA-256 of
/// every file read, so a published number can be traced to its inputs.
public struct RunMetadata: Sendable, Equatable {
  public let scenario: String
  public let title: String?
  public let baseYear: Int
  public let horizon: Int
  public let paths: Int
  public let seed: Int
  public let toolVersion: String
  public let blas: BLASInfo
  /// The scenario file, then every file it extends (nearest first).
  public let scenarioFiles: [FileDigest]
  public let dataFiles: [FileDigest]
  /// The data series marked `projected`: read after base_year (MODEL.md 1).
  public let projectedSeries: [String]
  /// Shocks given beside the scenario files, one line each, applied after its own.
  public let addedShocks: [ShockLine]
  public let warnings: [String]

  /// The version of the Forecast library and the `simulate` tool.
  public static let toolVersion = "0.2.0"

  /// - Parameter blas: the BLAS that computed the numbers (a merge of shards: theirs).
  public init(projection: Projection, blas: BLASInfo = .current) {
    self.init(
      scenario: projection.scenario, dataFiles: projection.dataFiles,
      warnings: projection.warnings, blas: blas)
  }

  /// The metadata of a scenario that was run, `dataFiles` the paths of the data it read (by
  /// default every file its data series name, in their order).
  public init(
    scenario: Scenario, dataFiles: [String]? = nil, warnings: [String] = [],
    blas: BLASInfo = .current
  ) {
    let info = scenario.info
    self.scenario = info.name
    title = info.title
    baseYear = info.baseYear
    horizon = info.horizon
    paths = info.paths
    seed = info.seed
    toolVersion = Self.toolVersion
    self.blas = blas
    let recorded = scenario.digests
    scenarioFiles = scenario.files.map { Self.digest($0, recorded: recorded) }
    self.dataFiles = (dataFiles ?? scenario.dataFilePaths).map {
      Self.digest($0, recorded: recorded)
    }
    projectedSeries = scenario.dataSeries.filter(\.projected).map(\.name)
    addedShocks = scenario.addedShocks
    self.warnings = warnings
  }

  /// The digest the loader took of a file as it read it, or of the file's bytes now for a
  /// scenario built in code ("unreadable" if it cannot be read).
  static func digest(_ path: String, recorded: [String: FileDigest]) -> FileDigest {
    if let digest = recorded[path] { return digest }
    guard let data = FileManager.default.contents(atPath: path) else {
      return FileDigest(path: path, sha256: "unreadable")
    }
    return FileDigest(path: path, bytes: data)
  }

  /// The metadata as a JSON object (keys in a fixed order).
  public var json: String { json(shortPaths: true) }

  /// The JSON object; with `shortPaths` false, every path absolute (snapshot manifests, which
  /// compare inputs by their place relative to the scenario file). `tables`, when given, are
  /// the digests of the files written beside it (a snapshot's tables, by file name).
  public func json(shortPaths: Bool, tables: [FileDigest] = []) -> String {
    let files = { (list: [FileDigest]) in Self.json(list, shortPaths: shortPaths) }
    let fields: [(String, String)] =
      Array(scenarioFields(shortPaths: shortPaths).prefix(6)) + toolFields
      + Array(scenarioFields(shortPaths: shortPaths).dropFirst(6))
      + [("warnings", Self.json(warnings))] + (tables.isEmpty ? [] : [("tables", files(tables))])
    return Self.object(fields)
  }

  /// The scenario's fields, in order: scenario, title, base_year, horizon, paths, seed,
  /// scenario_files, data_files and, when there are any, the added shocks.
  func scenarioFields(shortPaths: Bool) -> [(String, String)] {
    [
      ("scenario", Table.jsonString(scenario)),
      ("title", title.map(Table.jsonString) ?? "null"),
      ("base_year", "\(baseYear)"),
      ("horizon", "\(horizon)"),
      ("paths", "\(paths)"),
      ("seed", "\(seed)"),
      ("scenario_files", Self.json(scenarioFiles, shortPaths: shortPaths)),
      ("data_files", Self.json(dataFiles, shortPaths: shortPaths)),
    ] + (projectedSeries.isEmpty ? [] : [("projected_series", Self.json(projectedSeries))])
      + (addedShocks.isEmpty ? [] : [("shocks", Self.json(addedShocks))])
  }

  /// The tool's fields: its version and the BLAS that computed the numbers.
  var toolFields: [(String, String)] {
    [
      ("tool_version", Table.jsonString(toolVersion)),
      ("blas_library", Table.jsonString(blas.library)),
      ("blas_kernel", Table.jsonString(blas.kernel)),
      ("blas_threads", "\(blas.threads)"),
      ("blas_configuration", Table.jsonString(blas.configuration)),
    ]
  }

  /// A JSON object of `fields`, in order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\(Table.jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  /// Strings as a JSON list.
  static func json(_ strings: [String]) -> String {
    "[" + strings.map(Table.jsonString).joined(separator: ", ") + "]"
  }

  /// File digests as a JSON list of {path, sha256}, paths shortened for display or absolute.
  static func json(_ list: [FileDigest], shortPaths: Bool) -> String {
    "[" + list.map {
      object([
        ("path", Table.jsonString(shortPaths ? DisplayPath.shown($0.path) : $0.path)),
        ("sha256", Table.jsonString($0.sha256)),
      ])
    }.joined(separator: ", ") + "]"
  }

  /// Added shocks as a JSON list: each line as given, then its shock as a `[[shocks]]`
  /// table's keys (`to` and `sd` null when absent).
  static func json(_ lines: [ShockLine]) -> String {
    func string(_ s: String) -> String { Table.jsonString(s) }
    func number(_ x: Double) -> String { Table.roundTripText(x) }
    let items = lines.map { line in
      let shock = line.shock
      let fields: [(String, String)] = [
        ("given", string(line.text)), ("target", string(shock.targetPath)),
        ("op", string(shock.operation.rawValue)), ("value", number(shock.value)),
        ("from", "\(shock.from)"), ("to", shock.to.map { "\($0)" } ?? "null"),
        ("sd", shock.sd.map(number) ?? "null"),
      ]
      return "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
    return "[" + items.joined(separator: ", ") + "]"
  }
}
