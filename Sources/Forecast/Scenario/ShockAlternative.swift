import Foundation

/// An alternative scenario given in one line: a name and shocks, `NAME: LINE; LINE...`, the
/// base scenario with those shocks after its own (`ShockLine`). The command line writes it
/// `NAME: --shock LINE --shock LINE`; the word `--shock` separates lines as `;` does.
public struct ShockAlternative: Sendable, Equatable {
  /// The alternative's name, as a scenario's (`[a-z0-9_-]+`).
  public let name: String
  public let lines: [ShockLine]

  /// Parses `text` against `base`'s shock targets and base year.
  /// - Throws: `ShockLineError` for a missing or invalid name, no shocks, or a line that does
  ///   not parse.
  public init(parsing text: String, base: Scenario) throws(ShockLineError) {
    guard let colon = text.firstIndex(of: ":") else { throw .alternativeName(text: text, found: nil) }
    let name = text[..<colon].trimmingCharacters(in: .whitespaces)
    guard ScenarioSchema.isValidName(name) else {
      throw .alternativeName(text: text, found: name)
    }
    var lines: [String] = []
    var current: [Substring] = []
    func close() {
      if !current.isEmpty { lines.append(current.joined(separator: " ")) }
      current = []
    }
    let body = text[text.index(after: colon)...].replacingOccurrences(of: ";", with: " ; ")
    for word in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      if word == ";" || word == "--shock" { close() } else { current.append(word) }
    }
    close()
    guard !lines.isEmpty else { throw .alternativeWithoutShocks(text: text) }
    var parsed: [ShockLine] = []
    for line in lines { parsed.append(try ShockLine(parsing: line, scenario: base)) }
    self.name = name
    self.lines = parsed
  }

  /// The base scenario named `name`, with the lines' shocks after its own.
  public func scenario(from base: Scenario) -> Scenario {
    var scenario = base.adding(lines)
    scenario.info.name = name
    return scenario
  }
}
