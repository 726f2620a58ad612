import Foundation
import Testing

@testable import Forecast

/// docs/scenario-reference.md lists exactly the keys the decoder knows, table by table.
@Suite struct ScenarioReferenceTests {
  /// The keys of each `## heading` section: the first cell of its table rows, in backticks.
  static func documentedKeys() throws -> [String: Set<String>] {
    let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("docs/scenario-reference.md"), encoding: .utf8)
    var sections: [String: Set<String>] = [:]
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        current = String(line.dropFirst(3))
        sections[current!] = []
      } else if let current, line.hasPrefix("| `") {
        let cell = line.dropFirst(3).prefix { $0 != "`" }
        sections[current, default: []].insert(String(cell))
      }
    }
    return sections
  }

  @Test func everyKeyTheDecoderKnowsIsDocumented() throws {
    let documented = try Self.documentedKeys()
    for (path, keys) in ScenarioSchema.tables {
      let section = try #require(documented[path], "docs/scenario-reference.md has no section '## \(path)'")
      let missing = Set(keys).subtracting(section)
      #expect(missing.isEmpty, "\(path): the decoder knows \(missing.sorted()), the reference does not")
      let unknown = section.subtracting(keys)
      #expect(unknown.isEmpty, "\(path): the reference lists \(unknown.sorted()), the decoder does not know them")
    }
  }

  /// The check itself can fail: a key left out of a section is found.
  @Test func aMissingKeyIsFound() throws {
    let documented = try Self.documentedKeys()
    #expect(!(documented["scenario"] ?? []).contains("no_such_key"))
    #expect((documented["scenario"] ?? []).contains("base_year"))
  }
}
