/// The line and column where each key of a TOML document is written, found by scanning its text.
///
/// TOMLKit gives positions only for syntax errors and sorts table keys, so this index recovers
/// both the position of every key (for messages) and the order of keys in the file (for
/// drivers, data series and shares). Paths are keys joined by `.`, with `[i]` after an element
/// of an array: `tracks[1].entry.rate`. The text must already have parsed as TOML.
struct SourceIndex {
  /// Position of each path, at its first appearance.
  private(set) var positions: [String: (line: Int, column: Int)] = [:]

  init(text: String) {
    var scanner = Scanner(characters: Array(text.unicodeScalars))
    scanner.document()
    positions = scanner.positions
  }

  /// Where `path` was written, if the scan found it.
  func position(of path: String) -> (line: Int, column: Int)? { positions[path] }

  /// Joins a parent path and a key.
  static func join(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : parent + "." + key
  }

  /// A single pass over the text, tracking line and column.
  private struct Scanner {
    let characters: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    var positions: [String: (line: Int, column: Int)] = [:]
    var currentTable = ""
    var arrayCounts: [String: Int] = [:]

    init(characters: [Unicode.Scalar]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var current: Unicode.Scalar? { atEnd ? nil : characters[index] }

    func peek(_ offset: Int) -> Unicode.Scalar? {
      index + offset < characters.count ? characters[index + offset] : nil
    }

    mutating func advance() {
      guard let c = current else { return }
      index += 1
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }

    mutating func record(_ path: String, line: Int, column: Int) {
      if positions[path] == nil { positions[path] = (line, column) }
    }

    mutating func skipSpaces() {
      while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Skips spaces, line ends and comments.
    mutating func skipTrivia() {
      while let c = current {
        if c == " " || c == "\t" || c == "\n" || c == "\r" {
          advance()
        } else if c == "#" {
          while let d = current, d != "\n" { advance() }
        } else {
          return
        }
      }
    }

    mutating func document() {
      while true {
        skipTrivia()
        guard let c = current else { return }
        let start = index
        if c == "[" {
          header()
        } else {
          keyValue(parent: currentTable)
        }
        if index == start { advance() }
      }
    }

    mutating func header() {
      let (line, column) = (self.line, self.column)
      advance()
      let isArray = current == "["
      if isArray { advance() }
      skipSpaces()
      let keys = keySegments()
      while let c = current, c != "\n" && c != "]" { advance() }
      while current == "]" { advance() }
      var path = ""
      for key in keys {
        path = Self.join(path, key)
        if !isArray { record(path, line: line, column: column) }
      }
      if isArray {
        let count = (arrayCounts[path] ?? 0)
        arrayCounts[path] = count + 1
        record(path, line: line, column: column)
        path += "[\(count)]"
      }
      record(path, line: line, column: column)
      currentTable = path
    }

    static func join(_ parent: String, _ key: String) -> String { SourceIndex.join(parent, key) }

    mutating func keyValue(parent: String) {
      let (line, column) = (self.line, self.column)
      let keys = keySegments()
      guard !keys.isEmpty else { return }
      var path = parent
      for key in keys {
        path = Self.join(path, key)
        record(path, line: line, column: column)
      }
      skipSpaces()
      guard current == "=" else { return }
      advance()
      skipSpaces()
      value(path: path)
    }

    /// Dotted key: bare or quoted segments separated by dots.
    mutating func keySegments() -> [String] {
      var keys: [String] = []
      while let c = current {
        if c == "\"" || c == "'" {
          keys.append(quoted(c))
        } else {
          var key = ""
          while let d = current, isBare(d) {
            key.unicodeScalars.append(d)
            advance()
          }
          if key.isEmpty { return keys }
          keys.append(key)
        }
        skipSpaces()
        guard current == "." else { return keys }
        advance()
        skipSpaces()
      }
      return keys
    }

    func isBare(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
        || c == "-"
    }

    /// A single-line string opened by `quote`; returns its raw content (escapes kept as written).
    mutating func quoted(_ quote: Unicode.Scalar) -> String {
      if peek(1) == quote && peek(2) == quote {
        advance(); advance(); advance()
        var text = ""
        while !atEnd {
          if current == quote && peek(1) == quote && peek(2) == quote {
            advance(); advance(); advance()
            return text
          }
          if quote == "\"" && current == "\\" {
            advance()
          }
          if let c = current { text.unicodeScalars.append(c) }
          advance()
        }
        return text
      }
      advance()
      var text = ""
      while let c = current, c != quote && c != "\n" {
        if quote == "\"" && c == "\\" {
          advance()
          if let d = current { text.unicodeScalars.append(d) }
          advance()
          continue
        }
        text.unicodeScalars.append(c)
        advance()
      }
      advance()
      return text
    }

    mutating func value(path: String) {
      guard let c = current else { return }
      switch c {
      case "\"", "'":
        _ = quoted(c)
      case "{":
        advance()
        while true {
          skipTrivia()
          guard let d = current else { return }
          if d == "}" {
            advance()
            return
          }
          if d == "," {
            advance()
            continue
          }
          let start = index
          keyValue(parent: path)
          if index == start { advance() }
        }
      case "[":
        advance()
        var element = 0
        while true {
          skipTrivia()
          guard let d = current else { return }
          if d == "]" {
            advance()
            return
          }
          if d == "," {
            advance()
            continue
          }
          let start = index
          let elementPath = path + "[\(element)]"
          record(elementPath, line: line, column: column)
          value(path: elementPath)
          element += 1
          if index == start { advance() }
        }
      default:
        while let d = current, d != "," && d != "]" && d != "}" && d != "\n" && d != "#" {
          advance()
        }
      }
    }
  }
}
