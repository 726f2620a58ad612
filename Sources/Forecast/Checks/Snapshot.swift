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

  /// Compares a run with its snapshot, cell by cell within `settings`' tolerances.
  ///
  /// - Throws: `CheckError` when the snapshot is missing or corrupted (bad input).
  public static func compare(
    _ projection: Projection, metadata: RunMetadata, in directory: String,
    settings: CheckSettings? = nil
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
      let current = projection.table(table)
      let found = cellChanges(
        table: table.rawValue, recorded: try recordedRows(at: path, like: current), new: current,
        settings: settings ?? projection.scenario.check)
      compared[table.rawValue] = found.count
      changes += found
    }
    changes.sort {
      ($0.sortKey, $0.table, $0.key, $0.year ?? 0, $0.column) > ($1.sortKey, $1.table, $1.key, $1.year ?? 0, $1.column)
    }
    return SnapshotComparison(
      scenario: name, changes: changes, changesPerTable: compared, inputChanges: inputs)
  }

  /// Cells whose value moved beyond tolerance, and rows found on one side only.
  static func cellChanges(
    table name: String, recorded: [RecordedRow], new: Table, settings: CheckSettings
  ) -> [SnapshotComparison.Change] {
    let index = TableCellIndex(new)
    var seen = Set<Int>()
    var changes: [SnapshotComparison.Change] = []
    let valueColumns = new.columns.enumerated().filter {
      $0.element.kind != .text && $0.offset != index.yearColumn
    }
    for row in recorded {
      guard let newRow = index.row(key: row.key, year: row.year) else {
        changes.append(
          .init(
            kind: .onlyInSnapshot, table: name, key: row.key ?? "", year: row.year, column: "",
            old: .nan, new: .nan))
        continue
      }
      seen.insert(newRow)
      for (c, column) in valueColumns {
        let previous = row.values[c]
        let current = TableCellIndex.number(new.rows[newRow][c]) ?? .nan
        if previous.isNaN && current.isNaN { continue }
        let (rtol, atol) = settings.tolerance(table: name, column: column.name)
        let tolerance = atol + rtol * abs(previous)
        let moved = previous.isNaN != current.isNaN || !(abs(current - previous) <= tolerance)
        if moved {
          changes.append(
            .init(
              table: name, key: row.key ?? "", year: row.year, column: column.name, old: previous,
              new: current, tolerance: tolerance))
        }
      }
    }
    for (r, row) in new.rows.enumerated() where !seen.contains(r) {
      changes.append(
        .init(
          kind: .onlyInRun, table: name, key: index.key(of: row) ?? "", year: index.year(of: row),
          column: "", old: .nan, new: .nan))
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
