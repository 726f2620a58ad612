/// Reads comma-separated files into a `DataTable`.
///
/// The format is RFC 4180 with the leniencies that spreadsheet exports need:
/// - fields are separated by commas; a field may be quoted, with `""` for a quote inside it, and
///   a quoted field may hold commas and line ends; spaces around the quotes are ignored;
/// - records end at LF, CRLF or a lone CR; the last record may end with a line end or not;
/// - a UTF-8 byte-order mark at the start is skipped;
/// - the first non-blank line is the header: its fields, trimmed of spaces and tabs, are the
///   column names, which must be non-empty, distinct and valid UTF-8;
/// - blank lines are skipped (as pandas and R do), so a one-column file writes a missing value as
///   `NA`, not as an empty line;
/// - every other record must have as many fields as the header.
///
/// Each cell is a number, a missing value or text (see `classify`). A column whose non-missing
/// cells are all numbers is `.numeric`, with NaN for missing cells; any other column is `.text`
/// with every cell's unescaped content, as in the file, and the 0-based row of its first text
/// cell. Text cells with invalid UTF-8 get U+FFFD in place of the bad bytes.
///
/// Numeric cells cost no allocation: the file is scanned in place and each number is converted
/// from a NUL-terminated copy on the stack. Text columns are collected by a second scan that runs
/// only when the file has one.
public enum CSVReader {
  /// The most columns a header may have (docs/reliability.md).
  public static let maximumColumns = 10_000
  /// The longest header accepted, in bytes, line end not counted (docs/reliability.md).
  public static let maximumHeaderBytes = 256 << 10

  /// Reads and parses the CSV file at `path`, which also names the table's source.
  ///
  /// - Throws: `CSVError`: the file is missing or unreadable, or is not a valid table.
  public static func read(contentsOf path: String) throws(CSVError) -> DataTable {
    let bytes = try readFile(atPath: path)
    return try parse(bytes, source: path)
  }

  /// Parses CSV bytes; `source` names them in errors and in the table ("data.csv").
  ///
  /// - Throws: `CSVError` when the bytes are not a valid table.
  public static func parse(_ bytes: [UInt8], source: String) throws(CSVError) -> DataTable {
    try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
      try parse(buffer, source: source)
    }
  }

  /// Parses CSV bytes in place; `source` names them in errors and in the table.
  ///
  /// - Throws: `CSVError` when the bytes are not a valid table.
  public static func parse(_ bytes: UnsafeRawBufferPointer, source: String) throws(CSVError)
    -> DataTable
  {
    try parse(bytes.assumingMemoryBound(to: UInt8.self), source: source)
  }

  /// Parses CSV bytes that stay valid for the whole call.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(CSVError)
    -> DataTable
  {
    try withCNumericLocale { () throws(CSVError) -> DataTable in
      var scanner = CSVScanner(bytes: bytes, source: source)
      let names = try readHeader(&scanner)
      let (numbers, firstText) = try readNumbersInChunks(&scanner, width: names.count)
      var texts: [[String]] = []
      if firstText.contains(where: { $0 != nil }) {
        texts = try readTexts(bytes: bytes, source: source, firstText: firstText)
      }
      let columns = (0..<names.count).map { column -> DataTable.Column in
        guard let row = firstText[column] else { return .numeric(numbers[column]) }
        return .text(texts[column], firstText: row)
      }
      return DataTable(source: source, names: names, columns: columns)
    }
  }

  /// Reads the header record: trimmed, non-empty, distinct, valid UTF-8 names, at most
  /// `maximumColumns` of them in at most `maximumHeaderBytes`.
  static func readHeader(_ scanner: inout CSVScanner) throws(CSVError) -> [String] {
    let source = scanner.source
    guard scanner.skipBlankLines() else { throw .emptyFile(file: source) }
    let line = scanner.line
    let start = scanner.position
    var names: [String] = []
    var firstColumnNamed: [String: Int] = [:]
    var terminator = CSVScanner.Terminator.comma
    while terminator == .comma {
      let column = names.count + 1
      guard column <= maximumColumns else {
        throw .tooManyColumns(file: source, line: line, limit: maximumColumns)
      }
      let (field, next) = try scanner.nextField(column: column)
      terminator = next
      guard field.end - start <= maximumHeaderBytes else {
        throw .headerTooLong(file: source, line: line, limit: maximumHeaderBytes)
      }
      guard let raw = String(validating: scanner.contentBytes(of: field), as: UTF8.self) else {
        throw .invalidUTF8InHeader(file: source, line: line, column: column)
      }
      let name = trimmingSpaces(raw)
      guard !name.isEmpty else {
        throw .emptyColumnName(file: source, line: line, column: column)
      }
      if let first = firstColumnNamed[name] {
        throw .duplicateColumnName(
          file: source, line: line, name: name, firstColumn: first, secondColumn: column)
      }
      firstColumnNamed[name] = column
      names.append(name)
    }
    return names
  }

  /// Reads the data records: each column's numbers (NaN for missing cells; emptied once the
  /// column turns out to be text) and the 0-based row of each column's first text cell.
  static func readNumbers(_ scanner: inout CSVScanner, width: Int) throws(CSVError) -> (
    numbers: [[Double]], firstText: [Int?]
  ) {
    let bytes = scanner.bytes
    let estimatedRows = estimatedRowCount(bytes, from: scanner.position, width: width)
    var numbers = [[Double]](repeating: [], count: width)
    for column in 0..<width { numbers[column].reserveCapacity(estimatedRows) }
    var firstText = [Int?](repeating: nil, count: width)
    var rowCount = 0
    try withUnsafeTemporaryAllocation(of: CChar.self, capacity: numberScratchCapacity) {
      scratch throws(CSVError) in
      while scanner.skipBlankLines() {
        let line = scanner.line
        var column = 0
        var terminator = CSVScanner.Terminator.comma
        while terminator == .comma {
          let (field, next) = try scanner.nextField(column: column + 1)
          terminator = next
          if column < width, firstText[column] == nil {
            // A field with `""` holds a quote, so it is neither a number nor missing.
            let value =
              field.hasEscapedQuotes
              ? .text : classify(bytes, start: field.start, end: field.end, scratch: scratch)
            switch value {
            case .number(let number): numbers[column].append(number)
            case .missing: numbers[column].append(.nan)
            case .text:
              firstText[column] = rowCount
              numbers[column] = []
            }
          }
          column += 1
        }
        guard column == width else {
          throw .wrongFieldCount(file: scanner.source, line: line, expected: width, found: column)
        }
        rowCount += 1
      }
    }
    return (numbers, firstText)
  }

  /// Scans the bytes again and collects the cells of the text columns (others stay empty).
  static func readTexts(bytes: UnsafeBufferPointer<UInt8>, source: String, firstText: [Int?])
    throws(CSVError) -> [[String]]
  {
    var scanner = CSVScanner(bytes: bytes, source: source)
    var texts = [[String]](repeating: [], count: firstText.count)
    _ = try readHeader(&scanner)
    while scanner.skipBlankLines() {
      var column = 0
      var terminator = CSVScanner.Terminator.comma
      while terminator == .comma {
        let (field, next) = try scanner.nextField(column: column + 1)
        terminator = next
        if column < firstText.count, firstText[column] != nil {
          texts[column].append(scanner.text(of: field))
        }
        column += 1
      }
    }
    return texts
  }

  /// An estimate of the records after `start`, a little high: the byte count over the mean
  /// length of the records in the first 64 KiB.
  ///
  /// Never more than the records of `width` fields the bytes can hold (each has at least
  /// `width - 1` commas and a line end): every column reserves this many numbers, so blank
  /// lines under a wide header (which count as lines but are no records) would otherwise
  /// reserve width × lines numbers — 20 GB for a 250 KB file of 40,000 columns and 60,000
  /// line feeds.
  static func estimatedRowCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, width: Int)
    -> Int
  {
    let sampleEnd = min(bytes.count, start + 65_536)
    var lines = 1
    for index in start..<sampleEnd where bytes[index] == CSVScanner.lineFeed { lines &+= 1 }
    let remaining = bytes.count - start
    let fit = remaining / max(width, 1) + 1
    if sampleEnd == bytes.count { return min(lines, fit) }
    return min(Int(Double(remaining) / Double(sampleEnd - start) * Double(lines) * 1.1) + 16, fit)
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmingSpaces(_ text: String) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }
}
