/// One problem found in a scenario: where it is, what was expected and what was found.
///
/// ```text
/// /data/china.toml:42: tracks[1] "bachelor".progression: expected 3 values (duration - 1),
/// found 2
/// ```
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem this is, so callers can tell them apart without reading messages.
  public enum Kind: String, Sendable, Equatable {
    /// The file is not valid TOML.
    case syntax
    /// A scenario or data file could not be read.
    case unreadableFile
    /// `extends` leads back to a file already being loaded.
    case extendsCycle
    /// A key the schema does not have.
    case unknownKey
    /// A required key is left out.
    case missingKey
    /// A value of the wrong TOML type.
    case wrongType
    /// A value of the right type that is not allowed (range, pattern, length, sum, order).
    case invalidValue
    /// A name (driver, data series, track, field, column, target) that is not defined.
    case unknownName
    /// Two items with the same name, or keys that cannot go together.
    case conflict
    /// The continuation graph of the tracks has a cycle.
    case continuationCycle
  }

  public var kind: Kind
  /// Where: the file that wrote the value, and its line and column where known.
  public var location: SourceLocation
  /// The key path, `tracks[1] "bachelor".progression` (array indices from 0).
  public var keyPath: String
  /// What the schema or MODEL.md allows there.
  public var expected: String
  /// What the file has there.
  public var found: String
  /// Nearest valid keys or names, for an unknown one.
  public var suggestions: [String]

  public init(
    kind: Kind, location: SourceLocation, keyPath: String, expected: String, found: String,
    suggestions: [String] = []
  ) {
    self.kind = kind
    self.location = location
    self.keyPath = keyPath
    self.expected = expected
    self.found = found
    self.suggestions = suggestions
  }

  /// `file:line:column: key: expected ..., found ...; did you mean "a" or "b"?`
  ///
  /// One line: control characters from the file (in keys, values, paths) are escaped
  /// (`Wording.escapingControlCharacters`).
  public var description: String { Wording.escapingControlCharacters(text) }

  private var text: String {
    var place = DisplayPath.shown(location.file)
    if let line = location.line {
      place += ":\(line)"
      if let column = location.column { place += ":\(column)" }
    }
    var text = place + ": "
    if !keyPath.isEmpty { text += keyPath + ": " }
    text += "expected \(expected), found \(found)"
    if !suggestions.isEmpty {
      let quoted = suggestions.map { "\"\($0)\"" }
      let list =
        quoted.count == 1
        ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
      text += "; did you mean \(list)?"
    }
    return text
  }
}
