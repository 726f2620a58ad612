import Testing

@testable import Forecast

/// Expressions are at most `FormulaParser.maximumDepth` levels deep, so that no formula can
/// overflow the stack of the parser or of the walks over its tree (docs/reliability.md).
@Suite struct FormulaDepthTests {
  struct DepthCase: CustomTestStringConvertible, Sendable {
    let name: String
    let formula: String
    /// The character offset the error points at.
    let offset: Int
    var testDescription: String { name }
  }

  static let limit = FormulaParser.maximumDepth

  static let tooDeep = [
    // A few thousand parentheses overflowed the stack (signal 11) before the limit.
    DepthCase(
      name: "5,000 nested parentheses in a term",
      formula: "y ~ I(" + String(repeating: "(", count: 5000) + "x"
        + String(repeating: ")", count: 5001),
      offset: 6 + limit - 1),
    DepthCase(
      name: "5,000 nested parentheses in the response",
      formula: String(repeating: "(", count: 5000) + "y" + String(repeating: ")", count: 5000)
        + " ~ x",
      offset: limit),
    DepthCase(
      name: "nested calls",
      formula: "y ~ " + String(repeating: "log(", count: 3000) + "x"
        + String(repeating: ")", count: 3000),
      offset: 4 + 4 * limit + 3),
    DepthCase(
      name: "a run of signs", formula: "y ~ I(" + String(repeating: "-", count: 20_000) + "x)",
      offset: 6 + limit - 1),
    DepthCase(
      name: "a tower of powers",
      formula: "y ~ I(" + Array(repeating: "x", count: 5000).joined(separator: "^") + ")",
      offset: 6 + 2 * (limit - 1) + 1),
    // No nesting, but a left-deep tree as deep as the chain is long.
    DepthCase(
      name: "a chain of 20,000 additions",
      formula: "y ~ I(" + Array(repeating: "x", count: 20_000).joined(separator: "+") + ")",
      offset: 6 + 2 * limit + 1),
    DepthCase(
      name: "a chain of products",
      formula: "y ~ I(" + Array(repeating: "x", count: 500).joined(separator: "*") + ")",
      offset: 6 + 2 * limit + 1),
  ]

  @Test(.timeLimit(.minutes(1)), arguments: tooDeep)
  func tooDeepIsAnError(_ c: DepthCase) {
    let start = ContinuousClock.now
    #expect(throws: FormulaError.tooDeep(formula: c.formula, offset: c.offset, limit: Self.limit)) {
      try Formula(parsing: c.formula)
    }
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test func messageSaysTheLimit() {
    let error = FormulaError.tooDeep(formula: "y ~ x", offset: 4, limit: 100)
    #expect(
      error.message
        == "expected an expression at most 100 levels deep (parentheses, function calls, signs"
        + " and operators inside one another), found a deeper one")
    #expect(error.description.hasSuffix("\n    y ~ x\n        ^"))
  }

  /// Up to the limit, formulas parse as before.
  @Test func atTheLimitParses() throws {
    let parentheses =
      "y ~ I" + String(repeating: "(", count: Self.limit) + "x"
      + String(repeating: ")", count: Self.limit)
    #expect(try Formula(parsing: parentheses).termNames.count == 2)
    let chain = "y ~ I(" + Array(repeating: "x", count: Self.limit - 1).joined(separator: "+") + ")"
    #expect(try Formula(parsing: chain).termNames.count == 2)
    // Many terms are a list, not a tree: no depth to speak of.
    let terms = "y ~ " + (0..<2000).map { "x\($0)" }.joined(separator: " + ")
    #expect(try Formula(parsing: terms).termNames.count == 2001)
  }
}
