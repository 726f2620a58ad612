/// A `year` column that cannot index a series: a cell that is not a whole year in range, a
/// value without a year, or a year given twice; each names the file and the lines involved.
public enum DataYearError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file has no numeric `year` column (`found` says what it has instead).
  case noYearColumn(file: String, found: String)
  /// The cell on `line`, `column` (1-based) is not a whole year in `YearColumn.range`.
  case notAYear(file: String, line: Int, column: Int, found: String)
  /// The row on `line` has a value in `valueColumn` and no year.
  case missingYear(file: String, line: Int, column: Int, valueColumn: String)
  /// `year` appears on each of `lines`, each with a value in `valueColumn`.
  case duplicateYear(file: String, valueColumn: String, year: Int, lines: [Int])

  /// The message; text from the file is escaped (`Wording.escapingControlCharacters`).
  public var description: String { Wording.escapingControlCharacters(message) }

  private var message: String {
    let range = "\(YearColumn.range.lowerBound)...\(YearColumn.range.upperBound)"
    switch self {
    case .noYearColumn(let file, let found):
      return "\(file): expected a numeric `year` column, found \(found)"
    case .notAYear(let file, let line, let column, let found):
      return "\(file):\(line):\(column): expected a year (a whole number in \(range)), found \(found)"
    case .missingYear(let file, let line, let column, let valueColumn):
      return "\(file):\(line):\(column): the year is missing on a row where column "
        + "'\(valueColumn)' has a value"
    case .duplicateYear(let file, let valueColumn, let year, let lines):
      return "\(file): year \(year) appears on lines "
        + Wording.list(lines.map(String.init))
        + ", each with a value in column '\(valueColumn)': a series has one value per year"
    }
  }

  /// The error split for a scenario issue, which says where in the scenario it is:
  /// what the data file should hold, and what it holds where.
  var expectedAndFound: (expected: String, found: String) {
    let range = "\(YearColumn.range.lowerBound)...\(YearColumn.range.upperBound)"
    switch self {
    case .noYearColumn(let file, let found):
      return ("a numeric `year` column in \(file)", found)
    case .notAYear(let file, let line, let column, let found):
      return ("a `year` column of whole years in \(range)", "\(found) at \(file):\(line):\(column)")
    case .missingYear(let file, let line, let column, let valueColumn):
      return (
        "a year on every row with a value in column '\(valueColumn)'",
        "none at \(file):\(line):\(column)"
      )
    case .duplicateYear(let file, let valueColumn, let year, let lines):
      return (
        "one value per year in column '\(valueColumn)'",
        "year \(year) on lines \(Wording.list(lines.map(String.init))) of \(file)"
      )
    }
  }
}
