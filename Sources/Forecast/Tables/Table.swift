/// A rectangular table of results, kept apart from how it is rendered (statsmodels `Summary`).
///
/// Render it with `rendered(as:style:)`, or with one of `renderedText(style:)`,
/// `renderedMarkdown(style:)`, `renderedCSV()`, `renderedTSV()` and `renderedJSON()`.
public struct Table: Sendable, Equatable {
  /// A column: its name and the kind of values it holds, which sets its alignment.
  public struct Column: Sendable, Equatable {
    /// What a column holds: text is left-aligned, numbers and integers right-aligned.
    public enum Kind: Sendable, Equatable {
      case text
      case number
      case integer
      /// Calendar years: integers shown without thousands separators.
      case year
    }

    public var name: String
    public var kind: Kind
    /// What the column's numbers measure; nil where they have no unit (fit statistics).
    public var unit: UnitSource?

    public init(name: String, kind: Kind, unit: UnitSource? = nil) {
      self.name = name
      self.kind = kind
      self.unit = unit
    }

    /// A text column.
    public static func text(_ name: String) -> Column { Column(name: name, kind: .text) }
    /// A column of real numbers.
    public static func number(_ name: String) -> Column { Column(name: name, kind: .number) }
    /// A column of real numbers in `unit`.
    public static func number(_ name: String, unit: UnitSource?) -> Column {
      Column(name: name, kind: .number, unit: unit)
    }
    /// A column of real numbers in the fixed unit `unit`.
    public static func number(_ name: String, unit: Unit) -> Column {
      Column(name: name, kind: .number, unit: .fixed(unit))
    }
    /// A column of integers (counts).
    public static func integer(_ name: String) -> Column { Column(name: name, kind: .integer) }
    /// A column of calendar years (no thousands separators in text).
    public static func year(_ name: String) -> Column { Column(name: name, kind: .year) }
  }

  /// One cell of a row.
  public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    /// No value: blank in text, Markdown, CSV and TSV, `null` in JSON.
    case empty

    /// A number, or an empty cell for NaN (a value that does not exist).
    static func number(orEmpty value: Double) -> Cell {
      value.isNaN ? .empty : .number(value)
    }
  }

  /// A caption, rendered above the text and Markdown forms; CSV, TSV and JSON have no place
  /// for it and leave it out.
  public var title: String?
  public var columns: [Column]
  /// Rows of cells, each with one cell per column.
  public var rows: [[Cell]]

  /// A table; every row must have one cell per column.
  public init(title: String? = nil, columns: [Column], rows: [[Cell]]) {
    for (index, row) in rows.enumerated() {
      precondition(
        row.count == columns.count,
        "Table: row \(index) has \(row.count) cells for \(columns.count) columns")
    }
    self.title = title
    self.columns = columns
    self.rows = rows
  }

  /// The first cell holding an infinite number, row by row: its row, column name and value.
  public func firstInfiniteCell() -> (row: Int, column: String, value: Double)? {
    for (r, row) in rows.enumerated() {
      for (c, cell) in row.enumerated() {
        if case .number(let value) = cell, value.isInfinite { return (r, columns[c].name, value) }
      }
    }
    return nil
  }

  /// The unit of the cell of `row` in column `column`, nil where it has none.
  public func unit(of row: [Cell], column: Int) -> Unit? {
    switch columns[column].unit {
    case nil: return nil
    case .fixed(let unit): return unit
    case .column(let name):
      guard let index = columnIndex(name), case .text(let text) = row[index] else { return nil }
      return Unit(rawValue: text)
    case .balanceMetric(let name):
      guard let index = columnIndex(name), case .text(let text) = row[index] else { return nil }
      return BalanceMetric(rawValue: text)?.unit
    }
  }

  /// The index of the column named `name`, nil when there is none.
  public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

  /// The cell of `row` (one of `rows`) in the column named `column`, which must exist.
  public func cell(_ column: String, of row: [Cell]) -> Cell {
    guard let index = columnIndex(column) else {
      preconditionFailure("Table: no column '\(column)' in \(columns.map(\.name))")
    }
    return row[index]
  }

  /// The cell of row `row` in the column named `column`, which must exist.
  public subscript(row row: Int, column column: String) -> Cell { cell(column, of: rows[row]) }

  /// The table in `format`; `style` sets how numbers read in the text and Markdown forms.
  public func rendered(as format: OutputFormat, style: TextStyle = .init()) -> String {
    switch format {
    case .text: return renderedText(style: style)
    case .markdown: return renderedMarkdown(style: style)
    case .csv: return renderedCSV()
    case .tsv: return renderedTSV()
    case .json: return renderedJSON()
    }
  }

  /// The shortest text that reads back as exactly `value` (finite), for CSV, TSV and JSON.
  ///
  /// Integral values of magnitude up to 2⁵³ print as integers (`12700000`, not `12700000.0`),
  /// so pandas and R read integer columns as integers; negative zero prints as `-0.0`, keeping
  /// its sign where `-0` would read as the integer 0; everything else is Swift's shortest
  /// round-trip `description` (`0.1`, `1e-05`, `1e+16`, `5e-324`).
  static func roundTripText(_ value: Double) -> String {
    if value == 0 { return value.sign == .minus ? "-0.0" : "0" }
    if value.magnitude <= 9_007_199_254_740_992, let integer = Int64(exactly: value) {
      return String(integer)
    }
    return value.description
  }
}
