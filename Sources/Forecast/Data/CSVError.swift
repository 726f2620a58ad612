/// A CSV file that cannot be read as a table, with the file, the 1-based physical line and what
/// was expected against what was found.
public enum CSVError: Error, CustomStringConvertible, Equatable, Sendable {
  /// No file exists at the path.
  case fileNotFound(file: String)
  /// The file exists but could not be opened or read; `reason` is the system's message.
  case unreadable(file: String, reason: String)
  /// The path names a directory, FIFO, socket or device; `found` says which ("a FIFO (named
  /// pipe)"). Nothing was read from it.
  case notARegularFile(file: String, found: String)
  /// The file holds `size` bytes (at least), more than the `limit` set by `variable`
  /// (`InputLimit`). Nothing was parsed.
  case fileTooLarge(file: String, size: Int, limit: Int, variable: String)
  /// The header is longer than `CSVReader.maximumHeaderBytes`.
  case headerTooLong(file: String, line: Int, limit: Int)
  /// The header has more columns than `CSVReader.maximumColumns`.
  case tooManyColumns(file: String, line: Int, limit: Int)
  /// The file holds no header row (no bytes, only a byte-order mark, or only blank lines).
  case emptyFile(file: String)
  /// Column `column` (1-based) of the header has a name that is empty once spaces are trimmed.
  case emptyColumnName(file: String, line: Int, column: Int)
  /// Columns `firstColumn` and `secondColumn` (1-based) of the header have the same name.
  case duplicateColumnName(file: String, line: Int, name: String, firstColumn: Int, secondColumn: Int)
  /// A row starting on `line` has `found` fields where the header has `expected`.
  case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
  /// A quoted field opening on `line` has no closing quote before the end of the file.
  case unterminatedQuote(file: String, line: Int)
  /// Field `column` (1-based) on `line` has `found` after its closing quote, where a comma or
  /// the end of the line must follow.
  case textAfterClosingQuote(file: String, line: Int, column: Int, found: String)
  /// Column `column` (1-based) of the header is not valid UTF-8.
  case invalidUTF8InHeader(file: String, line: Int, column: Int)

  /// The message; text from the file is quoted with its control characters escaped
  /// (`Wording.escapingControlCharacters`).
  public var description: String { Wording.escapingControlCharacters(message) }

  private var message: String {
    switch self {
    case .fileNotFound(let file):
      return "\(file): file not found"
    case .unreadable(let file, let reason):
      return "\(file): cannot read the file: \(reason)"
    case .notARegularFile(let file, let found):
      return "\(file): expected a regular file, found \(found)"
    case .fileTooLarge(let file, let size, let limit, let variable):
      return "\(file): expected a data file of at most \(InputLimit.describe(bytes: limit)),"
        + " found \(InputLimit.describe(bytes: size)); set \(variable) to raise the limit"
    case .headerTooLong(let file, let line, let limit):
      return "\(file): line \(line): expected a header row of at most"
        + " \(Wording.count(limit, "byte")), found a longer one"
    case .tooManyColumns(let file, let line, let limit):
      return "\(file): line \(line): expected at most \(Wording.count(limit, "column")) in the"
        + " header, found more"
    case .emptyFile(let file):
      return "\(file): the file is empty; expected a header row of column names"
    case .emptyColumnName(let file, let line, let column):
      return "\(file): line \(line): column \(column) of the header has an empty name"
    case .duplicateColumnName(let file, let line, let name, let first, let second):
      return "\(file): line \(line): columns \(first) and \(second) of the header are both named \"\(name)\""
    case .wrongFieldCount(let file, let line, let expected, let found):
      let noun = expected == 1 ? "field" : "fields"
      return "\(file): line \(line): expected \(expected) \(noun) as in the header, found \(found)"
    case .unterminatedQuote(let file, let line):
      return "\(file): line \(line): a quoted field starts here and has no closing quote"
    case .textAfterClosingQuote(let file, let line, let column, let found):
      return "\(file): line \(line): expected a comma or the end of the line after the closing quote of field \(column), found \"\(found)\""
    case .invalidUTF8InHeader(let file, let line, let column):
      return "\(file): line \(line): column \(column) of the header is not valid UTF-8"
    }
  }
}

extension CSVError {
  /// The same error with its line moved down by `offset` (for records parsed in a chunk that
  /// starts further into the file).
  func shiftingLines(by offset: Int) -> CSVError {
    switch self {
    case .wrongFieldCount(let file, let line, let expected, let found):
      return .wrongFieldCount(file: file, line: line + offset, expected: expected, found: found)
    case .unterminatedQuote(let file, let line):
      return .unterminatedQuote(file: file, line: line + offset)
    case .textAfterClosingQuote(let file, let line, let column, let found):
      return .textAfterClosingQuote(file: file, line: line + offset, column: column, found: found)
    default:
      return self
    }
  }
}
