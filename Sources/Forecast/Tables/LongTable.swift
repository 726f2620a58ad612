/// The long ("tidy") form shared by runs, comparisons and sweeps: one value per row,
/// with exactly the columns `scenario, year, table, key, metric, statistic, value`, so pandas
/// (`pivot_table`), R (`pivot_wider`) and Excel (a pivot table) can reshape it directly and the
/// files of several commands can be concatenated.
///
/// `key` is the row's label within its table (empty where the table has none, as in
/// balance); `year` is empty where the table has no year (fit); `value` is empty where the
/// value does not exist (NaN).
public struct LongTable: Sendable {
  /// The column names, in order.
  public static let columns = ["scenario", "year", "table", "key", "metric", "statistic", "value"]

  public private(set) var rows: [[Table.Cell]] = []

  public init() {}

  /// Adds one value.
  public mutating func append(
    scenario: String, year: Int?, table: String, key: String = "", metric: String,
    statistic: String, value: Double
  ) {
    rows.append([
      .text(scenario), year.map(Table.Cell.integer) ?? .empty, .text(table), .text(key),
      .text(metric), .text(statistic), .number(orEmpty: value),
    ])
  }

  /// Adds the rows of another long table.
  public mutating func append(contentsOf other: LongTable) {
    rows += other.rows
  }

  /// The rows as a `Table`.
  public func table(title: String? = nil) -> Table {
    Table(
      title: title,
      columns: [
        .text("scenario"), .year("year"), .text("table"), .text("key"), .text("metric"),
        .text("statistic"), .number("value"),
      ],
      rows: rows)
  }
}
