import Foundation
import Testing

@testable import Forecast

@Suite struct ScenarioLoaderTests {
  static let good = Fixtures.url("scenarios/good.toml").path
  static let extended = Fixtures.url("scenarios/extension.toml").path
  static let data = Fixtures.url("scenarios/data").standardizedFileURL.path

  @Test func goodScenarioLoadsInFileOrder() throws {
    let s = try ScenarioLoader.load(path: Self.good)
    #expect(s.info == ScenarioInfo(
      name: "china-small", title: "China: a small test scenario", baseYear: 2025, horizon: 5,
      paths: 1, seed: 20_261_126))
    #expect(s.drivers.map(\.name) == ["ug_rate", "jc_rate", "pg_share", "ai_growth"])
    #expect(
      s.dataSeries.map(\.name) == ["births", "enroll_jc", "enroll_ug", "enroll_pg", "graduates"])
    #expect(s.dataSeries[0].file == Self.data + "/births.csv" && s.dataSeries[0].scale == 10000)
    #expect(
      s.tracks[0].fields.map(\.field)
        == ["engineering", "computing", "arts", "business", "other"])
    #expect(s.tracks[2].rule == .continuation(from: "bachelor", share: .driver("pg_share")))
    #expect(s.tracks[1].progression == [.number(0.98), .number(0.98), .number(0.99)])
    #expect(
      s.driver(named: "ug_rate")?.form
        == .model(
          formula: "logit(enroll_ug / lag(births, 18)) ~ year", window: .years(2012...2025),
          weights: nil))
    #expect(s.driver(named: "pg_share") == DriverSpec(
      name: "pg_share",
      form: .values([YearValue(year: 2026, value: 0.25), YearValue(year: 2035, value: 0.3)]),
      sd: 0.01))
    #expect(s.sectors[1].demand == .employment(
      base: .number(1e8), growth: .number(0.01), replacement: .number(0.08),
      graduateShare: .number(0.03)))
    #expect(s.sectors[2].demand == .capacity(.inline(
      .values([YearValue(year: 2026, value: 5000), YearValue(year: 2030, value: 20000)]), sd: nil)))
    #expect(s.shocks == [ShockSpec(
      target: .entryRate(track: "bachelor"), from: 2027, to: 2030, operation: .scale,
      value: 1.05, sd: 0.01)])
    #expect(s.expectations.count == 2 && s.expectations[1].key == "bachelor")
    #expect(s.output == OutputDefaults(tables: ["balance", "supply", "demand"], format: .text))
    #expect(s.calibration == CalibrationSpec(graduates: "graduates", years: 2012...2025))
  }

  @Test func extensionMergesOverItsBase() throws {
    let s = try ScenarioLoader.load(path: Self.extended)
    #expect(s.info.name == "china-ai-boom" && s.info.horizon == 10 && s.info.baseYear == 2025)
    // The base's paths resolve against the base's folder, the extension's against its own.
    #expect(s.dataSeries[0].file == Self.data + "/births.csv")
    #expect(s.dataSeries.last?.name == "graduates_alt")
    #expect(s.dataSeries.last?.file == Self.data + "/graduates.csv")
    #expect(s.driver(named: "pg_share")?.form == .values([
      YearValue(year: 2026, value: 0.25), YearValue(year: 2030, value: 0.35),
      YearValue(year: 2035, value: 0.3),
    ]))
    #expect(s.driver(named: "pg_share")?.sd == 0.01)
    #expect(s.driver(named: "ai_growth")?.form == .constant(0.3))
    #expect(s.tracks.map(\.name) == ["junior_college", "bachelor", "master", "doctorate"])
    #expect(s.tracks[2].rule == .continuation(from: "bachelor", share: .number(0.4)))
    #expect(s.sectors.map(\.name) == ["ai_trainer", "other_brands", "direct", "drones"])
    #expect(s.sectors[2].eligibility.map(\.field) == ["arts", "computing"])
    #expect(s.shocks.map(\.targetPath) == ["tracks.bachelor.entry.rate", "sectors.drones.growth"])
  }

  @Test func validTargetsFollowTheScenario() throws {
    let s = try ScenarioLoader.load(path: Self.good)
    let targets = s.validTargets.map(\.path)
    #expect(targets.prefix(10) == [
      "drivers.ug_rate", "drivers.jc_rate", "drivers.pg_share", "drivers.ai_growth",
      "population.births", "population.survival", "tracks.junior_college.entry.rate",
      "tracks.junior_college.progression", "tracks.junior_college.completion",
      "tracks.bachelor.entry.rate",
    ])
    #expect(targets.contains("tracks.master.continuation.share"))
    #expect(!targets.contains("tracks.master.entry.rate"))
    #expect(targets.contains("sectors.direct.capacity"))
    #expect(!targets.contains("sectors.ai_trainer.capacity"))
    #expect(targets.contains("sectors.direct.eligibility.science"))
    #expect(targets.allSatisfy { ShockTarget(path: $0)?.path == $0 })
  }

  struct RoundTripCase: CustomTestStringConvertible, Sendable {
    let name: String
    let path: String
    var testDescription: String { name }
  }

  static let roundTrips = [
    RoundTripCase(name: "good", path: good), RoundTripCase(name: "extension", path: extended),
  ]

  @Test(arguments: roundTrips)
  func resolvedTOMLReloadsToTheSameScenario(_ c: RoundTripCase) throws {
    let s = try ScenarioLoader.load(path: c.path)
    let text = s.resolvedTOML()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("resolved.toml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let reloaded = try ScenarioLoader.load(path: file.path)
    #expect(reloaded == s)
    #expect(reloaded.resolvedTOML() == text)
    #expect(!text.contains("extends"))
  }
}
