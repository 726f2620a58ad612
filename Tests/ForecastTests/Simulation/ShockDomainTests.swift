import Testing

@testable import Forecast

/// A shock that moves a parameter's central value out of its domain (MODEL.md 7) is an error
/// naming the target, the year, the value and the domain, on every run, with paths or without.
@Suite struct ShockDomainTests {
  static func shocked(_ line: String) throws -> Scenario {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/projected-births.toml").path)
    return try scenario.adding(shockLines: [line])
  }

  static func message(_ line: String, paths: Int = 1) throws -> String? {
    let scenario = try shocked(line)
    do {
      _ = try Simulation(scenario: scenario).run(paths: paths)
      return nil
    } catch {
      return error.message(naming: .library)
    }
  }

  @Test(arguments: [1, 50])
  func aRateSetAboveOneIsAnError(paths: Int) throws {
    let text = try #require(try Self.message("tracks.college.entry.rate set 1.5 2023", paths: paths))
    #expect(text.contains("tracks.college.entry.rate"))
    #expect(text.contains("1.5 in 2023"))
    #expect(text.contains("outside its domain [0, 1]"))
  }

  @Test func negativeBirthsAreAnError() throws {
    let text = try #require(try Self.message("population.births set -1 2021"))
    #expect(text.contains("population.births"))
    #expect(text.contains("-1 in 2021"))
    #expect(text.contains("[0, inf]"))
  }

  @Test func aShockInsideTheDomainRuns() throws {
    #expect(try Self.message("tracks.college.entry.rate set 0.9 2023") == nil)
  }

  /// A shock whose years miss every projection year changes nothing, and says so.
  @Test func aShockOutsideTheProjectionWarns() throws {
    let projection = try Simulation(scenario: try Self.shocked("tracks.college.entry.rate scale 2 3000-3001")).run()
    #expect(projection.warnings.contains { $0.contains("tracks.college.entry.rate: a shock on 3000-3001 changes nothing") })
    let inside = try Simulation(scenario: try Self.shocked("tracks.college.entry.rate scale 0.5 2025")).run()
    #expect(!inside.warnings.contains { $0.contains("changes nothing") })
  }

  /// A births shock is by birth year: one on birth years no entry of the projection reads
  /// (the default span, base_year + 1 on, with an entry age beyond the horizon) says so.
  @Test func aBirthsShockOnUnreadBirthYearsWarns() throws {
    let scenario = try Self.shocked("population.births scale 0.5 2100-2101")
    let projection = try Simulation(scenario: scenario).run()
    let years = scenario.info.projectionYears
    #expect(projection.warnings.contains {
      $0.hasPrefix("population.births: a shock on 2100-2101 changes nothing: it is by birth year, and the entries of "
        + "\(years.lowerBound)-\(years.upperBound) read the births of \(years.lowerBound - 5)-\(years.upperBound - 5)")
    })
    let read = try Simulation(scenario: try Self.shocked("population.births scale 0.5 \(years.lowerBound - 5)")).run()
    #expect(!read.warnings.contains { $0.contains("changes nothing") })
  }
}
