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
    // Lines between separators (`;` or `--shock`); one empty segment before the first
    // separator is the usual `NAME: --shock LINE`, any other is a shock left out.
    var segments: [[Substring]] = [[]]
    let body = text[text.index(after: colon)...].replacingOccurrences(of: ";", with: " ; ")
    for word in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      if word == ";" || word == "--shock" { segments.append([]) } else { segments[segments.count - 1].append(word) }
    }
    if segments.count > 1, segments[0].isEmpty { segments.removeFirst() }
    guard segments.contains(where: { !$0.isEmpty }) else {
      throw .alternativeWithoutShocks(text: text)
    }
    if segments.contains(where: \.isEmpty) { throw .shape(line: "", fields: 0) }
    let lines = segments.map { $0.joined(separator: " ") }
    var parsed: [ShockLine] = []
    for line in lines { parsed.append(try ShockLine(parsing: line, scenario: base)) }
    self.name = name
    self.lines = parsed
  }

  /// The alternatives `texts`, each parsed against `base`; their names must differ from each
  /// other's and from `taken` (the names of the scenarios compared with them), since a name
  /// the user chose twice would otherwise be renamed without a word.
  public static func parsing(_ texts: [String], base: Scenario, taken: [String])
    throws(ShockLineError) -> [ShockAlternative]
  {
    var names = Set(taken)
    var out: [ShockAlternative] = []
    for text in texts {
      let alternative = try ShockAlternative(parsing: text, base: base)
      guard names.insert(alternative.name).inserted else {
        throw .alternativeNameTaken(text: text, name: alternative.name)
      }
      out.append(alternative)
    }
    return out
  }

  /// The base scenario named `name`, with the lines' shocks after its own.
  public func scenario(from base: Scenario) -> Scenario {
    var scenario = base.adding(lines)
    scenario.info.name = name
    return scenario
  }
}
