import Foundation
import Testing
@testable import Forecast

/// Origins a backtest cannot trust: a calibration rejected for want of fit years, and one
/// whose yield leaves (0, 1.5] (Fixtures/simulation/backtest-*.toml, data
/// backtest-origins.csv: graduates = 0.72 × intake two years earlier, with a gap or an outlier
/// in the calibrated series).
@Suite struct BacktestOriginTests {
  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
  }

  /// A relative window keeps its length and follows the origin; an absolute one is cut there.
  @Test func relativeWindowsRollWithTheOrigin() throws {
    let scenario = try Self.load("backtest-rejected")
    for origin in [2010, 2014, 2017] {
      let past = Backtest.asOf(scenario, origin: origin, horizon: 2)
      let window = try #require(past.calibration?.window)
      #expect(window == .last(3))
      #expect(window.years(baseYear: past.info.baseYear) == (origin - 2)...origin)
      guard case .model(_, let years, _) = past.drivers[0].form else {
        Issue.record("the driver should stay a model")
        return
      }
      #expect(years == .years(2000...origin))
    }
  }

  /// Origins 2012 and 2013 have one fit year for one yield: listed as rejected with the
  /// calibration's message, left out of every method (n = 4 of 6 origins at each step), and
  /// the others score the exact model.
  @Test func rejectedOriginIsListedAndLeftOut() throws {
    let result = try Backtest(
      scenario: Self.load("backtest-rejected"), origins: 2010...2015, horizon: 2, series: "graduates"
    ).run()
    #expect(result.origins.map(\.origin) == Array(2010...2015))
    #expect(result.rejected.map(\.origin) == [2012, 2013])
    #expect(result.implausible.isEmpty && result.hasFailedOrigins)
    #expect(Set(result.forecasts.map(\.origin)) == [2010, 2011, 2014, 2015])
    for a in result.accuracy {
      #expect(a.count == 4)
      if a.method == "model" { #expect(a.mae < 1e-9, "step \(a.step): \(a.mae)") }
    }
    let notes = try #require(result.rejected.first).notes()
    #expect(notes.first?.hasPrefix("left out of every method: ") == true)
    #expect(notes.first?.contains("fewer than the 2 needed for 1 yield") == true, "\(notes)")
    #expect(result.firstRejection.map { if case .simulation(2012, _) = $0 { true } else { false } } == true)
    let table = result.originTable()
    #expect(table.columns.map(\.name) == ["origin", "status", "note"])
    #expect(table.rows.filter { $0[1] == .text("rejected") }.count >= 2)
  }

  /// The outlier of 2016 sits in the 3-year window of origins 2016-2018 only: those are
  /// implausible (yield (806.4·1120 + 813.6·1130 + 4104·1140) / (1120² + 1130² + 1140²)
  /// = 1.697 at 2016), still scored, and carry the calibration's warning; 2015 and 2019 are ok.
  @Test func implausibleYieldIsFlaggedAndScored() throws {
    let result = try Backtest(
      scenario: Self.load("backtest-implausible"), origins: 2015...2019, horizon: 1, series: "graduates"
    ).run()
    #expect(result.implausible.map(\.origin) == [2016, 2017, 2018])
    #expect(result.rejected.isEmpty)
    #expect(result.forecasts.count == 5)
    let first = try #require(result.implausible.first)
    guard case .implausible(let yields) = first.status else {
      Issue.record("origin 2016 should be implausible")
      return
    }
    let cross: Double = 806.4 * 1120 + 813.6 * 1130 + 4104 * 1140
    let squares: Double = 1120 * 1120 + 1130 * 1130 + 1140 * 1140
    let expected = cross / squares
    #expect(yields.count == 1 && yields[0].track == "college" && abs(yields[0].yield - expected) < 1e-9)
    #expect(first.warnings.contains { $0.contains("outside (0, 1]") })
    #expect(first.notes().first == "calibrated yield of track 'college' is 1.697, outside (0, 1.5]")
    let ok = try #require(result.origins.first { $0.origin == 2015 })
    #expect(ok.status == .ok && ok.notes() == ok.warnings)
    #expect(!ok.warnings.contains { $0.contains("outside") })
    // A stricter bound flags nothing more here; a looser one clears the three.
    let loose = try Backtest(
      scenario: Self.load("backtest-implausible"), origins: 2015...2019, horizon: 1,
      series: "graduates", maximumYield: 2
    ).run()
    #expect(loose.implausible.isEmpty)
  }

  /// Any data series may be scored: against the gapped series the steps landing on 2011 and
  /// 2012 have nothing to be scored against.
  @Test func anySeriesCanBeScored() throws {
    let scenario = try Self.load("backtest-rejected")
    let observed = try Backtest(scenario: scenario, origins: 2009...2010, horizon: 2, series: "observed").run()
    #expect(observed.forecasts.map { $0.origin + $0.step } == [2010])
    let intake = try Backtest(scenario: scenario, origins: 2009...2010, horizon: 2, series: "intake").run()
    #expect(intake.forecasts.count == 4)
    // Intake grows by 10 a year: the naive forecast misses by 10 at step 1 and 20 at step 2.
    let naive = intake.accuracy.filter { $0.method == "naive" }.map(\.mae)
    #expect(naive.count == 2 && abs(naive[0] - 10) < 1e-9 && abs(naive[1] - 20) < 1e-9, "\(naive)")
    #expect(throws: BacktestError.unknownSeries("observd", series: ["intake", "graduates", "observed"])) {
      try Backtest(scenario: scenario, origins: 2009...2010, horizon: 2, series: "observd").run()
    }
    let message = BacktestError.unknownSeries("observd", series: ["intake", "graduates", "observed"]).description
    #expect(message.hasSuffix("did you mean 'observed'?"), "\(message)")
  }
}
