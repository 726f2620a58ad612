extension ScenarioLoader {
  /// A table header whose name starts with a character TOML does not allow there.
  struct MalformedTableHeader: Equatable {
    /// 1-based line and column (in Unicode scalars) of the offending character.
    let line: Int
    let column: Int
    /// What TOML allows there, and the character found, described for a message.
    var expected = "valid TOML: a table name after `[`"
    let found: String
  }

  /// The first table header (`[name]` or `[[name]]` at the start of a line, outside strings,
  /// comments and multi-line arrays) whose name starts with neither a bare-key character
  /// (`A-Z a-z 0-9 _ -`), a quote nor `]`.
  ///
  /// Such a header is invalid TOML, but toml++ 3.4.0 (under TOMLKit 0.6.0) breaks a
  /// precondition on it instead of reporting a parse error: debug builds abort on an assertion
  /// in `parse_key()`, release builds reach undefined behaviour. `[` then a line end, `[=`,
  /// `[[[a]]]` all do (found by the fuzz tests; fixed upstream in marzer/tomlplusplus#301).
  /// The loader checks for it before handing the text to TOMLKit.
  static func malformedTableHeader(in text: String) -> MalformedTableHeader? {
    let scalars = Array(text.unicodeScalars)
    let count = scalars.count
    var index = 0
    var line = 1
    var lineStart = 0
    var atLineStart = true
    // Brackets and braces opened by values: a `[` at the start of a line inside an array that
    // spans lines is an element, not a header.
    var depth = 0
    var openers: [Unicode.Scalar] = []
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    func newLine(at position: Int) {
      line += 1
      lineStart = position + 1
    }
    while index < count {
      let c = scalars[index]
      if c == "\n" {
        newLine(at: index)
        atLineStart = true
        index += 1
        continue
      }
      if isSpace(c) {
        index += 1
        continue
      }
      let startsLine = atLineStart
      atLineStart = false
      switch c {
      case "#":
        while index < count, scalars[index] != "\n" { index += 1 }
        continue
      case "\"", "'":
        let isTriple = index + 2 < count && scalars[index + 1] == c && scalars[index + 2] == c
        index += isTriple ? 3 : 1
        while index < count {
          let d = scalars[index]
          if d == c && (!isTriple || (index + 2 < count && scalars[index + 1] == c
            && scalars[index + 2] == c))
          {
            index += isTriple ? 3 : 1
            break
          }
          if d == "\n" {
            // A single-line string ends at the line end (unterminated: TOMLKit reports it).
            guard isTriple else { break }
            newLine(at: index)
          }
          // A backslash in a basic string escapes the next character (a quote, or a line end).
          if c == "\"" && d == "\\" && index + 1 < count {
            index += 1
            if scalars[index] == "\n" {
              guard isTriple else { break }
              newLine(at: index)
            }
          }
          index += 1
        }
        continue
      case "[" where startsLine && depth == 0:
        var next = index + 1
        if next < count, scalars[next] == "[" { next += 1 }
        while next < count, isSpace(scalars[next]) { next += 1 }
        if next < count, !isTableNameStart(scalars[next]) {
          return MalformedTableHeader(
            line: line, column: next - lineStart + 1, found: describe(scalars[next]))
        }
        index = next
        continue
      case "[", "{":
        depth += 1
        openers.append(c)
      case "}" where openers.last == "[":
        // toml++ also breaks a precondition (in `parse_value()`) on `}` where an array
        // expects an element, as in `years = [}2025]`.
        return MalformedTableHeader(
          line: line, column: index - lineStart + 1,
          expected: "valid TOML: a value or `]` in an array", found: "`}`")
      case "]", "}":
        depth = max(0, depth - 1)
        _ = openers.popLast()
      default:
        break
      }
      index += 1
    }
    return nil
  }

  /// What may follow `[` or `[[` in a header: a bare-key character, a quote, or `]` (an empty
  /// name, which toml++ reports itself).
  private static func isTableNameStart(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": return true
    default: return false
    }
  }

  private static func describe(_ c: Unicode.Scalar) -> String {
    switch c {
    case "\n", "\r": return "a line end"
    case _ where c.value < 0x20 || c.value == 0x7F:
      return "the control character U+\(String(c.value, radix: 16, uppercase: true))"
    default: return "`\(c)`"
    }
  }
}
