/// The outcome of one `[[expect]]` of a scenario (MODEL.md 10): it passes when
/// |actual − expected| ≤ atol + rtol·|expected| (a tolerance left out is 0).
public struct ExpectationResult: Sendable, Equatable {
  public let scenario: String
  public let expectation: Expectation
  /// The cell as the table emits it.
  public let actual: Double
  /// atol + rtol·|expected|.
  public let tolerance: Double
  public var passed: Bool { abs(actual - expectation.value) <= tolerance }

  /// Evaluates every expectation of a projection's scenario.
  /// - Throws: `CheckError` for an expectation naming a table, column, key or year the run
  ///   does not produce, or a cell it leaves empty (bad input, never a pass or a failure).
  public static func evaluate(_ projection: Projection) throws(CheckError) -> [ExpectationResult] {
    let name = projection.scenario.info.name
    var indexes: [RunTable: TableCellIndex] = [:]
    var results: [ExpectationResult] = []
    for (i, e) in projection.scenario.expectations.enumerated() {
      let index = indexes[e.table] ?? TableCellIndex(projection.table(e.table))
      indexes[e.table] = index
      let columns = index.table.columns.map(\.name)
      guard let column = columns.firstIndex(of: e.column),
        index.table.columns[column].kind != .text
      else {
        throw .unknownColumn(scenario: name, index: i, table: e.table.rawValue, column: e.column, columns: columns)
      }
      guard let row = index.row(key: e.key, year: e.year),
        let value = TableCellIndex.number(index.table.rows[row][column])
      else {
        throw .unknownRow(
          scenario: name, index: i, table: e.table.rawValue, key: e.key, year: e.year)
      }
      if value.isNaN {
        // An empty cell is a value that does not exist: no expectation on it could pass.
        let always = index.table.rows.allSatisfy { other in
          index.key(of: other) != e.key || TableCellIndex.number(other[column])?.isNaN != false
        }
        throw .emptyCell(
          scenario: name, index: i, table: e.table.rawValue, key: e.key, year: e.year,
          column: e.column,
          always: always)
      }
      let tolerance = (e.atol ?? 0) + (e.rtol ?? 0) * abs(e.value)
      results.append(
        ExpectationResult(scenario: name, expectation: e, actual: value, tolerance: tolerance))
    }
    return results
  }

  /// One row per expectation: scenario, table, key, year, column, expected, actual,
  /// tolerance, result.
  public static func table(_ results: [ExpectationResult]) -> Table {
    Table(
      title: "expectations",
      columns: [.text("scenario"), .text("table"), .text("key"), .year("year"), .text("column")]
        + ["expected", "actual", "tolerance"].map(Table.Column.number) + [.text("result")],
      rows: results.map { r in
        let e = r.expectation
        return [
          .text(r.scenario), .text(e.table.rawValue), e.key.map(Table.Cell.text) ?? .empty,
          e.year.map(Table.Cell.integer) ?? .empty, .text(e.column), .number(e.value),
          .number(orEmpty: r.actual), .number(r.tolerance), .text(r.passed ? "pass" : "fail"),
        ]
      })
  }
}
