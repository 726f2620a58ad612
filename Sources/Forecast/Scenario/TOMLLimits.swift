/// Limits on the shape of a scenario's TOML, checked by one linear scan of the raw text before
/// TOMLKit parses it (docs/reliability.md, "Bounded input").
///
/// TOMLKit, the conversion to `ScenarioNode` and the key index (`SourceIndex`) recurse once per
/// level of nesting and build one path per prefix of a dotted key: ten thousand `[` overflow the
/// stack, and a key of a hundred thousand dotted parts builds paths whose total length is
/// quadratic in it. No scenario needs anything near these limits (the shipped ones nest 2 deep,
/// with keys of 4 parts and lines under 120 bytes). The file's size is bounded before it is read
/// (`InputLimit.scenario`).
///
/// The scan knows just enough TOML to find keys and values: comments, the four kinds of
/// string, table headers, keys (before `=`, at the start of a line or in an inline table) and
/// the brackets and braces of values. Anything else it leaves for TOMLKit to judge.
enum TOMLLimits {
  /// Arrays and inline tables inside one another, as in `a = [[[1]]]` (3).
  static let maximumNestingDepth = 32
  /// Bytes in one key or table name as written, dots and quotes included.
  static let maximumKeyBytes = 256
  /// Dotted parts in one key or table name (`[sectors.ai.eligibility]` has 3).
  static let maximumKeyParts = 16
  /// Bytes in one line, its line end not counted.
  static let maximumLineBytes = 65_536
  /// Keys and table headers in one file: the decoder spends a fraction of a millisecond on
  /// each (more with an issue to report), so a file of a few MiB of keys would take minutes.
  static let maximumKeys = 10_000

  /// A limit the text goes past: where, and what was expected and found.
  struct Violation: Equatable {
    /// 1-based line and column (in Unicode scalars) of the first byte past the limit, or of
    /// the key or line that is too long.
    let line: Int
    let column: Int
    let expected: String
    let found: String

    /// The violation as a syntax issue of `file`.
    func issue(file: String) -> ScenarioIssue {
      ScenarioIssue(
        kind: .syntax, location: SourceLocation(file: file, line: line, column: column),
        keyPath: "", expected: expected, found: found)
    }
  }

  /// The first limit `text` goes past, or nil.
  static func firstViolation(in text: String) -> Violation? {
    var text = text
    return text.withUTF8 { bytes in
      var scanner = Scanner(bytes: bytes)
      scanner.scan()
      return scanner.violation
    }
  }

  /// The issue for the first limit `text` goes past, as a syntax issue of `file`; nil when it
  /// keeps within them all. The loader's one call before TOMLKit.
  static func issue(in text: String, file: String) -> ScenarioIssue? {
    firstViolation(in: text)?.issue(file: file)
  }

  /// One pass over the bytes, stopping at the first violation.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1
    var lineStart = 0
    /// `[` or `{` for each array or inline table open.
    var openers: [UInt8] = []
    /// Whether a key may start here: at the start of a line outside values, and after `{` or
    /// `,` in an inline table.
    var expectingKey = true
    var violation: Violation?
    /// Where each `\u0000` or `\U00000000` escape is (they are not violations).
    var nulEscapes: [(line: Int, column: Int)] = []
    /// Keys and table headers seen.
    var keys = 0
    /// The last column computed on the current line, so that columns of many escapes on one
    /// long line cost one pass over it, not one each.
    var columnCache = (lineStart: -1, offset: 0, column: 1)

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count || violation != nil }

    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func scan() {
      while !atEnd {
        let c = bytes[index]
        switch c {
        case ascii("\n"):
          endLine()
          if openers.isEmpty { expectingKey = true }
          continue
        case ascii(" "), ascii("\t"), ascii("\r"):
          index += 1
          continue
        case 0:
          failOnNulByte()
          return
        case ascii("#"):
          while let d = byte(at: index), d != ascii("\n") {
            if d == 0 { return failOnNulByte() }
            index += 1
          }
          continue
        default:
          break
        }
        if expectingKey {
          expectingKey = false
          if openers.isEmpty && c == ascii("[") {
            index += byte(at: index + 1) == ascii("[") ? 2 : 1
            scanKey()
            continue
          }
          if isBare(c) || c == ascii("\"") || c == ascii("'") {
            scanKey()
            continue
          }
        }
        switch c {
        case ascii("\""), ascii("'"):
          skipString()
          continue
        case ascii("["), ascii("{"):
          openers.append(c)
          if openers.count > TOMLLimits.maximumNestingDepth {
            fail(
              at: index,
              expected: "arrays and inline tables nested at most"
                + " \(TOMLLimits.maximumNestingDepth) deep",
              found: "`\(Character(Unicode.Scalar(c)))` opening level \(openers.count)")
            return
          }
          expectingKey = c == ascii("{")
        case ascii("]"), ascii("}"):
          _ = openers.popLast()
        case ascii(","):
          expectingKey = openers.last == ascii("{")
        default:
          break
        }
        index += 1
      }
      if violation == nil { checkLineLength() }
    }

    /// A dotted key at `index`: bare or quoted parts joined by dots, spaces around the dots.
    /// Stops before `=`, `]` or anything else that ends it.
    mutating func scanKey() {
      while let c = byte(at: index), c == ascii(" ") || c == ascii("\t") { index += 1 }
      let start = index
      keys += 1
      if keys > TOMLLimits.maximumKeys {
        fail(
          at: start, expected: "at most \(TOMLLimits.maximumKeys) keys and table headers in a file",
          found: "more")
        return
      }
      var parts = 0
      while !atEnd {
        let partStart = index
        let c = bytes[index]
        if c == ascii("\"") || c == ascii("'") {
          skipString(singleLineOnly: true)
        } else {
          while let d = byte(at: index), isBare(d) { index += 1 }
        }
        guard index > partStart, violation == nil else { return }
        parts += 1
        if parts > TOMLLimits.maximumKeyParts {
          fail(
            at: partStart,
            expected: "a key of at most \(TOMLLimits.maximumKeyParts) dotted parts",
            found: "a key with more")
          return
        }
        if index - start > TOMLLimits.maximumKeyBytes {
          fail(
            at: start, expected: "a key of at most \(TOMLLimits.maximumKeyBytes) bytes",
            found: "a key of more than \(TOMLLimits.maximumKeyBytes)")
          return
        }
        while let d = byte(at: index), d == ascii(" ") || d == ascii("\t") { index += 1 }
        guard byte(at: index) == ascii(".") else { return }
        index += 1
        while let d = byte(at: index), d == ascii(" ") || d == ascii("\t") { index += 1 }
      }
    }

    /// Skips the string opening at `index`: basic (`"`, with backslash escapes) or literal
    /// (`'`), single-line or multi-line (tripled quotes), counting the lines inside.
    /// `singleLineOnly` (a quoted key): a tripled quote is an empty string and something else.
    mutating func skipString(singleLineOnly: Bool = false) {
      let quote = bytes[index]
      let isTriple =
        !singleLineOnly && byte(at: index + 1) == quote && byte(at: index + 2) == quote
      index += isTriple ? 3 : 1
      while !atEnd {
        let d = bytes[index]
        if d == 0 { return failOnNulByte() }
        if d == quote {
          if !isTriple {
            index += 1
            return
          }
          if byte(at: index + 1) == quote && byte(at: index + 2) == quote {
            // A closing `"""` may be followed by one or two quotes that belong to the string.
            index += 3
            while byte(at: index) == quote { index += 1 }
            return
          }
        }
        if d == ascii("\n") {
          // A single-line string ends at the line end (unterminated: TOMLKit reports it).
          guard isTriple else { return }
          endLine()
          continue
        }
        if quote == ascii("\"") && d == ascii("\\") {
          if isNulEscape(at: index + 1) { nulEscapes.append((line, column(of: index))) }
          index += 1
          if byte(at: index) == ascii("\n") { continue }
        }
        index += 1
      }
    }

    /// A NUL byte, anywhere: toml++ reads it as the end of the file.
    mutating func failOnNulByte() {
      fail(at: index, expected: "text without NUL bytes", found: "a NUL byte (U+0000)")
    }

    /// Moves past the line feed at `index`, checking the line that ends there.
    mutating func endLine() {
      checkLineLength()
      guard violation == nil else { return }
      index += 1
      line += 1
      lineStart = index
    }

    /// Fails when the line that started at `lineStart` and ends at `index` is too long.
    mutating func checkLineLength() {
      let end = min(index, bytes.count)
      guard end - lineStart > TOMLLimits.maximumLineBytes else { return }
      fail(
        at: lineStart + TOMLLimits.maximumLineBytes,
        expected: "lines of at most \(TOMLLimits.maximumLineBytes) bytes",
        found: "a line of \(end - lineStart)")
    }

    /// Records a violation at byte `offset` of the current line.
    mutating func fail(at offset: Int, expected: String, found: String) {
      guard violation == nil else { return }
      violation = Violation(line: line, column: column(of: offset), expected: expected, found: found)
    }

    /// The 1-based column, in Unicode scalars, of byte `offset` of the current line: every byte
    /// before it that does not continue a UTF-8 sequence.
    mutating func column(of offset: Int) -> Int {
      var (position, column) = (lineStart, 1)
      if columnCache.lineStart == lineStart && columnCache.offset <= offset {
        (position, column) = (columnCache.offset, columnCache.column)
      }
      while position < offset {
        if bytes[position] & 0xC0 != 0x80 { column += 1 }
        position += 1
      }
      columnCache = (lineStart, offset, column)
      return column
    }

    /// Whether the bytes at `offset` are `u0000` or `U00000000` (after a backslash).
    func isNulEscape(at offset: Int) -> Bool {
      let digits: Int
      switch byte(at: offset) {
      case ascii("u"): digits = 4
      case ascii("U"): digits = 8
      default: return false
      }
      for k in 1...digits where byte(at: offset + k) != ascii("0") { return false }
      return true
    }

    func isBare(_ c: UInt8) -> Bool {
      (c >= ascii("a") && c <= ascii("z")) || (c >= ascii("A") && c <= ascii("Z"))
        || (c >= ascii("0") && c <= ascii("9")) || c == ascii("_") || c == ascii("-")
    }
  }
}

private func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(ascii: c) }

extension TOMLLimits {
  /// The 1-based line and column of each `\u0000` or `\U00000000` escape in a basic string
  /// (or quoted key) of `text`.
  static func nulEscapes(in text: String) -> [(line: Int, column: Int)] {
    var text = text
    return text.withUTF8 { bytes in
      var scanner = Scanner(bytes: bytes)
      scanner.scan()
      return scanner.nulEscapes
    }
  }

  /// An issue, with its key path, for each string or key of the document that writes a NUL
  /// (U+0000) as an escape (one per string, at its first NUL). TOMLKit hands strings over as C strings, cut at the first NUL: a data path
  /// `"births.csv\u0000.bak"` would silently become `"births.csv"`. `index` gives the key paths.
  /// A NUL byte in the raw text is refused before parsing (`issue(in:file:)`).
  static func nulIssues(in text: String, file: String, index: SourceIndex) -> [ScenarioIssue] {
    let escapes = nulEscapes(in: text)
    guard !escapes.isEmpty else { return [] }
    // Each escape belongs to the last key or array element written at or before it; of paths
    // written at the same place (`[a.b]` records `a` and `a.b`), the longest.
    let places = index.positions.map { (line: $0.value.line, column: $0.value.column, path: $0.key) }
      .sorted { ($0.line, $0.column, $0.path.count) < ($1.line, $1.column, $1.path.count) }
    var reported: Set<String> = []
    return escapes.compactMap { escape in
      var low = 0
      var high = places.count
      while low < high {
        let middle = (low + high) / 2
        if (places[middle].line, places[middle].column) <= (escape.line, escape.column) {
          low = middle + 1
        } else {
          high = middle
        }
      }
      let path = low > 0 ? places[low - 1].path : ""
      // One issue per string: the first NUL in it.
      guard reported.insert(path).inserted else { return nil }
      return ScenarioIssue(
        kind: .invalidValue,
        location: SourceLocation(file: file, line: escape.line, column: escape.column),
        keyPath: path, expected: "a string without NUL characters (U+0000)",
        found: "a NUL written as an escape")
    }
  }
}
