/// Splits CSV bytes into fields, one at a time, without copying them (RFC 4180, comma separator).
///
/// A field is quoted when its first byte other than spaces or tabs is `"`; inside it, `""` stands
/// for one quote and commas, CR and LF are content. A record ends at LF, CRLF or a lone CR, or
/// at the end of the input. Blank lines between records are skipped by `skipBlankLines()`.
/// The scanner keeps the 1-based physical line of its position, counting line ends inside quoted
/// fields, so errors can point at the line a reader sees in an editor.
internal struct CSVScanner {
  /// What ended a field.
  enum Terminator: Equatable {
    /// A comma: another field of the same record follows.
    case comma
    /// A line end: the record is complete.
    case lineEnd
    /// The end of the input: the record is complete.
    case endOfInput
  }

  /// The byte range of one field's content, without its surrounding quotes.
  struct Field {
    var start: Int
    var end: Int
    /// True when the content holds `""` pairs that stand for single quotes.
    var hasEscapedQuotes: Bool
  }

  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  let bytes: UnsafeBufferPointer<UInt8>
  let source: String
  /// The offset of the next byte to scan.
  private(set) var position: Int
  /// The 1-based physical line of `position`.
  private(set) var line = 1

  /// A scanner at the start of `bytes`, past a UTF-8 byte-order mark if there is one.
  init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
    self.bytes = bytes
    self.source = source
    let hasByteOrderMark =
      bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    self.position = hasByteOrderMark ? 3 : 0
  }

  /// A scanner over a run of whole records in the middle of a file (no byte-order mark), its
  /// lines counted from 1 (the caller shifts them in errors).
  init(records bytes: UnsafeBufferPointer<UInt8>, source: String) {
    self.bytes = bytes
    self.source = source
    self.position = 0
  }

  /// Skips empty lines; returns false when the input ends before another record.
  mutating func skipBlankLines() -> Bool {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == Self.lineFeed || byte == Self.carriageReturn else { return true }
      consumeLineEnd(at: position)
    }
    return false
  }

  /// Scans the field at `position` and what ends it.
  ///
  /// - Parameter column: the field's 1-based position in its record, for error messages.
  /// - Throws: `CSVError.unterminatedQuote` or `CSVError.textAfterClosingQuote`.
  @inline(__always)
  mutating func nextField(column: Int) throws(CSVError) -> (Field, Terminator) {
    let count = bytes.count
    var index = position
    while index < count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
    if index < count, bytes[index] == Self.quote {
      return try quotedField(openingAt: index, column: column)
    }
    index = position
    while index < count {
      let byte = bytes[index]
      if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
      index += 1
    }
    let field = Field(start: position, end: index, hasEscapedQuotes: false)
    return (field, consumeTerminator(at: index))
  }

  /// Scans a quoted field whose opening quote is at `opening`.
  private mutating func quotedField(openingAt opening: Int, column: Int) throws(CSVError) -> (
    Field, Terminator
  ) {
    let count = bytes.count
    let openingLine = line
    var index = opening + 1
    var hasEscapedQuotes = false
    while true {
      guard index < count else { throw .unterminatedQuote(file: source, line: openingLine) }
      let byte = bytes[index]
      if byte == Self.quote {
        guard index + 1 < count, bytes[index + 1] == Self.quote else { break }
        hasEscapedQuotes = true
        index += 2
        continue
      }
      if byte == Self.lineFeed {
        line += 1
      } else if byte == Self.carriageReturn, index + 1 == count || bytes[index + 1] != Self.lineFeed {
        line += 1
      }
      index += 1
    }
    let field = Field(start: opening + 1, end: index, hasEscapedQuotes: hasEscapedQuotes)
    index += 1
    while index < count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
    if index < count {
      let byte = bytes[index]
      if byte != Self.comma && byte != Self.lineFeed && byte != Self.carriageReturn {
        throw .textAfterClosingQuote(
          file: source, line: line, column: column, found: textUpToSeparator(from: index))
      }
    }
    return (field, consumeTerminator(at: index))
  }

  /// Moves past the comma or line end at `index` (or to the end of the input) and says which.
  @inline(__always)
  private mutating func consumeTerminator(at index: Int) -> Terminator {
    guard index < bytes.count else {
      position = bytes.count
      return .endOfInput
    }
    if bytes[index] == Self.comma {
      position = index + 1
      return .comma
    }
    consumeLineEnd(at: index)
    return .lineEnd
  }

  /// Moves past the LF, CRLF or CR at `index`.
  @inline(__always)
  private mutating func consumeLineEnd(at index: Int) {
    position = index + 1
    if bytes[index] == Self.carriageReturn, position < bytes.count,
      bytes[position] == Self.lineFeed
    {
      position += 1
    }
    line += 1
  }

  /// Up to 20 bytes from `index` to the next separator, as text for an error message.
  private func textUpToSeparator(from index: Int) -> String {
    var end = index
    while end < bytes.count, end - index < 20 {
      let byte = bytes[end]
      if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
      end += 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
  }

  /// The content of `field` with each `""` turned into `"`.
  func contentBytes(of field: Field) -> [UInt8] {
    let content = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    guard field.hasEscapedQuotes else { return Array(content) }
    var result: [UInt8] = []
    result.reserveCapacity(content.count)
    var previousWasQuote = false
    for byte in content {
      if byte == Self.quote && previousWasQuote {
        previousWasQuote = false
        continue
      }
      previousWasQuote = byte == Self.quote
      result.append(byte)
    }
    return result
  }

  /// The content of `field` as text, unescaped; invalid UTF-8 becomes U+FFFD.
  func text(of field: Field) -> String {
    guard field.hasEscapedQuotes else {
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    }
    return String(decoding: contentBytes(of: field), as: UTF8.self)
  }
}
