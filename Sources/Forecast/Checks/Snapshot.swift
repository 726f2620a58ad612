import Foundation

/// A recorded run (issue 5): every table as full-precision CSV and a manifest of the inputs,
/// in `DIR/<scenario>/`, so a later run can be compared cell by cell and a data revision told
/// apart from a code change.
public enum Snapshot {
  /// The folder of a scenario's snapshot.
  public static func folder(_ directory: String, scenario: String) -> String {
    (directory as NSString).appendingPathComponent(scenario)
  }

  /// Writes (or rewrites) the snapshot of a run, every file whole or not at all.
  public static func record(
    _ projection: Projection, metadata: RunMetadata, to directory: String
  ) throws(CheckError) {
    let files = Projection.TableName.allCases.map {
      ("\($0.rawValue).csv", RunOutput.terminated(projection.table($0).renderedCSV()))
    } + [("manifest.json", metadata.json + "\n")]
    let target = folder(directory, scenario: projection.scenario.info.name)
    do {
      try RunOutput.write(files.map { (name: $0.0, contents: $0.1) }, to: target)
    } catch {
      throw .cannotWrite(path: target, reason: error.description)
    }
  }

  /// Compares a run with its snapshot.
  public static func compare(
    _ projection: Projection, metadata: RunMetadata, in directory: String
  ) throws(CheckError) -> SnapshotComparison {
    let name = projection.scenario.info.name
    let target = folder(directory, scenario: name)
    let manifestPath = (target as NSString).appendingPathComponent("manifest.json")
    guard FileManager.default.fileExists(atPath: manifestPath) else {
      throw .snapshotMissing(path: target)
    }
    let inputs = try inputChanges(manifestPath: manifestPath, metadata: metadata)
    var changes: [SnapshotComparison.Change] = []
    var compared: [String: Int] = [:]
    for table in Projection.TableName.allCases {
      let path = (target as NSString).appendingPathComponent("\(table.rawValue).csv")
      let old: DataTable
      do { old = try CSVReader.read(contentsOf: path) } catch {
        throw .snapshotUnreadable(path: path, reason: error.description)
      }
      let found = cellChanges(
        table: table.rawValue, old: old, new: projection.table(table),
        settings: projection.scenario.check)
      compared[table.rawValue] = found.count
      changes += found
    }
    changes.sort { ($0.sortKey, $0.table, $0.key, $0.year ?? 0) > ($1.sortKey, $1.table, $1.key, $1.year ?? 0) }
    return SnapshotComparison(
      scenario: name, changes: changes, changesPerTable: compared, inputChanges: inputs)
  }

  /// Cells whose value moved beyond tolerance, rows that appeared or disappeared.
  static func cellChanges(
    table name: String, old: DataTable, new: Table, settings: CheckSettings
  ) -> [SnapshotComparison.Change] {
    let index = TableCellIndex(new)
    let keyNames = index.keyColumns.map { new.columns[$0].name }
    let years = old.numericColumn(named: "year")
    var seen = Set<Int>()
    var changes: [SnapshotComparison.Change] = []
    let valueColumns = new.columns.enumerated().filter {
      $0.element.kind != .text && $0.element.name != "year"
    }
    for row in 0..<old.rowCount {
      let key: String? =
        keyNames.isEmpty
        ? nil
        : keyNames.map { keyName -> String in
          switch old.column(named: keyName) {
          case .text(let values, _): return values[row]
          case .numeric(let values): return Table.roundTripText(values[row])
          case nil: return ""
          }
        }.joined(separator: "/")
      let year = years.map { Int($0[row]) }
      guard let newRow = index.row(key: key, year: year) else {
        changes.append(.init(table: name, key: key ?? "", year: year, column: "(row)", old: 0, new: .nan))
        continue
      }
      seen.insert(newRow)
      for (c, column) in valueColumns {
        let previous = old.numericColumn(named: column.name)?[row] ?? .nan
        let current = TableCellIndex.number(new.rows[newRow][c]) ?? .nan
        if previous.isNaN && current.isNaN { continue }
        let (rtol, atol) = settings.tolerance(table: name, column: column.name)
        let moved =
          previous.isNaN != current.isNaN || !(abs(current - previous) <= atol + rtol * abs(previous))
        if moved {
          changes.append(
            .init(table: name, key: key ?? "", year: year, column: column.name, old: previous, new: current))
        }
      }
    }
    for (r, row) in new.rows.enumerated() where !seen.contains(r) {
      changes.append(
        .init(table: name, key: index.key(of: row) ?? "", year: index.year(of: row), column: "(row)", old: .nan, new: 0))
    }
    return changes
  }

  /// Inputs whose SHA-256, or the tool version, differ from the manifest's.
  static func inputChanges(manifestPath: String, metadata: RunMetadata) throws(CheckError) -> [String] {
    guard let data = FileManager.default.contents(atPath: manifestPath),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw .snapshotUnreadable(path: manifestPath, reason: "not a JSON object") }
    var notes: [String] = []
    if let version = object["tool_version"] as? String, version != metadata.toolVersion {
      notes.append("tool version \(version) → \(metadata.toolVersion)")
    }
    for (key, current, kind) in [
      ("scenario_files", metadata.scenarioFiles, "scenario file"),
      ("data_files", metadata.dataFiles, "data file"),
    ] {
      let recorded = (object[key] as? [[String: Any]] ?? []).compactMap { entry -> (String, String)? in
        guard let path = entry["path"] as? String, let hash = entry["sha256"] as? String else { return nil }
        return ((path as NSString).lastPathComponent, hash)
      }
      let old = Dictionary(recorded, uniquingKeysWith: { a, _ in a })
      let new = Dictionary(
        current.map { (($0.path as NSString).lastPathComponent, $0.sha256) },
        uniquingKeysWith: { a, _ in a })
      for (file, hash) in new.sorted(by: { $0.key < $1.key }) {
        if let before = old[file] {
          if before != hash { notes.append("\(kind) \(file) changed (SHA-256 \(before.prefix(12))… → \(hash.prefix(12))…)") }
        } else {
          notes.append("\(kind) \(file) is new")
        }
      }
      for file in old.keys.sorted() where new[file] == nil { notes.append("\(kind) \(file) is no longer read") }
    }
    return notes
  }
}

/// What moved between a snapshot and a new run.
public struct SnapshotComparison: Sendable, Equatable {
  /// One cell that moved beyond tolerance (column "(row)" for a row that appeared or went).
  public struct Change: Sendable, Equatable {
    public let table: String
    public let key: String
    public let year: Int?
    public let column: String
    public let old: Double
    public let new: Double
    public var absoluteChange: Double { new - old }
    public var relativeChange: Double { old == 0 ? (new == 0 ? 0 : .infinity) : (new - old) / abs(old) }
    /// Largest relative change first; appeared or vanished rows and NaN changes on top.
    var sortKey: Double {
      let r = abs(relativeChange)
      return r.isNaN ? .infinity : r
    }
  }

  public let scenario: String
  public let changes: [Change]
  /// Changed cells per table (every table appears, 0 when nothing moved).
  public let changesPerTable: [String: Int]
  /// Inputs that differ from the snapshot's manifest: a data revision, a scenario edit, a
  /// new tool version. Empty with changes means the code moved the numbers.
  public let inputChanges: [String]

  /// table, key, year, column, old, new, absolute and relative change.
  public var table: Table {
    Table(
      title: "\(scenario): moved since the snapshot",
      columns: [.text("scenario"), .text("table"), .text("key"), .year("year"), .text("column")]
        + ["old", "new", "change", "relative_change"].map(Table.Column.number),
      rows: changes.map { c in
        [
          .text(scenario), .text(c.table), .text(c.key), c.year.map(Table.Cell.integer) ?? .empty,
          .text(c.column), .number(orEmpty: c.old), .number(orEmpty: c.new),
          .number(orEmpty: c.absoluteChange), .number(orEmpty: c.relativeChange),
        ]
      })
  }
}
