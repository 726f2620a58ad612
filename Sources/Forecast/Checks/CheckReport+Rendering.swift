import Foundation

extension CheckReport {
  /// The report as one document: for text and Markdown the expectations table, then the
  /// snapshot changes; for CSV and TSV one table of both (`resultTable`), which pandas or R
  /// read in one call; for JSON one object (`json`).
  public func rendered(as format: OutputFormat) -> String {
    let style = Table.TextStyle(thousandsSeparators: true, significantDigits: 6)
    switch format {
    case .csv, .tsv:
      return RunOutput.terminated(resultTable.rendered(as: format))
    case .json:
      return json
    case .text, .markdown:
      var parts: [String] = []
      if !expectations.isEmpty {
        parts.append(RunOutput.terminated(ExpectationResult.table(expectations).rendered(as: format, style: style)))
      }
      let changed = comparisons.filter { !$0.changes.isEmpty }.map(\.table)
      if let first = changed.first {
        let merged = Table(
          title: "changed since the snapshots", columns: first.columns, rows: changed.flatMap(\.rows))
        parts.append(RunOutput.terminated(merged.rendered(as: format, style: style)))
      }
      return parts.joined(separator: "\n")
    }
  }

  /// Every expectation and every snapshot change in one table: check (`expect` or
  /// `snapshot`), scenario, table, key, year, column, expected, actual, tolerance, result.
  /// For a snapshot row, expected is the snapshot's value and actual the run's; result is
  /// pass or fail for an expectation, and moved, only in snapshot or only in run for a change.
  public var resultTable: Table {
    let expectationRows = ExpectationResult.table(expectations).rows.map { [Table.Cell.text("expect")] + $0 }
    let changeRows = comparisons.flatMap { comparison in
      comparison.changes.map { c -> [Table.Cell] in
        [
          .text("snapshot"), .text(comparison.scenario), .text(c.table), .text(c.key),
          c.year.map(Table.Cell.integer) ?? .empty, .text(c.column), .number(orEmpty: c.old),
          .number(orEmpty: c.new), .number(orEmpty: c.tolerance), .text(c.kind.rawValue),
        ]
      }
    }
    return Table(
      title: "check",
      columns: [.text("check"), .text("scenario"), .text("table"), .text("key"), .year("year"), .text("column")]
        + ["expected", "actual", "tolerance"].map(Table.Column.number) + [.text("result")],
      rows: expectationRows + changeRows)
  }

  /// One JSON object: `expectations` (rows as in the expectations table), `snapshots` (per
  /// scenario compared: `scenario`, `changes` as in its changes table, `input_changes`),
  /// `notes` and `summary` (`passed`, `failed`, `moved`, `only_in_snapshot`, `only_in_run`).
  public var json: String {
    func array(_ table: Table) -> String {
      table.renderedJSON().trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func strings(_ list: [String]) -> String { "[" + list.map(Table.jsonString).joined(separator: ", ") + "]" }
    let snapshots = comparisons.map { c in
      "{\"scenario\": \(Table.jsonString(c.scenario)), \"changes\": \(array(c.table)), "
        + "\"input_changes\": \(strings(c.inputChanges))}"
    }
    let changes = comparisons.flatMap(\.changes)
    func count(_ kind: SnapshotComparison.Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
    let summary =
      "{\"passed\": \(expectations.count - failedExpectations), \"failed\": \(failedExpectations), "
      + "\"moved\": \(count(.moved)), \"only_in_snapshot\": \(count(.onlyInSnapshot)), "
      + "\"only_in_run\": \(count(.onlyInRun))}"
    return "{\"expectations\": \(array(ExpectationResult.table(expectations))),\n"
      + "\"snapshots\": [" + snapshots.joined(separator: ",\n") + "],\n"
      + "\"notes\": \(strings(notes)),\n\"summary\": \(summary)}\n"
  }
}
