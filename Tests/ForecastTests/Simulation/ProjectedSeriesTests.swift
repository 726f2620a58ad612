import Foundation
import Testing

@testable import Forecast

/// A data series marked `projected = true` keeps its years after base_year for population
/// entry and model drivers' right-hand sides, never for fits (MODEL.md 1).
@Suite struct ProjectedSeriesTests {
  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
  }

  /// Entry in 2030 reads births of 2025, after base_year 2020: I = B(2025) · s · rate, with
  /// B(2025) = 2250 in the file, s = 0.5 and rate 0.2 (the values driver, flat after 2025).
  @Test func entryReadsProjectedBirths() throws {
    let scenario = try Self.load("projected-births")
    #expect(scenario.dataSeries.first { $0.name == "births" }?.projected == true)
    let projection = try Simulation(scenario: scenario).run()
    let supply = projection.table(.supply)
    let row = try #require(supply.rows.first { supply.cell("year", of: $0) == .integer(2030) })
    #expect(supply.cell("intake", of: row) == .number(2250 * 0.5 * 0.2))
    #expect(RunMetadata(projection: projection).json.contains("\"projected_series\": [\"births\"]"))
  }

  /// Without `projected`, the same horizon is an error that says the year is in the file but
  /// after base_year, and how to use it.
  @Test func aLaterYearOfAnOrdinarySeriesSaysSo() throws {
    var scenario = try Self.load("projected-births")
    scenario.dataSeries = scenario.dataSeries.map { var d = $0; d.projected = false; return d }
    #expect {
      try Simulation(scenario: scenario).run()
    } throws: { error in
      guard case SimulationError.afterBaseYear(let series, let year, _, _) = error else { return false }
      let message = (error as! SimulationError).message(naming: .library)
      return series == "births" && year == 2021 && message.contains("projected = true")
        && message.contains("after base_year")
    }
  }

  /// A fit on the projected series sees only its observed years: the same coefficients
  /// whether or not the series is marked projected.
  @Test func fitsNeverSeeProjectedValues() throws {
    var scenario = try Self.load("projected-births")
    scenario.drivers.append(
      DriverSpec(name: "trend", form: .model(formula: "births ~ year", window: .last(5), weights: nil)))
    let projected = try Simulation(scenario: scenario).run().table(.fit)
    scenario.dataSeries = scenario.dataSeries.map { var d = $0; d.projected = false; return d }
    scenario.info.horizon = 5
    let observed = try Simulation(scenario: scenario).run().table(.fit)
    #expect(projected.rows == observed.rows)
    #expect(!projected.rows.isEmpty)
  }

  /// A shock on `population.births` moves the births of the birth years it spans.
  @Test func birthsAreAShockTarget() throws {
    let base = try Self.load("projected-births")
    let shocked = try base.adding(shockLines: ["population.births scale 0.5 2025"])
    let intake = { (s: Scenario) throws -> Table.Cell in
      let supply = try Simulation(scenario: s).run().table(.supply)
      let row = try #require(supply.rows.first { supply.cell("year", of: $0) == .integer(2030) })
      return supply.cell("intake", of: row)
    }
    #expect(try intake(shocked) == .number(2250 * 0.5 * 0.5 * 0.2))
    #expect(base.validTargets.contains(.births))
    #expect(ShockTarget(path: "population.births") == .births)
  }

  /// A backtest hides a projected series' values after the origin like any other data.
  @Test func aBacktestHidesProjectionsAfterTheOrigin() throws {
    let scenario = try Self.load("projected-births")
    let asOf = Backtest.asOf(scenario, origin: 2018, horizon: 2)
    #expect(asOf.dataSeries.allSatisfy { !$0.projected })
  }
}
