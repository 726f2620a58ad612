import Testing

@testable import Forecast

/// Messages that quote input escape what could act on a terminal (docs/reliability.md).
@Suite struct ControlCharacterTests {
  struct EscapeCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let escaped: String
    var testDescription: String { name }
  }

  static let cases = [
    EscapeCase(name: "plain text is kept", input: "births 中文 é", escaped: "births 中文 é"),
    EscapeCase(name: "clear screen", input: "\u{1B}[2J", escaped: "\\u{1B}[2J"),
    EscapeCase(
      name: "window title (OSC ... BEL)", input: "\u{1B}]0;pwned\u{07}",
      escaped: "\\u{1B}]0;pwned\\u{7}"),
    EscapeCase(name: "NUL and DEL", input: "a\u{0}b\u{7F}", escaped: "a\\u{0}b\\u{7F}"),
    EscapeCase(name: "C1 CSI", input: "\u{9B}31m", escaped: "\\u{9B}31m"),
    EscapeCase(name: "right-to-left override", input: "txt.\u{202E}exe", escaped: "txt.\\u{202E}exe"),
    EscapeCase(name: "isolates and marks", input: "\u{2066}\u{200F}\u{061C}", escaped: "\\u{2066}\\u{200F}\\u{61C}"),
    EscapeCase(name: "carriage return", input: "ok\rfake", escaped: "ok\\u{D}fake"),
    EscapeCase(name: "line feed and tab", input: "a\nb\tc", escaped: "a\\u{A}b\\u{9}c"),
  ]

  @Test(arguments: cases) func escaped(_ c: EscapeCase) {
    #expect(Wording.escapingControlCharacters(c.input) == c.escaped)
  }

  @Test func lineBreaksKeptForWholeMessages() {
    #expect(
      Wording.escapingControlCharacters("a\nb\tc\r\u{1B}", keepingLineBreaks: true)
        == "a\nb\tc\\u{D}\\u{1B}")
    #expect(Wording.quoted("x\u{1B}") == "\"x\\u{1B}\"")
  }

  /// Each error type that quotes file content escapes it.
  @Test func errorsQuotingInputEscapeIt() throws {
    let csv = CSVError.textAfterClosingQuote(file: "d.csv", line: 2, column: 1, found: "\u{1B}[2J")
    #expect(csv.description.contains("\\u{1B}[2J") && !csv.description.contains("\u{1B}"))
    let year = DataYearError.notAYear(file: "d.csv", line: 3, column: 1, found: "\"\u{1B}[31m\"")
    #expect(!year.description.contains("\u{1B}"))
    let issue = ScenarioIssue(
      kind: .invalidValue, location: SourceLocation(file: "s.toml", line: 1), keyPath: "a\u{7}",
      expected: "x", found: "\"\u{202E}\"")
    #expect(issue.description == "s.toml:1: a\\u{7}: expected x, found \"\\u{202E}\"")
    let formula = FormulaError.syntax(
      formula: "y ~ \u{1B}x", offset: 5, expected: "a term", found: "`\u{1B}`")
    // The caret stays under `x`, after the six characters of the escape.
    #expect(formula.description == "expected a term, found `\\u{1B}`\n    y ~ \\u{1B}x\n    "
      + String(repeating: " ", count: 10) + "^")
  }
}
