import Foundation
import Testing

@testable import Forecast

/// `[population] births_driver` gives the births of the birth years after base_year; the
/// data series keeps the years up to base_year (MODEL.md 1, 3). The fixture extends
/// `entry.toml`: entry age 5, survival 0.5, rate 0.1 in 2021 rising to 0.2 from 2025, births
/// 2200 in 2020 (data) and a `values` driver of 1000 in 2021 rising to 1800 in 2025.
@Suite struct BirthsDriverTests {
  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
  }

  /// The intake of each projection year, by year.
  static func intakes(_ scenario: Scenario) throws -> [Int: Table.Cell] {
    let supply = try Simulation(scenario: scenario).run().table(.supply)
    var out: [Int: Table.Cell] = [:]
    for row in supply.rows {
      guard case .integer(let year) = supply.cell("year", of: row) else { continue }
      out[year] = supply.cell("intake", of: row)
    }
    return out
  }

  /// I(t) = B(t − 5) · 0.5 · rate(t): birth years up to 2020 from the data, later ones from
  /// the driver, never the file's hidden 2021+ values (2210, ...).
  @Test func theDriverGivesTheBirthsAfterBaseYear() throws {
    let scenario = try Self.load("births-driver")
    #expect(scenario.population?.birthsDriver == "births_low")
    let intake = try Self.intakes(scenario)
    #expect(intake[2021] == .number(2160 * 0.5 * 0.1))  // born 2016: data
    #expect(intake[2025] == .number(2200 * 0.5 * 0.2))  // born 2020: data, not the driver's flat 1000
    #expect(intake[2026] == .number(1000 * 0.5 * 0.2))  // born 2021: driver
    #expect(intake[2028] == .number(1400 * 0.5 * 0.2))  // born 2023: driver, interpolated
    #expect(intake[2030] == .number(1800 * 0.5 * 0.2))  // born 2025: driver
  }

  /// A projected series and a births driver: the driver wins after base_year, so an
  /// extension can replace a baseline's official projection with its own variant.
  @Test func theDriverReplacesAProjectedSeries() throws {
    var scenario = try Self.load("births-driver")
    scenario.dataSeries = scenario.dataSeries.map { var d = $0; d.projected = true; return d }
    let intake = try Self.intakes(scenario)
    #expect(intake[2026] == .number(1000 * 0.5 * 0.2))
    #expect(intake[2030] == .number(1800 * 0.5 * 0.2))
  }

  /// `population.births` shocks the births by birth year, the driver's years included;
  /// `drivers.D` shocks the driver before that.
  @Test func shocksReachTheDriversBirths() throws {
    let base = try Self.load("births-driver")
    let births = try Self.intakes(base.adding(shockLines: ["population.births scale 0.5 2020-2023"]))
    #expect(births[2025] == .number(2200 * 0.5 * 0.5 * 0.2))  // born 2020: data, shocked
    #expect(births[2028] == .number(1400 * 0.5 * 0.5 * 0.2))  // born 2023: driver, shocked
    #expect(births[2029] == .number(1600 * 0.5 * 0.2))  // born 2024: outside the span
    let driver = try Self.intakes(
      base.adding(shockLines: ["drivers.births_low set 500 2024-2024", "population.births add 100 2024-2024"]))
    #expect(driver[2029] == .number(600 * 0.5 * 0.2))
    #expect(driver[2030] == .number(1800 * 0.5 * 0.2))
  }

  /// On a Monte Carlo run the driver's noise is truncated at zero births: its domain is that
  /// of births, and no path is negative.
  @Test func driverNoiseKeepsBirthsNonNegative() throws {
    var scenario = try Self.load("births-driver")
    #expect(scenario.domain(ofDriver: "births_low") == .nonNegative)
    scenario.drivers = scenario.drivers.map { var d = $0; if d.name == "births_low" { d.sd = 2000 }; return d }
    scenario.info.paths = 256
    let projection = try Simulation(scenario: scenario).run()
    let intake = try Self.intakes(scenario)
    guard case .number(let mean)? = intake[2026] else { Issue.record("no intake in 2026"); return }
    // N(1000, 2000²) truncated at 0 has mean 1000 + 2000 φ(−0.5)/(1 − Φ(−0.5)) = 2018 and sd
    // 1395, so the mean of 256 paths is 2018 ± 87; untruncated it would be 1000.
    #expect(abs(mean / (0.5 * 0.2) - 2018) < 350, "\(mean)")
    #expect(projection.warnings.allSatisfy { !$0.contains("population.births") })
  }

  /// A births driver that is not defined is reported at its key path, with the nearest name.
  @Test func anUnknownDriverIsNamed() throws {
    #expect {
      try Self.load("births-driver-unknown")
    } throws: { error in
      let text = "\(error)"
      return text.contains(
        #"population.births_driver: expected a driver defined in [drivers], found "birth_low"; "#
          + #"did you mean "births_low"?"#)
    }
  }

  /// A births driver below zero stops the run with the driver, the birth year, the value and
  /// the entry that reads it.
  @Test func aNegativeDriverIsAnError() throws {
    let scenario = try Self.load("births-driver-negative")
    #expect {
      try Simulation(scenario: scenario).run()
    } throws: { error in
      guard let error = error as? SimulationError,
        case .birthsOutOfDomain("births_low", 2024, -100, "college", 2029) = error
      else { return false }
      return error.message(naming: .library).hasPrefix(
        "population.births_driver: driver 'births_low' gives -100.0 births for 2024, read by "
          + "the entry of track 'college' in 2029; expected a number of births of at least 0")
    }
  }

  /// Births in the data file below zero stop the run as a driver's do, naming the file, the
  /// series and the birth year.
  @Test func negativeBirthsInTheDataAreAnError() throws {
    let folder = try TemporaryFolder("forecast-births")
    defer { folder.remove() }
    let entry = Fixtures.url("simulation/entry.toml").path
    let data = try String(contentsOfFile: Fixtures.url("simulation/data/intake.csv").path, encoding: .utf8)
    let header = data.split(separator: "\n")[0].split(separator: ",").map(String.init)
    let year = try #require(header.firstIndex(of: "year"))
    let births = try #require(header.firstIndex(of: "births"))
    var lines = data.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let row = try #require(lines.firstIndex { $0[year] == "2018" })
    lines[row][births] = "-5"
    let csv = try folder.write("births.csv", lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
    let path = try folder.write(
      "negative.toml",
      "extends = \"\(entry)\"\n[scenario]\nname = \"negative\"\n[data.births]\nfile = \"\(csv)\"\ncolumn = \"births\"\n")
    let scenario = try ScenarioLoader.load(path: path)
    #expect {
      try Simulation(scenario: scenario).run()
    } throws: { error in
      guard let error = error as? SimulationError, case .birthsDataOutOfDomain("births", _, 2018, -5, "college", 2023) = error
      else { return false }
      return error.message(naming: .library).contains(
        "data series 'births' gives -5.0 births for 2018, read by the entry of track 'college' in 2023; "
          + "expected a number of births of at least 0")
    }
  }

  /// A backtest from origin 2018 hides the births of 2019-2020: they come from the driver
  /// (flat at 1000 before its first year), as births after base_year do.
  @Test func aBacktestReadsTheDriverAfterItsOrigin() throws {
    let past = Backtest.asOf(try Self.load("births-driver"), origin: 2018, horizon: 6)
    let intake = try Self.intakes(past)
    // The rate is interpolated between 2021 and 2025: 0.15 in 2023, 0.175 in 2024.
    func value(_ year: Int) -> Double {
      if case .number(let x)? = intake[year] { return x }
      return .nan
    }
    #expect(abs(value(2023) - 2180 * 0.5 * 0.15) < 1e-9)  // born 2018: data
    #expect(abs(value(2024) - 1000 * 0.5 * 0.175) < 1e-9)  // born 2019: driver, not 2190
  }

  /// The resolved TOML keeps the key, and the targets table says where births come from.
  @Test func theResolvedScenarioAndTargetsNameTheDriver() throws {
    let scenario = try Self.load("births-driver")
    #expect(scenario.resolvedTOML().contains("births_driver = \"births_low\""))
    let targets = scenario.targetTable
    let row = try #require(targets.rows.first { targets.cell("target", of: $0) == .text("population.births") })
    #expect(targets.cell("value", of: row) == .text("data series \"births\", then driver \"births_low\""))
  }
}

/// `Scenarios/examples/births-flat.toml`, the example of docs/whatif.md: the baseline with
/// births held at 7.92 million after 2025 and a horizon to 2050.
@Suite struct BirthsFlatExampleTests {
  static let path = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios/examples/births-flat.toml").path

  /// Undergraduate intake by year.
  static func intake(_ scenario: Scenario) throws -> [Int: Double] {
    let supply = try Simulation(scenario: scenario).run().table(.supply)
    var out: [Int: Double] = [:]
    for row in supply.rows where supply.cell("track", of: row) == .text("undergraduate") {
      guard case .integer(let year) = supply.cell("year", of: row),
        case .number(let x) = supply.cell("intake", of: row)
      else { continue }
      out[year] = x
    }
    return out
  }

  /// Its entries of 2044-2050 read the driver's births; those up to 2043 the data's: 20%
  /// fewer births from 2026 leaves 2043 as it is and lowers 2044 on by exactly 20%.
  @Test func entriesAfter2043ReadTheDriver() throws {
    let scenario = try ScenarioLoader.load(path: Self.path)
    #expect(scenario.info.projectionYears == 2026...2050)
    let base = try Self.intake(scenario)
    let low = try Self.intake(scenario.adding(shockLines: ["drivers.births_after_2025 scale 0.8"]))
    let b2043 = try #require(base[2043]), l2043 = try #require(low[2043])
    #expect(b2043 == l2043)
    for year in 2044...2050 {
      let b = try #require(base[year]), l = try #require(low[year])
      #expect(abs(l / b - 0.8) < 1e-12, "\(year)")
    }
  }
}
