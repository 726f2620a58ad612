/// Finds a cell of a run's table by its key and year (MODEL.md 10): the key is the row's track
/// (supply), sector (demand), `field/sector` (matching), `model/term` (fit); balance has none.
struct TableCellIndex {
  let table: Table
  let keyColumns: [Int]
  let yearColumn: Int?
  private var rows: [String: Int] = [:]

  init(_ table: Table) {
    self.table = table
    let names = table.columns.map(\.name)
    yearColumn = names.firstIndex(of: "year")
    keyColumns = Self.keyNames.compactMap {
      names.firstIndex(of: $0)
    }.sorted()
    for (i, row) in table.rows.enumerated() {
      rows[Self.identity(key: key(of: row), year: year(of: row))] = i
    }
  }

  /// The names of the run tables' key columns (all but the year).
  static let keyNames = Array(
    Set(RunTable.allCases.flatMap { $0.keyColumns.map(\.name) }).subtracting(["year"]))

  static func identity(key: String?, year: Int?) -> String {
    "\(key ?? "")|\(year.map(String.init) ?? "")"
  }

  /// The row's key: its key columns joined by "/" (nil when the table has none).
  func key(of row: [Table.Cell]) -> String? {
    guard !keyColumns.isEmpty else { return nil }
    return keyColumns.map { column -> String in
      if case .text(let s) = row[column] { return s }
      return ""
    }.joined(separator: "/")
  }

  func year(of row: [Table.Cell]) -> Int? {
    guard let yearColumn, case .integer(let y) = row[yearColumn] else { return nil }
    return y
  }

  /// The row index for a key and year.
  func row(key: String?, year: Int?) -> Int? { rows[Self.identity(key: key, year: year)] }

  /// The numeric value of a cell (NaN for an empty cell).
  static func number(_ cell: Table.Cell) -> Double? {
    switch cell {
    case .number(let x): return x
    case .integer(let i): return Double(i)
    case .empty: return .nan
    case .text: return nil
    }
  }
}
