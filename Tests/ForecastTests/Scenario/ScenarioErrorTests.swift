import Foundation
import Testing

@testable import Forecast

/// A bad scenario file and the text its first issue must contain (STYLE 23, 24).
struct BadScenarioCase: CustomTestStringConvertible, Sendable {
  let file: String
  let kind: ScenarioIssue.Kind
  let message: String
  /// The line the issue points at, when the test pins it.
  var line: Int? = nil

  var testDescription: String { file }
  var path: String { Fixtures.url("scenarios/bad/\(file).toml").path }

  static let all: [BadScenarioCase] = [
    .init(file: "syntax", kind: .syntax, message: "expected valid TOML", line: 1),
    .init(
      file: "unknown-key", kind: .unknownKey,
      message: #"tracks[1] "bachelor".progresion: expected a key of this table"#
        + #" (name, duration, intake, entry, continuation, intake_driver, progression,"#
        + #" completion, fields, calibrate), found "progresion"; did you mean "progression"?"#,
      line: 5),
    .init(
      file: "missing-key", kind: .missingKey,
      message: "scenario.horizon: expected the number of years projected, found no `horizon` key",
      line: 1),
    .init(
      file: "wrong-type", kind: .wrongType,
      message: #"scenario.horizon: expected an integer, found the string "ten""#, line: 4),
    .init(
      file: "horizon-huge", kind: .invalidValue,
      message: "scenario.horizon: expected an integer <= 200, found 9223372036854775000", line: 4),
    .init(
      file: "quantile-clash", kind: .invalidValue,
      message: "scenario.quantiles[1]: expected levels whose columns differ, found "
        + "0.30000000000000004, a second q30", line: 4),
    .init(
      file: "bad-name", kind: .invalidValue,
      message: #"scenario.name: expected a name matching [a-z0-9_-]+, found "China Baseline""#),
    .init(
      file: "field-sum", kind: .invalidValue,
      message: #"tracks[1] "bachelor".fields: expected field shares summing to 1 (within 1e-9), "#
        + "found a sum of 1.1"),
    .init(
      file: "progression-length", kind: .invalidValue,
      message: #"tracks[1] "bachelor".progression: expected 3 values (duration - 1), found 2"#,
      line: 5),
    .init(
      file: "rate-range", kind: .invalidValue,
      message: #"tracks[2] "master".completion: expected a number in [0, 1], found 1.2"#),
    .init(
      file: "unknown-driver", kind: .unknownName,
      message: #"tracks[1] "bachelor".entry.rate: expected a driver defined in [drivers], "#
        + #"found "ug_rat"; did you mean "ug_rate"?"#, line: 5),
    .init(
      file: "unknown-series", kind: .unknownName,
      message: #"tracks[1] "bachelor".intake: expected a data series defined in [data], "#
        + #"found "enroll_uq"; did you mean "enroll_ug"?"#),
    .init(
      file: "missing-file", kind: .unreadableFile,
      message: "data.births.file: expected a readable CSV file at"),
    .init(
      file: "missing-column", kind: .unknownName,
      message: #"found "births_10"; did you mean "births_10k"?"#, line: 4),
    .init(
      file: "horizon-zero", kind: .invalidValue,
      message: "scenario.horizon: expected an integer >= 1, found 0"),
    .init(
      file: "fit-after-base", kind: .invalidValue,
      message: "drivers.ug_rate.years: expected fit years ending at or before base_year (2025), "
        + "found [2012, 2030]"),
    .init(
      file: "window-and-years", kind: .conflict,
      message: "drivers.jc_rate.window: expected one of `years` and `window`, found both", line: 6),
    .init(
      file: "window-zero", kind: .invalidValue,
      message: "drivers.jc_rate.window: expected an integer >= 1, found 0", line: 4),
    .init(
      file: "window-type", kind: .wrongType,
      message: #"calibrate.window: expected an integer, found the string "seven""#, line: 4),
    .init(
      file: "anchor-value", kind: .invalidValue,
      message: #"drivers.jc_rate.anchor: expected "last", found "lats"; did you mean "last"?"#,
      line: 4),
    .init(
      file: "anchor-decay-alone", kind: .missingKey,
      message: #"drivers.jc_rate.anchor: expected `anchor = "last"` with `anchor_decay`, "#
        + "found `anchor_decay` alone", line: 4),
    .init(
      file: "anchor-decay-range", kind: .invalidValue,
      message: "drivers.jc_rate.anchor_decay: expected a number in [0, 1], found 1.5", line: 5),
    .init(
      file: "anchor-not-model", kind: .conflict,
      message: "drivers.pg_share.anchor: expected `anchor` only with `model`, found `anchor` "
        + "with `values`", line: 4),
    .init(
      file: "track-calibrate-series", kind: .unknownName,
      message: #"tracks[2] "master".calibrate.graduates: expected a data series defined in "#
        + #"[data], found "pg_graduats"; did you mean "graduates"?"#, line: 5),
    .init(
      file: "track-calibrate-key", kind: .unknownKey,
      message: #"tracks[2] "master".calibrate.windows: expected a key of this table "#
        + #"(graduates, years, window), found "windows"; did you mean "window"?"#, line: 5),
    .init(
      file: "track-calibrate-after-base", kind: .invalidValue,
      message: #"tracks[2] "master".calibrate.years: expected fit years ending at or before "#
        + "base_year (2025), found [2015, 2027]", line: 5),
    .init(
      file: "calibrate-no-track", kind: .conflict,
      message: "calibrate: expected at least one track left to the joint calibration (every "
        + "track has its own `calibrate`), found none"),
    .init(
      file: "fit-unordered", kind: .invalidValue,
      message: "drivers.jc_rate.years: expected years in order, first <= last, found [2025, 2019]"),
    .init(
      file: "continuation-unknown", kind: .unknownName,
      message: #"tracks[2] "master".continuation.from: expected a track's name, "#
        + #"found "bachelr"; did you mean "bachelor"?"#),
    .init(
      file: "continuation-cycle", kind: .continuationCycle,
      message: "expected an acyclic continuation graph, found the cycle "
        + "bachelor <- master <- bachelor"),
    .init(
      file: "continuation-sum", kind: .invalidValue,
      message: #"tracks[1] "bachelor": expected continuation shares from this track summing "#
        + "to at most 1, found a sum of 1.1"),
    .init(
      file: "eligibility-field", kind: .unknownName,
      message: #"sectors[0] "ai_trainer".eligibility.computng: expected a field that a track "#
        + #"names, found "computng"; did you mean "computing"?"#),
    .init(
      file: "shock-target", kind: .unknownName,
      message: #"shocks[1].target: expected a target this scenario has, found "#
        + #""tracks.bachelor.entry.rat"; did you mean "tracks.bachelor.entry.rate""#),
    .init(
      file: "shock-capacity", kind: .unknownName,
      message: #"found "sectors.ai_trainer.capacity"; did you mean "#
        + #""sectors.ai_trainer.growth""#),
    .init(
      file: "shock-op", kind: .invalidValue,
      message: #"shocks[1].op: expected set, scale or add, found "multiply""#),
    .init(
      file: "expect-table", kind: .unknownName,
      message: #"expect[2].table: expected a table: supply, demand, balance, matching, fan, "#
        + #"fit, found "suply"; did you mean "supply"?"#),
    .init(
      file: "expect-column", kind: .unknownName,
      message: #"found "graduate"; did you mean "graduates"?"#),
    .init(
      file: "expect-empty-cell", kind: .invalidValue,
      message: #"expect[2].column: expected capacity (sector 'direct' is given by capacity, so "#
        + #"its employment and openings are empty), found "employment""#, line: 7),
    .init(
      file: "output-empty", kind: .wrongType,
      message: "output.tables: expected a non-empty array of table names, found an empty array",
      line: 4),
    .init(
      file: "progression-length-one", kind: .invalidValue,
      message: #"tracks[1] "bachelor".progression: expected 1 value (duration - 1), found 2"#),
    .init(
      file: "expect-key", kind: .unknownName,
      message: #"expect[2].key: expected a sector's name, found "ai_trainr"; "#
        + #"did you mean "ai_trainer"?"#),
    .init(
      file: "two-rules", kind: .conflict,
      message: #"expected one projection rule: entry, continuation or intake_driver, "#
        + "found entry and intake_driver"),
    .init(
      file: "cycle-a", kind: .extendsCycle,
      message: "extends: expected a chain of `extends` without a cycle, "
        + "found cycle-a.toml -> cycle-b.toml -> cycle-a.toml", line: 1),
    .init(file: "missing-base", kind: .unreadableFile, message: "found no such file", line: 1),
    .init(
      file: "extends-empty", kind: .wrongType,
      message: "extends: expected a string naming the base scenario file, found an empty string", line: 2),
    .init(
      file: "uncertain-two", kind: .conflict,
      message: "uncertain[0].normal: expected one distribution (uniform, triangular, normal), "
        + "found uniform and normal", line: 6),
    .init(
      file: "uncertain-none", kind: .missingKey,
      message: "uncertain[0].uniform: expected one distribution (uniform, triangular, normal), "
        + "found none"),
    .init(
      file: "uncertain-target", kind: .unknownName,
      message: #"uncertain[0].target: expected a target this scenario has, found "#
        + #""sectors.ai_trainer.grwth"; did you mean "sectors.ai_trainer.growth""#, line: 4),
    .init(
      file: "uncertain-mode", kind: .invalidValue,
      message: "uncertain[0].triangular: expected finite [lower, mode, upper] with lower <= mode "
        + "<= upper, lower < upper, found [0.9, 1.2, 1.1]", line: 6),
    .init(
      file: "uncertain-length", kind: .wrongType,
      message: "uncertain[0].uniform: expected [lower, upper], found an array of 3 values", line: 5),
    .init(
      file: "uncertain-twice", kind: .conflict,
      message: "uncertain[1].target: expected a target no other [[uncertain]] entry names "
        + #"(uncertain[0].target does), found "sectors.ai_trainer.growth""#, line: 8),
  ]
}

@Suite struct ScenarioErrorTests {
  func issues(_ path: String) -> [ScenarioIssue] {
    do {
      _ = try ScenarioLoader.load(path: path)
      return []
    } catch {
      return error.issues
    }
  }

  @Test(arguments: BadScenarioCase.all)
  func badScenarioIsReported(_ c: BadScenarioCase) {
    let found = issues(c.path)
    let issue = found.first { $0.description.contains(c.message) }
    #expect(
      issue != nil,
      "\(c.file): no issue contains \(c.message)\n\(found.map(\.description))"
    )
    guard let issue else { return }
    #expect(issue.kind == c.kind)
    if let line = c.line { #expect(issue.location.line == line, "\(issue)") }
  }

  @Test func everyIssueIsReportedNotOnlyTheFirst() {
    let found = issues(Fixtures.url("scenarios/bad/many.toml").path)
    let messages = found.map(\.description)
    #expect(messages.contains { $0.contains("scenario.horizon: expected an integer >= 1") })
    #expect(messages.contains { $0.contains(#"scenario.colour: expected a key of this table"#) })
    #expect(messages.contains { $0.contains(#"completion: expected a number in [0, 1]"#) })
    #expect(messages.contains { $0.contains(#"found "art"; did you mean "arts"?"#) })
    #expect(found.allSatisfy { $0.location.file.hasSuffix("many.toml") }, "\(found)")
  }

  @Test func syntaxErrorCarriesLineAndColumn() throws {
    let found = issues(Fixtures.url("scenarios/bad/syntax.toml").path)
    let issue = try #require(found.first)
    #expect(issue.location.line == 1 && issue.location.column != nil)
  }
}
