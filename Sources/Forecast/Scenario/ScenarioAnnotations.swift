import Foundation

/// What a scenario file says about its own values: each key it sets, the value as written,
/// and the comment the author put beside it, under it (indented continuation lines) or above
/// it; a table's comment is the block just after its header. The file's opening comment block
/// (title, question, sources) is kept as `preamble`.
///
/// Read from the text line by line, the way an analyst reads it: an element of an array of
/// tables is named by its `name` key where it has one (`sectors[ai_trainer]`), else by its
/// position (`shocks[0]`). The text must already have loaded as TOML.
public struct ScenarioAnnotations: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    /// The table the key is in (`scenario`, `drivers.ug_rate`, `sectors[ai_trainer]`); empty
    /// for a key before any table.
    public var table: String
    /// The key as written (dotted keys kept), or empty for the table's own comment.
    public var key: String
    /// The value's text as written, without its comment.
    public var value: String
    public var comment: String
    public var line: Int

    /// `table.key`, or the table alone for its comment.
    public var path: String {
      key.isEmpty ? table : table.isEmpty ? key : "\(table).\(key)"
    }
  }

  public let file: String
  public let preamble: String
  public let entries: [Entry]

  public init(text: String, file: String) {
    self.file = file
    var scanner = Scanner()
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      scanner.take(String(raw).replacingOccurrences(of: "\r", with: ""), line: number + 1)
    }
    scanner.finish()
    preamble = scanner.preamble.joined(separator: "\n")
    entries = scanner.entries
  }

  /// Each file of `scenario` (the file, then those it extends), read again and checked against
  /// the digest the loader took: a file that changed since is left out (`changed`).
  public static func of(_ scenario: Scenario) -> (files: [ScenarioAnnotations], changed: [String]) {
    var files: [ScenarioAnnotations] = []
    var changed: [String] = []
    for path in scenario.files {
      guard let bytes = try? InputFile.read(atPath: path, limit: try InputLimit.scenario()),
        let text = String(bytes: bytes, encoding: .utf8)
      else {
        changed.append(path)
        continue
      }
      if let digest = scenario.digests[path], FileDigest(path: path, bytes: bytes) != digest {
        changed.append(path)
        continue
      }
      files.append(ScenarioAnnotations(text: text, file: path))
    }
    return (files, changed)
  }

  private struct Scanner {
    var entries: [Entry] = []
    var preamble: [String] = []
    var inPreamble = true
    var table = ""
    /// Entries of the current array element, renamed once its `name` is seen.
    var elementStart: Int?
    var arrayCounts: [String: Int] = [:]
    /// Comment lines waiting for the key or table they describe.
    var pending: [String] = []
    /// The entry the next indented comment line continues.
    var last: Int?
    /// Whether the current table has had a key yet (its first comment block is its own).
    var tableHasKeys = true
    var tableEntry: Int?
    /// An unfinished multi-line value: its entry and its bracket depth.
    var open: (entry: Int, depth: Int)?

    mutating func take(_ line: String, line number: Int) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let current = open {
        let (value, comment) = Self.split(trimmed)
        entries[current.entry].value += " " + value
        if !comment.isEmpty { append(comment, to: current.entry) }
        let depth = current.depth + Self.depth(value)
        open = depth > 0 ? (current.entry, depth) : nil
        return
      }
      if trimmed.isEmpty {
        if inPreamble && !preamble.isEmpty { inPreamble = false }
        pending = []
        last = nil
        return
      }
      if trimmed.hasPrefix("#") {
        let text = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        if inPreamble {
          preamble.append(text)
          return
        }
        if let last, line.first == " " || line.first == "\t" {
          append(text, to: last)
        } else {
          // A rule with a section's name (`---- sectors`) divides the file; it describes no key.
          if !text.hasPrefix("---") && !text.hasPrefix("===") { pending.append(text) }
          last = nil
        }
        return
      }
      inPreamble = false
      if trimmed.hasPrefix("[") {
        header(trimmed, line: number)
        return
      }
      guard let equals = Self.equalsSign(trimmed) else { return }
      let key = String(trimmed[..<equals]).trimmingCharacters(in: .whitespaces)
      let (value, comment) = Self.split(String(trimmed[trimmed.index(after: equals)...]))
      if !tableHasKeys, let tableEntry, !pending.isEmpty {
        append(pending.joined(separator: " "), to: tableEntry)
        pending = []
      }
      tableHasKeys = true
      let above = pending.joined(separator: " ")
      pending = []
      let text = [above, Self.undecorated(comment)].filter { !$0.isEmpty }.joined(separator: " ")
      entries.append(Entry(table: table, key: key, value: value, comment: text, line: number))
      last = entries.count - 1
      let depth = Self.depth(value)
      if depth > 0 { open = (entries.count - 1, depth) }
      if key == "name", let start = elementStart, let bracket = table.lastIndex(of: "[") {
        let named = table[..<bracket] + "[" + Self.unquoted(value) + "]"
        for i in start..<entries.count where entries[i].table == table { entries[i].table = String(named) }
        table = String(named)
        elementStart = nil
      }
    }

    mutating func header(_ trimmed: String, line: Int) {
      let isArray = trimmed.hasPrefix("[[")
      let (inside, comment) = Self.split(trimmed)
      let name = inside.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
      if isArray {
        let count = arrayCounts[name, default: 0]
        arrayCounts[name] = count + 1
        table = "\(name)[\(count)]"
        elementStart = entries.count
      } else {
        table = name
        elementStart = nil
      }
      let above = pending.joined(separator: " ")
      pending = []
      entries.append(
        Entry(
          table: table, key: "", value: "",
          comment: [above, comment].filter { !$0.isEmpty }.joined(separator: " "), line: line))
      tableEntry = entries.count - 1
      last = nil
      tableHasKeys = false
    }

    mutating func append(_ text: String, to index: Int) {
      let text = Self.undecorated(text)
      guard !text.isEmpty else { return }
      entries[index].comment += (entries[index].comment.isEmpty ? "" : " ") + text
    }

    mutating func finish() {
      if !tableHasKeys, let tableEntry, !pending.isEmpty {
        append(pending.joined(separator: " "), to: tableEntry)
      }
    }

    /// A comment without the rules authors draw with it (`---- sectors` reads `sectors`).
    static func undecorated(_ text: String) -> String {
      var t = Substring(text)
      while let first = t.first, "-=#*".contains(first) { t = t.dropFirst() }
      return t.trimmingCharacters(in: .whitespaces)
    }

    /// The text before a `#` outside strings, and the comment after it.
    static func split(_ text: String) -> (String, String) {
      var quote: Character?
      var previous: Character = " "
      for index in text.indices {
        let c = text[index]
        if let q = quote {
          if c == q && !(q == "\"" && previous == "\\") { quote = nil }
        } else if c == "\"" || c == "'" {
          quote = c
        } else if c == "#" {
          let value = text[..<index].trimmingCharacters(in: .whitespaces)
          let comment = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
          return (value, comment)
        }
        previous = c
      }
      return (text.trimmingCharacters(in: .whitespaces), "")
    }

    /// The first `=` outside a quoted key.
    static func equalsSign(_ text: String) -> String.Index? {
      var quote: Character?
      for index in text.indices {
        let c = text[index]
        if let q = quote {
          if c == q { quote = nil }
        } else if c == "\"" || c == "'" {
          quote = c
        } else if c == "=" {
          return index
        }
      }
      return nil
    }

    /// Brackets and braces opened minus closed outside strings.
    static func depth(_ text: String) -> Int {
      var depth = 0
      var quote: Character?
      for c in text {
        if let q = quote {
          if c == q { quote = nil }
        } else if c == "\"" || c == "'" {
          quote = c
        } else if c == "[" || c == "{" {
          depth += 1
        } else if c == "]" || c == "}" {
          depth -= 1
        }
      }
      return depth
    }

    static func unquoted(_ value: String) -> String {
      value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    }
  }
}
