import Foundation
import Testing

@testable import Forecast

/// `ShockLine`: one-line shocks parsed against the steady fixture, their errors, and their
/// effect on a run (the same numbers as the `[[shocks]]` table they stand for).
@Suite struct ShockLineTests {
  static func load(_ relative: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url(relative).path)
  }

  struct ParseCase: Sendable, CustomTestStringConvertible {
    let line: String
    let shock: ShockSpec
    let canonical: String
    var testDescription: String { line }
  }

  /// The steady fixture's base year is 2020: no span means from 2021 on.
  @Test(arguments: [
    ParseCase(
      line: "drivers.flat scale 1.1 2021",
      shock: ShockSpec(target: .driver("flat"), from: 2021, operation: .scale, value: 1.1),
      canonical: "drivers.flat scale 1.1 2021"),
    ParseCase(
      line: "sectors.lab.growth set 0.5 2022-2024",
      shock: ShockSpec(
        target: .growth(sector: "lab"), from: 2022, to: 2024, operation: .set, value: 0.5),
      canonical: "sectors.lab.growth set 0.5 2022-2024"),
    ParseCase(
      line: "  tracks.college.completion\tadd -0.05  ",
      shock: ShockSpec(target: .completion(track: "college"), from: 2021, operation: .add, value: -0.05),
      canonical: "tracks.college.completion add -0.05 2021"),
    ParseCase(
      line: "sectors.studio.capacity set 1e3 2023-2023",
      shock: ShockSpec(
        target: .capacity(sector: "studio"), from: 2023, to: 2023, operation: .set, value: 1000),
      canonical: "sectors.studio.capacity set 1000 2023-2023"),
    ParseCase(
      line: "sectors.lab.eligibility.arts set 0.25 2021 sd=0.05",
      shock: ShockSpec(
        target: .eligibility(sector: "lab", field: "arts"), from: 2021, operation: .set,
        value: 0.25, sd: 0.05),
      canonical: "sectors.lab.eligibility.arts set 0.25 2021 sd=0.05"),
    ParseCase(
      line: "drivers.flat scale 0.9 sd=0.01",
      shock: ShockSpec(target: .driver("flat"), from: 2021, operation: .scale, value: 0.9, sd: 0.01),
      canonical: "drivers.flat scale 0.9 2021 sd=0.01"),
  ])
  func parses(_ c: ParseCase) throws {
    let line = try ShockLine(parsing: c.line, scenario: Self.load("simulation/steady.toml"))
    #expect(line.shock == c.shock)
    #expect(line.text == c.line)
    #expect(line.canonical == c.canonical)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let line: String
    let error: ShockLineError
    let message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    ErrorCase(
      name: "too few fields", line: "drivers.flat scale",
      error: .shape(line: "drivers.flat scale", fields: 2),
      message: "`shock` \"drivers.flat scale\": expected TARGET OP VALUE [FROM[-TO]] [sd=SD] "
        + "(for example \"sectors.S.growth set 0.5 2026-2030\"), found 2 fields"),
    ErrorCase(
      name: "two spans", line: "drivers.flat scale 1.1 2021 2022",
      error: .shape(line: "drivers.flat scale 1.1 2021 2022", fields: 5),
      message: "`shock` \"drivers.flat scale 1.1 2021 2022\": expected TARGET OP VALUE "
        + "[FROM[-TO]] [sd=SD] (for example \"sectors.S.growth set 0.5 2026-2030\"), found 5 fields"),
    ErrorCase(
      name: "misspelt target", line: "sectors.lab.grwth set 0.5",
      error: .unknownTarget(
        line: "sectors.lab.grwth set 0.5", found: "sectors.lab.grwth",
        nearest: ["sectors.lab.growth", "sectors.lab.graduate_share", "sectors.lab.replacement"]),
      message: "`shock` \"sectors.lab.grwth set 0.5\": expected a target this scenario has "
        + "(`Scenario.validTargets` lists them), found \"sectors.lab.grwth\"; did you mean "
        + "\"sectors.lab.growth\", \"sectors.lab.graduate_share\" or \"sectors.lab.replacement\"?"),
    ErrorCase(
      name: "target the sector does not have", line: "sectors.studio.growth set 0.5",
      error: .unknownTarget(
        line: "sectors.studio.growth set 0.5", found: "sectors.studio.growth",
        nearest: ["sectors.lab.growth", "sectors.studio.capacity", "sectors.studio.eligibility.arts"]),
      message: "`shock` \"sectors.studio.growth set 0.5\": expected a target this scenario has "
        + "(`Scenario.validTargets` lists them), found \"sectors.studio.growth\"; did you mean "
        + "\"sectors.lab.growth\", \"sectors.studio.capacity\" or "
        + "\"sectors.studio.eligibility.arts\"?"),
    ErrorCase(
      name: "misspelt op", line: "drivers.flat sclae 1.1",
      error: .unknownOperation(line: "drivers.flat sclae 1.1", found: "sclae", nearest: ["scale"]),
      message: "`shock` \"drivers.flat sclae 1.1\": expected an op set, scale or add, found "
        + "\"sclae\"; did you mean \"scale\"?"),
    ErrorCase(
      name: "op far from any", line: "drivers.flat multiply 1.1",
      error: .unknownOperation(line: "drivers.flat multiply 1.1", found: "multiply", nearest: []),
      message: "`shock` \"drivers.flat multiply 1.1\": expected an op set, scale or add, found "
        + "\"multiply\""),
    ErrorCase(
      name: "value not a number", line: "drivers.flat scale 10%",
      error: .badValue(line: "drivers.flat scale 10%", found: "10%"),
      message: "`shock` \"drivers.flat scale 10%\": expected a finite number as the value, "
        + "found \"10%\""),
    ErrorCase(
      name: "value not finite", line: "drivers.flat set inf",
      error: .badValue(line: "drivers.flat set inf", found: "inf"),
      message: "`shock` \"drivers.flat set inf\": expected a finite number as the value, "
        + "found \"inf\""),
    ErrorCase(
      name: "sd twice", line: "drivers.flat set 1 sd=0.1 sd=0.2",
      error: .repeatedStandardDeviation(line: "drivers.flat set 1 sd=0.1 sd=0.2"),
      message: "`shock` \"drivers.flat set 1 sd=0.1 sd=0.2\": expected sd=SD once, at the end of "
        + "the line, found it more than once"),
    ErrorCase(
      name: "value hexadecimal", line: "drivers.flat scale 0x10",
      error: .badValue(line: "drivers.flat scale 0x10", found: "0x10"),
      message: "`shock` \"drivers.flat scale 0x10\": expected a finite number as the value, "
        + "found \"0x10\""),
    ErrorCase(
      name: "span not years", line: "drivers.flat set 1 2021:2024",
      error: .badSpan(line: "drivers.flat set 1 2021:2024", found: "2021:2024"),
      message: "`shock` \"drivers.flat set 1 2021:2024\": expected the years as FROM or FROM-TO "
        + "(2026, 2026-2030), found \"2021:2024\""),
    ErrorCase(
      name: "open start", line: "drivers.flat set 1 -2024",
      error: .badSpan(line: "drivers.flat set 1 -2024", found: "-2024"),
      message: "`shock` \"drivers.flat set 1 -2024\": expected the years as FROM or FROM-TO "
        + "(2026, 2026-2030), found \"-2024\""),
    ErrorCase(
      name: "span reversed", line: "drivers.flat set 1 2024-2021",
      error: .reversedSpan(line: "drivers.flat set 1 2024-2021", from: 2024, to: 2021),
      message: "`shock` \"drivers.flat set 1 2024-2021\": expected a last year >= the first "
        + "(2024), found 2021"),
    ErrorCase(
      name: "negative sd", line: "drivers.flat set 1 sd=-1",
      error: .badStandardDeviation(line: "drivers.flat set 1 sd=-1", found: "-1"),
      message: "`shock` \"drivers.flat set 1 sd=-1\": expected sd=SD with SD a finite number "
        + ">= 0, found \"-1\""),
  ])
  func errors(_ c: ErrorCase) throws {
    let scenario = try Self.load("simulation/steady.toml")
    #expect(throws: c.error) { try ShockLine(parsing: c.line, scenario: scenario) }
    #expect(c.error.description == c.message)
    #expect(c.error.message(naming: .flags).hasPrefix("--shock \""))
  }

  /// An alternative's lines are separated by `--shock` or `;`; a separator with no line after
  /// it is a shock left out, an error rather than ignored.
  @Test func alternativesSplitIntoLinesAndRefuseEmptyOnes() throws {
    let scenario = try Self.load("simulation/steady.toml")
    let two = try ShockAlternative(
      parsing: "more: --shock drivers.flat set 1; drivers.flat scale 2", base: scenario)
    #expect(two.name == "more" && two.lines.map(\.text) == ["drivers.flat set 1", "drivers.flat scale 2"])
    #expect(try ShockAlternative(parsing: "more: drivers.flat set 1", base: scenario).lines.count == 1)
    for text in ["more: --shock drivers.flat set 1 --shock", "more: drivers.flat set 1;", "more: --shock ; drivers.flat set 1"] {
      #expect(throws: ShockLineError.shape(line: "", fields: 0)) {
        try ShockAlternative(parsing: text, base: scenario)
      }
    }
    #expect(throws: ShockLineError.alternativeWithoutShocks(text: "more: --shock")) {
      try ShockAlternative(parsing: "more: --shock", base: scenario)
    }
  }

  /// Names the user gave twice, or that a compared scenario has, are refused, not renamed.
  @Test func alternativesHaveTheirOwnNames() throws {
    let scenario = try Self.load("simulation/steady.toml")
    let both = try ShockAlternative.parsing(
      ["a: drivers.flat set 1", "b: drivers.flat set 2"], base: scenario, taken: [scenario.info.name])
    #expect(both.map(\.name) == ["a", "b"])
    #expect(throws: ShockLineError.alternativeNameTaken(text: "a: drivers.flat set 2", name: "a")) {
      try ShockAlternative.parsing(["a: drivers.flat set 1", "a: drivers.flat set 2"], base: scenario, taken: [])
    }
    let taken = "\(scenario.info.name): drivers.flat set 1"
    #expect(throws: ShockLineError.alternativeNameTaken(text: taken, name: scenario.info.name)) {
      try ShockAlternative.parsing([taken], base: scenario, taken: [scenario.info.name])
    }
    #expect(ShockLineError.alternativeNameTaken(text: "a: x", name: "a").message(naming: .flags)
      .hasPrefix("--alt \"a: x\": the name \"a\" is taken"))
  }

  /// A control character in the line is escaped in the message, not printed.
  @Test func messagesEscapeControlCharacters() throws {
    let scenario = try Self.load("simulation/steady.toml")
    do {
      _ = try ShockLine(parsing: "drivers.flat \u{1B}[2J 1", scenario: scenario)
      Issue.record("expected an error")
    } catch {
      #expect(!error.description.contains("\u{1B}"))
      #expect(error.description.contains("\\u{1B}"))
    }
  }

  /// A line's shock applies after the scenario's own and gives the same run as the same
  /// shock in a `[[shocks]]` table (steady-intake is steady with this shock in its file).
  @Test func aLineRunsLikeItsTable() throws {
    let steady = try Self.load("simulation/steady.toml")
    let shocked = try steady.adding(shockLines: ["drivers.flat scale 1.1 2021"])
    let table = try Self.load("whatif/steady-intake.toml")
    #expect(shocked.shocks == table.shocks)
    #expect(shocked.addedShocks.map(\.canonical) == ["drivers.flat scale 1.1 2021"])
    #expect(steady.addedShocks.isEmpty)
    let a = try Simulation(scenario: shocked).run(keepPaths: false)
    let b = try Simulation(scenario: table).run(keepPaths: false)
    for year in a.years {
      for metric in BalanceMetric.allCases {
        let x = a.balance(metric, year: year)
        let y = b.balance(metric, year: year)
        #expect(x == y || (x.isNaN && y.isNaN), "\(metric) \(year)")
      }
    }
    // Graduates rise by 10% of 720 from 2023 (the 2021 intake, two years on).
    #expect(abs(a.balance(.graduates, year: 2023) - 792) < 1e-9)
    let plain = try Simulation(scenario: steady).run(keepPaths: false)
    #expect(abs(plain.balance(.graduates, year: 2023) - 720) < 1e-9)
  }

  /// Shocks apply in order: the line's `set` after the file's shock has the last word, and
  /// a later line's after an earlier one's.
  @Test func linesApplyAfterTheScenariosShocksInOrder() throws {
    let intake = try Self.load("whatif/steady-intake.toml")
    let shocked = try intake.adding(
      shockLines: ["drivers.flat set 2000 2021", "drivers.flat scale 0.5 2021"])
    #expect(shocked.shocks.count == 3)
    #expect(shocked.shocks.last?.operation == .scale)
    let run = try Simulation(scenario: shocked).run(keepPaths: false)
    // 1000 x 1.1, set to 2000, halved: intake 1000 again, so graduates 720 as unshocked.
    #expect(abs(run.balance(.graduates, year: 2024) - 720) < 1e-9)
  }

  /// The first bad line stops the whole list; nothing is half applied.
  @Test func theFirstBadLineThrows() throws {
    let steady = try Self.load("simulation/steady.toml")
    #expect(throws: ShockLineError.badValue(line: "drivers.flat set x", found: "x")) {
      try steady.adding(shockLines: ["drivers.flat set 1", "drivers.flat set x"])
    }
  }

  /// The metadata lists the added shocks (given text and resolved span); without any it has
  /// no `shocks` key, so its bytes are those of a run without lines.
  @Test func metadataRecordsTheLines() throws {
    let steady = try Self.load("simulation/steady.toml")
    let plain = RunMetadata(projection: try Simulation(scenario: steady).run(keepPaths: false))
    #expect(!plain.json.contains("\"shocks\""))
    let shocked = try steady.adding(shockLines: ["drivers.flat scale 1.1"])
    let metadata = RunMetadata(projection: try Simulation(scenario: shocked).run(keepPaths: false))
    #expect(
      metadata.json.contains(
        "\"shocks\": [{\"given\": \"drivers.flat scale 1.1\", \"target\": \"drivers.flat\", "
          + "\"op\": \"scale\", \"value\": 1.1, \"from\": 2021, \"to\": null, \"sd\": null}], "
          + "\"warnings\""))
  }
}
