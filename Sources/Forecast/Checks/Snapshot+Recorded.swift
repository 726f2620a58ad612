extension Snapshot {
  /// One row of a recorded table: its key and year, and its cells in the run table's column
  /// order (NaN for an empty cell and for the key columns).
  struct RecordedRow {
    let key: String?
    let year: Int?
    let values: [Double]
  }

  /// Reads a recorded table and checks it against the run's table of the same name: the same
  /// columns, a whole number in every year cell, a number or nothing in every value cell, a key
  /// in every key cell, one row per key and year.
  ///
  /// - Throws: `CheckError.snapshotCSV` or `.snapshotCorrupt` with the file, line and column:
  ///   a corrupted snapshot is bad input, never a crash or a silent pass.
  static func recordedRows(at path: String, like table: Table) throws(CheckError) -> [RecordedRow] {
    let recorded: DataTable
    do { recorded = try CSVReader.read(contentsOf: path) } catch { throw .snapshotCSV(error) }
    let names = table.columns.map(\.name)
    guard recorded.names == names else {
      throw .snapshotCorrupt(
        file: path, line: 1, column: nil, expected: "the header " + names.joined(separator: ","),
        found: recorded.names.joined(separator: ","))
    }
    func corrupt(row: Int, column: Int, expected: String, found: String) -> CheckError {
      .snapshotCorrupt(
        file: path, line: CSVReader.lines(ofRows: [row], in: path)[0], column: column + 1,
        expected: expected, found: found)
    }
    let index = TableCellIndex(table)
    var keyCells: [Int: [String]] = [:]
    var numbers = [[Double]](repeating: [], count: names.count)
    for (c, column) in table.columns.enumerated() {
      switch (column.kind, recorded.columns[c]) {
      case (.text, .text(let cells, _)):
        if let row = cells.firstIndex(of: "") {
          throw corrupt(row: row, column: c, expected: "a name in column '\(column.name)'", found: "an empty cell")
        }
        keyCells[c] = cells
      case (.text, .numeric(let cells)):
        if let row = cells.firstIndex(where: \.isNaN) {
          throw corrupt(row: row, column: c, expected: "a name in column '\(column.name)'", found: "an empty cell")
        }
        keyCells[c] = cells.map(Table.roundTripText)
      case (_, .text(let cells, let row)):
        throw corrupt(row: row, column: c, expected: "a number in column '\(column.name)'", found: "\"\(cells[row])\"")
      case (_, .numeric(let cells)):
        numbers[c] = cells
      }
    }
    var rows: [RecordedRow] = []
    var firstRow: [String: Int] = [:]
    for row in 0..<recorded.rowCount {
      var year: Int? = nil
      if let y = index.yearColumn {
        let cell = numbers[y][row]
        guard let whole = Int(exactly: cell) else {
          throw corrupt(
            row: row, column: y, expected: "a whole year",
            found: cell.isNaN ? "an empty cell" : Table.delimitedNumber(cell))
        }
        year = whole
      }
      let key =
        index.keyColumns.isEmpty
        ? nil : index.keyColumns.map { keyCells[$0]?[row] ?? "" }.joined(separator: "/")
      let identity = TableCellIndex.identity(key: key, year: year)
      if let first = firstRow[identity] {
        let lines = CSVReader.lines(ofRows: [first, row], in: path)
        throw .snapshotCorrupt(
          file: path, line: lines[1], column: nil, expected: "one row per key and year",
          found: "the row of line \(lines[0]) again (" + Self.describe(key: key, year: year) + ")")
      }
      firstRow[identity] = row
      rows.append(
        RecordedRow(key: key, year: year, values: numbers.map { $0.isEmpty ? .nan : $0[row] }))
    }
    return rows
  }

  /// "key 'college', year 2023" for messages.
  static func describe(key: String?, year: Int?) -> String {
    [key.map { "key '\($0)'" }, year.map { "year \($0)" }].compactMap { $0 }
      .joined(separator: ", ")
  }
}
