/// The long ("tidy") form shared by runs, comparisons, sweeps and sensitivity analyses: one
/// value per row, with exactly the columns
/// `scenario, year, table, key, metric, statistic, value, unit`, so pandas (`pivot_table`), R
/// (`pivot_wider`) and Excel (a pivot table) can reshape it directly and the files of several
/// commands can be concatenated.
///
/// Every row has a key: its label within its table (the track, the sector, `field/sector`),
/// `total` where the table has one row per year (balance, fan). So (scenario, year, table,
/// key, metric, statistic) identifies a row, and summing `value` over a selection that fixes
/// table, metric and statistic never adds a total to its parts. `value` is empty where the
/// value does not exist (NaN); `unit` names what it measures (`Unit`).
public struct LongTable: Sendable {
  /// The column names, in order.
  public static let columns = [
    "scenario", "year", "table", "key", "metric", "statistic", "value", "unit",
  ]

  /// The key of a row that stands for a whole year (balance, fan, comparisons, sweeps).
  public static let totalKey = "total"

  public private(set) var rows: [[Table.Cell]] = []

  public init() {}

  /// Adds one value; `key` must not be empty.
  public mutating func append(
    scenario: String, year: Int?, table: String, key: String = totalKey, metric: String,
    statistic: String, value: Double, unit: Unit?
  ) {
    precondition(!key.isEmpty, "LongTable: a row of table '\(table)' has an empty key")
    rows.append([
      .text(scenario), year.map(Table.Cell.integer) ?? .empty, .text(table), .text(key),
      .text(metric), .text(statistic), .number(orEmpty: value),
      unit.map { .text($0.rawValue) } ?? .empty,
    ])
  }

  /// Adds the rows of another long table.
  public mutating func append(contentsOf other: LongTable) {
    rows += other.rows
  }

  /// The rows as a `Table`; text and Markdown show persons as whole persons.
  public func table(title: String? = nil) -> Table {
    Table(
      title: title,
      columns: [
        .text("scenario"), .year("year"), .text("table"), .text("key"), .text("metric"),
        .text("statistic"), .number("value", unit: .column("unit")), .text("unit"),
      ],
      rows: rows)
  }
}
