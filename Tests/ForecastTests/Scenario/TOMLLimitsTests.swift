import Foundation
import Testing

@testable import Forecast

/// The pre-scan before TOMLKit, and the checks around reading a scenario file
/// (docs/reliability.md, "Bounded input").
@Suite struct TOMLLimitsTests {
  struct LimitCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let line: Int
    let column: Int
    let expected: String
    let found: String
    var testDescription: String { name }
  }

  static let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)

  static let cases = [
    // Ten thousand brackets overflowed the stack in TOMLKit's conversion and SourceIndex.
    LimitCase(
      name: "5,000 nested arrays", text: "[scenario]\na = " + deep + "\n", line: 2,
      column: 4 + 33, expected: "arrays and inline tables nested at most 32 deep",
      found: "`[` opening level 33"),
    LimitCase(
      name: "nested inline tables",
      text: "a = " + String(repeating: "{ b = ", count: 2000) + "1"
        + String(repeating: " }", count: 2000),
      line: 1, column: 5 + 6 * 32, expected: "arrays and inline tables nested at most 32 deep",
      found: "`{` opening level 33"),
    LimitCase(
      name: "arrays in a multi-line array",
      text: "a = [\n  1,\n  " + deep + ",\n]\n", line: 3, column: 3 + 31,
      expected: "arrays and inline tables nested at most 32 deep", found: "`[` opening level 33"),
    // A key of 50,000 parts built 50,000 paths of up to 100,000 characters in SourceIndex.
    LimitCase(
      name: "a dotted key of 50,000 parts",
      text: "\n" + Array(repeating: "a", count: 50_000).joined(separator: ".") + " = 1\n",
      line: 2, column: 33, expected: "a key of at most 16 dotted parts", found: "a key with more"),
    LimitCase(
      name: "a table header of 50,000 parts",
      text: "[" + Array(repeating: "a", count: 50_000).joined(separator: " . ") + "]\n",
      line: 1, column: 2 + 4 * 16, expected: "a key of at most 16 dotted parts",
      found: "a key with more"),
    LimitCase(
      name: "dotted keys in an inline table",
      text: "t = { x = 1, " + Array(repeating: "b", count: 20).joined(separator: ".") + " = 2 }",
      line: 1, column: 14 + 32, expected: "a key of at most 16 dotted parts",
      found: "a key with more"),
    LimitCase(
      name: "a long quoted key",
      text: "[sectors]\n  \"" + String(repeating: "k", count: 1000) + "\" = 1\n", line: 2,
      column: 3, expected: "a key of at most 256 bytes", found: "a key of more than 256"),
    LimitCase(
      name: "a long bare key in an array-of-tables header",
      text: "[[" + String(repeating: "k", count: 300) + "]]\n", line: 1, column: 3,
      expected: "a key of at most 256 bytes", found: "a key of more than 256"),
    LimitCase(
      name: "a long line",
      text: "a = 1\nb = \"" + String(repeating: "é", count: 40_000) + "\"\n", line: 2,
      column: 6 + 32_766, expected: "lines of at most 65536 bytes", found: "a line of 80006"),
    LimitCase(
      name: "a long last line without a line end",
      text: "# " + String(repeating: "x", count: 70_000), line: 1, column: 65_537,
      expected: "lines of at most 65536 bytes", found: "a line of 70002"),
    LimitCase(
      name: "a long line in a multi-line string",
      text: "a = \"\"\"\n" + String(repeating: "y", count: 70_000) + "\n\"\"\"\n", line: 2,
      column: 65_537, expected: "lines of at most 65536 bytes", found: "a line of 70000"),
    // 32,000 keys took 7.6 s to decode (a debug build), each an unknown key to report.
    LimitCase(
      name: "more than 10,000 keys",
      text: (0..<12_000).map { "k\($0) = 1\n" }.joined(), line: 10_001, column: 1,
      expected: "at most 10000 keys and table headers in a file", found: "more"),
    LimitCase(
      name: "a NUL byte", text: "[scenario]\nname = \"a\u{0}b\"\n", line: 2, column: 10,
      expected: "text without NUL bytes", found: "a NUL byte (U+0000)"),
  ]

  @Test(.timeLimit(.minutes(1)), arguments: cases)
  func limitIsASyntaxIssue(_ c: LimitCase) throws {
    let start = ContinuousClock.now
    let violation = TOMLLimits.firstViolation(in: c.text)
    #expect(
      violation
        == TOMLLimits.Violation(line: c.line, column: c.column, expected: c.expected, found: c.found))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("s.toml", c.text)
    #expect {
      try ScenarioLoader.load(path: file)
    } throws: { error in
      guard let error = error as? ScenarioError, let issue = error.issues.first else { return false }
      return error.issues.count == 1 && issue.kind == .syntax && issue.location.line == c.line
        && issue.location.column == c.column && issue.expected == c.expected
    }
    #expect(ContinuousClock.now - start < .seconds(3))
  }

  /// Strings, comments and escapes that look like brackets or keys are not counted.
  static let fine = [
    "a = \"" + String(repeating: "[", count: 100) + "\"\n",
    "a = '''\n" + String(repeating: "{", count: 100) + "\n'''\n",
    "# " + String(repeating: "[", count: 100) + "\n",
    "a = \"\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n",
    "a = [\n" + String(repeating: "  [1, 2],\n", count: 1000) + "]\n",
    "[a.b.c]\nd.e.f = { g.h = [[1], [2]] }\n",
    "\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s\" = 1\n",
    String(repeating: "x = 1\n", count: 10_000),
  ]

  @Test(arguments: fine) func withinTheLimits(_ text: String) {
    #expect(TOMLLimits.firstViolation(in: text) == nil)
  }

  /// The shipped scenarios and the test fixtures are far inside every limit.
  @Test func shippedScenariosPass() throws {
    let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folders = ["Scenarios", "Tests/ForecastTests/Fixtures/scenarios"]
    var count = 0
    for folder in folders {
      let url = root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path)
      where name.hasSuffix(".toml") {
        let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        #expect(TOMLLimits.firstViolation(in: text) == nil, "\(name)")
        count += 1
      }
    }
    #expect(count >= 5)
  }

  /// A NUL written as an escape cut a data path short in TOMLKit (a C string): an issue with
  /// its key path.
  @Test func nulEscapeIsAnIssueWithTheKeyPath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let base = Fixtures.url("scenarios/good.toml").path
    let file = try folder.write(
      "nul.toml",
      """
      extends = "\(base)"

      [data.births]
      file = "data/births.csv\\u0000.bak"
      column = "births"

      [scenario]
      title = "a \\U00000000 title"
      """)
    #expect {
      try ScenarioLoader.load(path: file)
    } throws: { error in
      guard let error = error as? ScenarioError else { return false }
      let expected = "a string without NUL characters (U+0000)"
      return error.issues.map(\.keyPath) == ["data.births.file", "scenario.title"]
        && error.issues.allSatisfy { $0.expected == expected && $0.kind == .invalidValue }
        && error.issues.map(\.location.line) == [4, 8]
        && error.issues[0].description.hasSuffix(
          "nul.toml:4:24: data.births.file: expected a string without NUL characters (U+0000),"
            + " found a NUL written as an escape")
    }
    #expect(TOMLLimits.nulEscapes(in: "a = '\\u0000'\nb = \"\\\\u0000\"\n").isEmpty)
    // Thousands of escapes on one line: found in one pass, reported once for their string.
    let many = "[scenario]\nname = \"" + String(repeating: "\\u0000", count: 9_000) + "\"\n"
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(TOMLLimits.nulEscapes(in: many).count == 9_000) }
    #expect(elapsed < .seconds(1))
    let manyFile = try folder.write("many.toml", many)
    #expect {
      try ScenarioLoader.load(path: manyFile)
    } throws: { error in
      (error as? ScenarioError)?.issues.filter { $0.keyPath == "scenario.name" }.count == 1
    }
  }

  @Test(.timeLimit(.minutes(1))) func fifoScenarioIsRefusedAtOnce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fifo = try folder.fifo("s.toml")
    let start = ContinuousClock.now
    #expect {
      try ScenarioLoader.load(path: fifo)
    } throws: { error in
      (error as? ScenarioError)?.issues.first?.description
        == "\(DisplayPath.shown(fifo)): expected a scenario file (TOML), found a FIFO (named pipe)"
    }
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test func deviceScenarioIsRefused() {
    #expect {
      try ScenarioLoader.load(path: "/dev/zero")
    } throws: { error in
      (error as? ScenarioError)?.issues.map(\.found) == ["a character device"]
    }
  }

  @Test func scenarioOverTheLimit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("big.toml", String(repeating: "# padding\n", count: 500_000))
    #expect {
      try ScenarioLoader.load(path: file)
    } throws: { error in
      (error as? ScenarioError)?.issues.first.map {
        $0.kind == .unreadableFile
          && $0.expected == "a scenario file of at most 4 MiB (4,194,304 bytes)"
            + " (FORECAST_MAX_SCENARIO_BYTES raises the limit)"
          && $0.found == "4.7 MiB (5,000,000 bytes)"
      } ?? false
    }
  }
}
