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
///     lab eligibility of science        0.9: 458; 1.1: an error (eligibility above 1)
///     every other target                0 (the lab has room; the studio stays full)
///
/// Tolerance 1e-9 relative for values; the order is exact.
@Suite struct TornadoTests {
  static func steady() throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
  }

  @Test func rowsFollowTheClosedFormInSwingOrder() throws {
    let result = try Tornado(scenario: Self.steady(), metric: "unplaced", year: 2025, delta: 0.1)
      .run()
    #expect(
      result.rows.map(\.target) == [
        "drivers.flat", "tracks.college.completion", "tracks.college.progression",
        "sectors.studio.capacity",
        "sectors.lab.eligibility.arts", "sectors.lab.graduate_share", "sectors.lab.growth",
        "sectors.lab.replacement", "sectors.studio.eligibility.arts",
        "sectors.studio.eligibility.science",
        "sectors.lab.eligibility.science",
      ])
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1) }
    for row in result.rows {
      #expect(close(row.base, 440), "\(row.target)")
      switch row.target {
      case "drivers.flat", "tracks.college.completion", "tracks.college.progression":
        #expect(close(row.low, 386) && close(row.high, 494) && close(row.swing, 108), "\(row)")
        #expect(row.notes.isEmpty)
      case "sectors.studio.capacity":
        #expect(close(row.low, 450) && close(row.high, 430) && close(row.swing, 20), "\(row)")
      case "sectors.lab.eligibility.science":
        #expect(close(row.low, 458) && row.high.isNaN && row.swing.isNaN, "\(row)")
        #expect(row.notes.count == 1 && row.notes[0].hasPrefix("+10%: error: "))
        #expect(row.notes[0].contains("eligibility of field science for sector lab is 1.1"))
      default:
        #expect(row.swing == 0 && row.low == 440, "\(row)")
      }
    }
    #expect(result.failures.map(\.target) == ["sectors.lab.eligibility.science"])
    let table = result.table
    #expect(
      table.columns.map(\.name) == [
        "target", "low_value", "high_value", "base_value", "swing", "note",
      ])
    #expect(table.rows.last?[2] == .empty && table.rows.last?[4] == .empty)
  }

  /// Graduates in 2025 respond to the supply side only; a rate pushed above 1 is a note.
  @Test func aRatePushedAboveOneIsNoted() throws {
    let result = try Tornado(scenario: Self.steady(), metric: "graduates", year: 2025, delta: 0.2)
      .run()
    let progression = try #require(result.rows.first { $0.target == "tracks.college.progression" })
    // 0.9 × 1.2 = 1.08: a progression rate above 1, warned, not clamped.
    #expect(abs(progression.high - 720 * 1.2) <= 1e-9 * 720)
    #expect(progression.notes.count == 1 && progression.notes[0].hasPrefix("+20%: warning: "))
    #expect(
      result.rows.prefix(3).map(\.target) == [
        "drivers.flat", "tracks.college.completion", "tracks.college.progression",
      ])
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
