/// A table of named columns read from a CSV file: numeric columns hold `Double` with NaN for a
/// missing cell; a column with any non-numeric, non-missing cell is kept as text.
public struct DataTable: Sendable {
  /// One column of a table.
  public enum Column: Sendable, Equatable {
    /// Numbers, NaN where the cell was missing.
    case numeric([Double])
    /// Text, kept for columns that are not numbers (status, source, notes...). `firstText`
    /// is the 0-based row of the first cell that is not a number, for error messages.
    case text([String], firstText: Int)
  }

  /// Where the table came from, for error messages ("data.csv" or "<memory>").
  public let source: String
  /// Column names in file order.
  public let names: [String]
  public let columns: [Column]
  public let rowCount: Int

  public init(source: String, names: [String], columns: [Column]) {
    precondition(names.count == columns.count, "DataTable: \(names.count) names, \(columns.count) columns")
    self.source = source
    self.names = names
    self.columns = columns
    self.rowCount = columns.first.map {
      switch $0 {
      case .numeric(let v): return v.count
      case .text(let v, _): return v.count
      }
    } ?? 0
  }

  /// A table of numeric columns, in the order given.
  public init(source: String = "<memory>", numeric: KeyValuePairs<String, [Double]>) {
    self.init(
      source: source, names: numeric.map(\.key), columns: numeric.map { .numeric($0.value) })
  }

  /// The column with this exact name.
  public func column(named name: String) -> Column? {
    names.firstIndex(of: name).map { columns[$0] }
  }

  /// The numeric column with this name, or nil when it is missing or text.
  public func numericColumn(named name: String) -> [Double]? {
    if case .numeric(let v) = column(named: name) { return v }
    return nil
  }
}
