import Foundation
import Testing

@testable import Forecast

/// Inputs the fuzz tests found that crashed the library, kept as named cases so that the fix
/// stays fixed (docs/fuzzing.md, "What was found").
@Suite struct FuzzRegressionTests {
  /// A header that toml++ 3.4.0 asserts on, with the 1-based line and column of the bad
  /// character.
  struct HeaderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let line: Int
    let column: Int
    var testDescription: String { name }
  }

  static let headers = [
    // The fuzz case FORECAST_FUZZ_SEED=20261126 FORECAST_FUZZ_CASE=82, reduced.
    HeaderCase(name: "line end after [", text: "a = 1\n[\n[sectors]]\n", line: 2, column: 2),
    HeaderCase(name: "CRLF after [", text: "[\r\nx = 1\r\n", line: 1, column: 2),
    HeaderCase(name: "= after [", text: "[=", line: 1, column: 2),
    HeaderCase(name: "three brackets", text: "[[[a]]]", line: 1, column: 3),
    HeaderCase(name: "dot after [[ and spaces", text: "  [[  .a]]", line: 1, column: 7),
    // FORECAST_FUZZ_SEED=20261126 FORECAST_FUZZ_CASE=3870 (scenario): toml++'s parse_value().
    HeaderCase(name: "} in an array", text: "[d]\ny = [\n }2025]\n", line: 3, column: 2),
  ]

  @Test(arguments: headers)
  func malformedHeaderIsASyntaxIssue(_ c: HeaderCase) throws {
    let header = ScenarioLoader.malformedTableHeader(in: c.text)
    #expect(header?.line == c.line && header?.column == c.column)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-regression-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.toml")
    try Data(c.text.utf8).write(to: file)
    #expect {
      try ScenarioLoader.load(path: file.path)
    } throws: { error in
      let issues = (error as? ScenarioError)?.issues ?? []
      return issues.count == 1 && issues[0].kind == .syntax
        && issues[0].location.line == c.line && issues[0].expected.hasPrefix("valid TOML")
    }
  }

  /// Brackets that are not headers: array elements on their own lines, and brackets in
  /// strings and comments.
  @Test(arguments: [
    "x = [\n  [1, 2],\n[\n3]\n]\n", "s = \"\"\"\n[=\n\"\"\"\n", "t = '''\n[\n'''\n",
    "# [=\n[a]\n[[b]]\n[ \"c\" ]\n['d'.e]\n", "u = \"\\\"[\"\n[-]\n",
  ])
  func wellFormedBracketsPass(_ text: String) {
    #expect(ScenarioLoader.malformedTableHeader(in: text) == nil)
  }

  /// A polynomial degree sizes the design, so a huge one was a memory exhaustion (or, through
  /// `termNames`, a hang while loading a scenario); degrees past 20 are now rejected.
  @Test(arguments: [
    "y ~ poly(x, 21)", "y ~ poly(x, 1000000000)", "y ~ poly(x, 9223372036854775807)",
  ])
  func hugePolyDegreeIsRejected(_ source: String) {
    #expect(throws: FormulaError.self) { try Formula(parsing: source) }
    #expect((try? Formula(parsing: "y ~ poly(x, 20)"))?.termNames.count == 21)
  }
}
