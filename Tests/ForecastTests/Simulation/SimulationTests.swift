import Foundation
import Testing
@testable import Forecast

/// Scenario runs against closed forms (Fixtures/simulation, synthetic data made by hand).
/// Tolerance 1e-9 relative: a handful of products and sums of exact small numbers.
@Suite struct SimulationTests {
  static func run(_ name: String) throws -> Projection {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
    return try Simulation(scenario: scenario).run()
  }

  func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1) }

  /// One track, intake I = 1000, p = 0.9, c = 0.8, duration 2: enrolled = I(1 + p) = 1900,
  /// graduates = c·p·I = 720 every year.
  @Test func steadyStateIsAnalytic() throws {
    let p = try Self.run("steady")
    for t in p.years {
      #expect(close(p.cohort.intake.value(row: 0, year: t), 1000))
      #expect(close(p.cohort.enrolled.value(row: 0, year: t), 1900))
      #expect(close(p.cohort.graduates.value(row: 0, year: t), 720))
    }
  }

  /// Demand: E(t) = 10000·1.1^(t−2020); openings = growth + 5% replacement; capacity half.
  /// Matching: science 180 into lab (capacity ≥ 750), arts 540 × 0.5 eligible into studio's 100.
  @Test func demandAndMatchingFollowTheirFormulas() throws {
    let p = try Self.run("steady")
    for t in p.years {
      let e = 10000 * pow(1.1, Double(t - 2020))
      let previous = e / 1.1
      #expect(close(p.demand.employment.value(row: 0, year: t), e))
      #expect(close(p.demand.openings.value(row: 0, year: t), e - previous + 0.05 * previous))
      #expect(close(p.demand.capacity.value(row: 0, year: t), 0.5 * (e - previous + 0.05 * previous)))
      #expect(p.demand.employment.value(row: 1, year: t).isNaN)
      #expect(close(p.balance(.placed, year: t), 180 + 100))
      #expect(close(p.balance(.unplaced, year: t), 720 - 280))
      #expect(close(p.balance(.graduates, year: t), 720) && close(p.balance(.newSupply, year: t), 720))
    }
  }

  @Test func shocksApplyInTheirYears() throws {
    let p = try Self.run("shocked")
    // drivers.flat × 1.5 in 2022 only: that cohort graduates in 2024.
    #expect(close(p.cohort.intake.value(row: 0, year: 2022), 1500))
    #expect(close(p.cohort.graduates.value(row: 0, year: 2024), 1080))
    #expect(close(p.cohort.graduates.value(row: 0, year: 2025), 720))
    // sectors.lab.growth set to 0 from 2023: employment flat from 2022's level.
    let e2022 = p.demand.employment.value(row: 0, year: 2022)
    #expect(close(p.demand.employment.value(row: 0, year: 2025), e2022))
    #expect(close(p.demand.openings.value(row: 0, year: 2025), 0.05 * e2022))
    // studio capacity + 50 in 2021 only.
    #expect(close(p.demand.capacity.value(row: 1, year: 2021), 150))
    #expect(close(p.demand.capacity.value(row: 1, year: 2022), 100))
  }

  /// graduates = 0.72 × intake two years earlier, so the yield is 0.72 and the completion
  /// 0.72 / 0.9 = 0.8, whatever the scenario's own completion (0.5) says.
  @Test func calibrationRecoversTheYield() throws {
    let p = try Self.run("calibrated")
    let row = try #require(p.fitRows.first { $0.model == "calibrate" })
    #expect(row.term == "college" && close(row.estimate, 0.72))
    #expect(close(p.cohort.graduates.value(row: 0, year: 2025), 720))
    #expect(p.warnings.contains { $0.contains("fits exactly") })
  }

  /// A noisy shock on the driver that gives the progression rate, from the base year: the
  /// calibration takes it at its central value, once per run, whatever the batches.
  @Test(arguments: [64, 200])
  func calibrationTakesDriverShocksAtTheirCentralValue(batchSize: Int) throws {
    let scenario = try ScenarioLoader.load(
      path: Fixtures.url("simulation/calibrated-noisy-driver.toml").path)
    let p = try Simulation(scenario: scenario).run(batchSize: batchSize)
    let row = try #require(p.fitRows.first { $0.model == "calibrate" })
    #expect(close(row.estimate, 0.72))
    #expect(!p.warnings.contains { $0.contains("completion rate") })
    // Graduates of 2021: c · S₂(2020) = 0.8 · (0.9 · s_p) · 1000, s_p = 1 + 0.1 z_p the
    // path's shock draw; c is the calibrated 0.8 on every path.
    let z = RandomSource("shocks.drivers.prog#0").normals(seed: 7, paths: 0..<200, count: 1)
    for path in [0, 63, 64, 199] {
      let s = 1 + 0.1 * z[0, path]
      #expect(close(p.cohort.graduates.value(row: 0, year: 2021, path: path), 720 * s))
    }
  }

  /// intake(t) = births(t − 5) · 0.5 · rate(t), rate interpolated from 0.1 (2021) to 0.2 (2025).
  @Test func populationEntry() throws {
    let p = try Self.run("entry")
    for t in p.years {
      let births = 2000 + 10 * Double(t - 5 - 2000)
      let rate = 0.1 + 0.1 * Double(t - 2021) / 4
      #expect(close(p.cohort.intake.value(row: 0, year: t), births * 0.5 * rate))
    }
  }

  @Test func negativeCapacityIsAnError() throws {
    let scenario = try ScenarioLoader.load(
      path: Fixtures.url("simulation/negative-capacity.toml").path)
    #expect(throws: SimulationError.self) { try Simulation(scenario: scenario).run() }
    do {
      _ = try Simulation(scenario: scenario).run()
    } catch {
      #expect(error.description.contains("studio") && error.description.contains("2024"))
    }
  }

  /// Every table has the MODEL.md 9 columns and one row per year (× key).
  @Test func tablesHaveTheContractColumns() throws {
    let p = try Self.run("steady")
    let expected: [RunTable: [String]] = [
      .supply: ["year", "track", "intake", "enrolled", "graduates", "continuing", "new_supply"],
      .demand: ["year", "sector", "employment", "openings", "capacity"],
      .balance: [
        "year", "graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies",
        "coverage",
      ],
      .matching: ["year", "field", "sector", "placed"],
      .fit: ["model", "term", "estimate", "std_error", "t", "p_value"],
    ]
    for (name, columns) in expected {
      #expect(p.table(name).columns.map(\.name) == columns, "\(name)")
    }
    #expect(p.table(.balance).rows.count == 5)
    #expect(p.table(.matching).rows.count == 5 * 2 * 2)
    #expect(p.table(.fit).rows.isEmpty)
  }
}

@Suite struct ModelDriverTests {
  @Test func modelDriverProjectsItsFittedLine() throws {
    let p = try SimulationTests.run("model-driver")
    for t in p.years {
      let expected = 2000 + 10 * Double(t - 2000)
      #expect(abs(p.cohort.intake.value(row: 0, year: t) - expected) <= 1e-9 * expected)
    }
    let terms = p.fitRows.filter { $0.model == "trend" }.map(\.term)
    #expect(terms == ["(Intercept)", "year"])
  }
}
