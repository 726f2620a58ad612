import Foundation
import Testing

@testable import Forecast

/// `Tornado` on the steady fixture, where every swing of unplaced in 2025 is known.
///
/// In closed form (δ = 10%; N = 720 new graduates, science 25% into the lab with room to spare, arts
/// 75% × 0.5 eligible into the studio's 100 places; unplaced 440):
///
///     intake, progression, completion   N · 0.9 / 1.1: unplaced 386 / 494, swing 108
///     studio capacity 90 / 110          unplaced 450 / 430, swing 20
///     lab eligibility of science        0.9: 458; 1.1 clamped to 1: 440, swing 18
///     every other target                0 (the lab has room; the studio stays full): inert
///
/// Tolerance 1e-9 relative for values; the order is exact.
@Suite struct TornadoTests {
  static func steady() throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
  }

  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1) }

  @Test func rowsFollowTheClosedFormInSwingOrder() throws {
    let result = try Tornado(scenario: Self.steady(), metric: "unplaced", year: 2025, delta: 0.1)
      .run()
    #expect(
      result.rows.map(\.target) == [
        "drivers.flat", "tracks.college.completion", "tracks.college.progression",
        "sectors.studio.capacity", "sectors.lab.eligibility.science",
        "sectors.lab.eligibility.arts", "sectors.lab.graduate_share", "sectors.lab.growth",
        "sectors.lab.replacement", "sectors.studio.eligibility.arts",
        "sectors.studio.eligibility.science",
      ])
    let close = Self.close
    for row in result.rows {
      #expect(close(row.base, 440), "\(row.target)")
      #expect(row.range == Tornado.Range(operation: .scale, low: 0.9, high: 1.1, isUncertainEntry: false))
      switch row.target {
      case "drivers.flat", "tracks.college.completion", "tracks.college.progression":
        #expect(close(row.low, 386) && close(row.high, 494) && close(row.swing, 108), "\(row)")
        #expect(row.notes.isEmpty)
      case "sectors.studio.capacity":
        #expect(close(row.low, 450) && close(row.high, 430) && close(row.swing, 20), "\(row)")
      case "sectors.lab.eligibility.science":
        #expect(close(row.low, 458) && close(row.high, 440) && row.notes.isEmpty, "\(row)")
      default:
        #expect(row.swing == 0 && row.low == 440 && row.isInert, "\(row)")
      }
    }
    #expect(result.failures.isEmpty && result.inert.count == 6)
    let table = result.table
    #expect(
      table.columns.map(\.name) == [
        "rank", "target", "range", "low_value", "high_value", "base_value", "swing", "note",
      ])
    #expect(table.rows.prefix(5).map { $0[0] } == (1...5).map(Table.Cell.integer))
    #expect(table.rows.first?[2] == .text("x0.9 .. x1.1"))
    #expect(table.rows.last?[0] == .empty && table.rows.last?[7] == .text("cannot move unplaced"))
  }

  /// A rate scaled above 1 stops at 1: 0.9 × 1.2 = 1.08 gives graduates 1000 · 1 · 0.8.
  @Test func aRateIsClampedToItsDomain() throws {
    let result = try Tornado(scenario: Self.steady(), metric: "graduates", year: 2025, delta: 0.2)
      .run()
    let progression = try #require(result.rows.first { $0.target == "tracks.college.progression" })
    #expect(Self.close(progression.high, 800) && Self.close(progression.low, 720 * 0.8))
    #expect(progression.notes.isEmpty)
    #expect(
      result.rows.prefix(2).map(\.target) == ["drivers.flat", "tracks.college.completion"])
  }

  /// A target with an `[[uncertain]]` entry moves over its bounds, as its `op`; a normal over
  /// its 5% and 95% quantiles (1 ± 1.6449 σ).
  @Test func uncertainEntriesGiveTheRanges() throws {
    var scenario = try Self.steady()
    scenario.uncertain = [
      UncertainSpec(
        target: .capacity(sector: "studio"), distribution: .uniform(lower: 50, upper: 150)),
      UncertainSpec(
        target: .completion(track: "college"), operation: .scale,
        distribution: .normal(mean: 1, standardDeviation: 0.1)),
    ]
    let result = try Tornado(scenario: scenario, metric: "unplaced", year: 2025, delta: 0.1).run()
    let capacity = try #require(result.rows.first { $0.target == "sectors.studio.capacity" })
    #expect(capacity.range.operation == .set && capacity.range.isUncertainEntry)
    #expect(Self.close(capacity.low, 490) && Self.close(capacity.high, 390))
    let completion = try #require(result.rows.first { $0.target == "tracks.college.completion" })
    let z = 1.6448536269514722
    // unplaced = 675 c − 100 with c = 0.8 · factor, so the swing is 675 · 0.8 · 2 z σ.
    #expect(abs(completion.swing - 675 * 0.8 * 2 * z * 0.1) < 1e-6)
    #expect(result.rows.first?.target == "tracks.college.completion")
    #expect(result.table.title?.contains("[[uncertain]] ranges") == true)
    let only = try Tornado(
      scenario: scenario, metric: "unplaced", year: 2025, delta: 0.1, uncertainOnly: true
    ).run()
    #expect(only.rows.map(\.target) == ["tracks.college.completion", "sectors.studio.capacity"])
    #expect(throws: WhatIfError.noUncertainInputs("steady")) {
      try Tornado(scenario: Self.steady(), metric: "unplaced", year: 2025, delta: 0.1, uncertainOnly: true)
    }
  }

  @Test func inputsAreChecked() throws {
    let scenario = try Self.steady()
    #expect(throws: WhatIfError.yearOutOfRange(year: 2030, valid: 2021...2025)) {
      try Tornado(scenario: scenario, metric: "unplaced", year: 2030, delta: 0.1)
    }
    #expect(
      throws: WhatIfError.unknownMetric(option: .metric, name: "unplace", nearest: ["unplaced"])
    ) {
      try Tornado(scenario: scenario, metric: "unplace", year: 2025, delta: 0.1)
    }
    #expect(
      WhatIfError.yearOutOfRange(year: 2030, valid: 2021...2025).description.contains("2021-2025"))
  }

  @Test(arguments: [("10%", 0.1), ("0.1", 0.1), ("2.5%", 0.025), (" 50% ", 0.5), ("0.999", 0.999)])
  func deltaParses(_ text: String, _ expected: Double) throws {
    #expect(try Tornado.delta(parsing: text) == expected)
  }

  @Test(arguments: ["10", "0", "0%", "100%", "-5%", "abc", "", "%", "1"])
  func badDeltaIsAnError(_ text: String) {
    #expect(throws: WhatIfError.badDelta(text)) { try Tornado.delta(parsing: text) }
  }

  /// A warning the base has too, with other counts, is not news for the note.
  @Test func warningsAreComparedWithoutTheirNumbers() {
    let base = "track 'a': a rate lies outside [0, 1] in 42 years (1999–2040)"
    let scaled = "track 'a': a rate lies outside [0, 1] in 27 years (1999–2025)"
    #expect(Tornado.withoutNumbers(base) == Tornado.withoutNumbers(scaled))
    #expect(
      Tornado.withoutNumbers(base)
        != Tornado.withoutNumbers("track 'b': a rate lies outside [0, 1] in 1 years (2030–2030)"))
  }

  @Test func swingsEqualToTwelveDigitsAreTies() {
    #expect(TornadoResult.sortKey(108) == TornadoResult.sortKey(108.00000000000011))
    #expect(TornadoResult.sortKey(108) != TornadoResult.sortKey(108.000001))
    #expect(TornadoResult.sortKey(0) == 0)
    #expect(TornadoResult.percent(0.025) == "2.5%" && TornadoResult.percent(0.1) == "10%")
  }
}
