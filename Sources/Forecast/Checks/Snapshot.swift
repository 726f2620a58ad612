import Foundation

/// A recorded run: every table as full-precision CSV and a manifest of the inputs and of the
/// tables' SHA-256,
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
    try record([ScenarioRun(projection: projection, metadata: metadata)], to: directory)
  }

  /// Writes (or rewrites) the snapshots of several runs, `DIR/<scenario>/`: nothing is written
  /// unless every file can be, so a failure never leaves some scenarios updated and others not.
  ///
  /// - Throws: `CheckError.snapshotNameClash` when two scenario files have the same name (their
  ///   snapshots would be one folder), `.cannotWrite`.
  public static func record(_ runs: [ScenarioRun], to directory: String) throws(CheckError) {
    try checkDistinctNames(runs, in: directory)
    var files: [(name: String, contents: String)] = []
    var written = Set<String>()
    for run in runs where written.insert(run.name).inserted {
      let tables = RunTable.allCases.map {
        ("\($0.rawValue).csv", RunOutput.terminated(run.projection.table($0).renderedCSV()))
      }
      files += tables.map { ("\(run.name)/\($0.0)", $0.1) }
      let digests = tables.map { FileDigest(path: $0.0, bytes: $0.1.utf8) }
      files.append(
        ("\(run.name)/manifest.json", run.metadata.json(shortPaths: false, tables: digests) + "\n"))
    }
    do {
      try RunOutput.write(files, to: directory)
    } catch {
      if case .cannotWrite(let path, let reason) = error { throw .cannotWrite(path: path, reason: reason) }
      throw .cannotWrite(path: directory, reason: error.description)
    }
  }

  /// Two different scenario files with the same `[scenario] name` would share a snapshot
  /// folder: the second would overwrite, or be compared with, the first's.
  public static func checkDistinctNames(_ runs: [ScenarioRun], in directory: String) throws(CheckError) {
    var files: [String: String] = [:]
    for run in runs {
      if let other = files[run.name], other != run.file {
        throw .snapshotNameClash(
          name: run.name, files: [other, run.file], folder: folder(directory, scenario: run.name))
      }
      files[run.name] = run.file
    }
  }

  /// Compares a run with its snapshot, cell by cell within the tolerances of the scenario's
  /// `[check]` and, above them, `overrides`.
  ///
  /// - Throws: `CheckError` when the snapshot is missing or corrupted (bad input).
  public static func compare(
    _ projection: Projection, metadata: RunMetadata, in directory: String,
    overrides: ToleranceOverrides = ToleranceOverrides()
  ) throws(CheckError) -> SnapshotComparison {
    let name = projection.scenario.info.name
    let target = folder(directory, scenario: name)
    let manifestPath = (target as NSString).appendingPathComponent("manifest.json")
    guard FileManager.default.fileExists(atPath: manifestPath) else {
      throw .snapshotMissing(path: target)
    }
    try verifyTables(manifestPath: manifestPath, folder: target)
    let inputs = try inputChanges(manifestPath: manifestPath, metadata: metadata)
    var changes: [SnapshotComparison.Change] = []
    var compared: [String: Int] = [:]
    for table in RunTable.allCases {
      let path = (target as NSString).appendingPathComponent("\(table.rawValue).csv")
      let current = projection.table(table)
      let found = cellChanges(
        table: table.rawValue, recorded: try recordedRows(at: path, like: current), new: current,
        settings: projection.scenario.check, overrides: overrides)
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
    table name: String, recorded: [RecordedRow], new: Table, settings: CheckSettings,
    overrides: ToleranceOverrides = ToleranceOverrides()
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
        let (rtol, atol) = overrides.tolerance(table: name, column: column.name, over: settings)
        let tolerance = atol + rtol * abs(previous)
        // An infinite snapshot value has an infinite tolerance: it moves unless matched exactly.
        let moved =
          previous.isNaN != current.isNaN
          || (previous.isFinite
            ? !(abs(current - previous) <= tolerance) : current != previous)
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
}
