/// The `year` column of a data table, checked cell by cell, so that a corrupt year is an error
/// naming its line instead of a crash (`Int(1e300)`) or a silent merge (`2020.5` read as 2020).
public struct YearColumn: Sendable {
  /// The years a data file may hold: four-digit calendar years. The bound also keeps the
  /// year-indexed tables the simulation builds (one row per year) to a sane size.
  public static let range = 1000...9999

  /// The file the table was read from.
  public let file: String
  /// Each row's year, nil where the cell is missing.
  public let years: [Int?]
  /// The column's 1-based position in the file, for messages.
  let column: Int

  /// Checks every cell of `table`'s `year` column: missing, or a whole number in `range`.
  ///
  /// - Throws: `DataYearError.noYearColumn` or `.notAYear` with the cell's line and column.
  public init(_ table: DataTable, range: ClosedRange<Int> = YearColumn.range) throws(DataYearError) {
    file = table.source
    guard let index = table.names.firstIndex(of: "year") else {
      throw .noYearColumn(file: table.source, found: "no column named `year`")
    }
    column = index + 1
    switch table.columns[index] {
    case .text(let cells, let row):
      let line = CSVReader.lines(ofRows: [row], in: file)[0]
      throw .notAYear(file: file, line: line, column: column, found: "\"\(cells[row])\"")
    case .numeric(let cells):
      var years: [Int?] = []
      years.reserveCapacity(cells.count)
      for (row, cell) in cells.enumerated() {
        if cell.isNaN {
          years.append(nil)
          continue
        }
        guard let year = Int(exactly: cell), range.contains(year) else {
          let line = CSVReader.lines(ofRows: [row], in: file)[0]
          throw .notAYear(file: file, line: line, column: column, found: Table.delimitedNumber(cell))
        }
        years.append(year)
      }
      self.years = years
    }
  }

  /// The values of a numeric column by year, for rows where the column has a value.
  ///
  /// - Throws: `DataYearError.missingYear` for a value without a year, `.duplicateYear` with
  ///   the lines of every row giving a value for the same year.
  public func series(_ values: [Double], named name: String) throws(DataYearError) -> [Int: Double] {
    var byYear: [Int: Double] = [:]
    var rows: [Int: [Int]] = [:]
    for (row, value) in zip(years.indices, values) where !value.isNaN {
      guard let year = years[row] else {
        let line = CSVReader.lines(ofRows: [row], in: file)[0]
        throw .missingYear(file: file, line: line, column: column, valueColumn: name)
      }
      byYear[year] = value
      rows[year, default: []].append(row)
    }
    if let (year, repeated) = rows.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
      throw .duplicateYear(
        file: file, valueColumn: name, year: year, lines: CSVReader.lines(ofRows: repeated, in: file))
    }
    return byYear
  }
}
