import Foundation
import Testing
@testable import Forecast

/// A backtest on a series with known dynamics (Fixtures/simulation/linear.toml): graduates
/// grow by exactly 7.2 a year and the model projects them without error, so the model, drift
/// and trend errors are rounding (< 1e-9) and the naive forecast misses by 7.2·h: MAE 7.2·h,
/// MASE h (the in-sample one-step change is 7.2).
@Suite struct BacktestTests {
  @Test func recoversKnownErrors() throws {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/linear.toml").path)
    let result = try Backtest(
      scenario: scenario, origins: 2010...2015, horizon: 3, series: "graduates"
    ).run()
    #expect(result.forecasts.count == 6 * 3)
    for a in result.accuracy {
      #expect(a.count == 6)
      if a.method == "naive" {
        #expect(abs(a.mae - 7.2 * Double(a.step)) < 1e-9)
        #expect(abs(a.rmse - 7.2 * Double(a.step)) < 1e-9)
        #expect(abs(a.mase - Double(a.step)) < 1e-9)
      } else {
        #expect(a.mae < 1e-9, "\(a.method) step \(a.step): \(a.mae)")
      }
    }
  }

  /// Data after the origin are hidden: the origin's fit window is cut there.
  @Test func originHidesLaterData() throws {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/linear.toml").path)
    let past = Backtest.asOf(scenario, origin: 2012, horizon: 3)
    #expect(past.info.baseYear == 2012 && past.info.horizon == 3)
    guard case .model(_, let years, _) = past.drivers[0].form else {
      Issue.record("the driver should stay a model")
      return
    }
    #expect(years == .years(2000...2012))
  }

  /// Coverage and Winkler score (α = 0.1, so misses cost 20 × the distance) on four hand-made
  /// forecasts: inside, inside, 1 below, 2 above, each interval 10 wide.
  @Test func intervalsAreScoredByCoverageAndWinkler() {
    func forecast(_ origin: Int, _ actual: Double, _ l: Double, _ u: Double) -> Backtest.Forecast {
      var f = Backtest.Forecast(origin: origin, step: 1, actual: actual, forecasts: [actual, 0, 0, 0])
      f.interval = l...u
      return f
    }
    let result = BacktestResult(
      scenario: "s", series: "y", metric: "graduates", level: 0.9,
      forecasts: [forecast(1, 5, 0, 10), forecast(2, 10, 0, 10), forecast(3, -1, 0, 10), forecast(4, 12, 0, 10)],
      scales: [1: 1, 2: 1, 3: 1, 4: 1])
    let model = result.accuracy.first { $0.method == "model" }
    #expect(model?.coverage == 0.5)
    // (10 + 10 + (10 + 20·1) + (10 + 20·2)) / 4 = 25
    #expect(abs((model?.winkler ?? 0) - 25) < 1e-12)
    #expect(result.accuracy.first { $0.method == "naive" }?.coverage.isNaN == true)
    #expect(result.accuracyTable.columns.map(\.name).suffix(3) == ["coverage", "winkler", "crps"])
    #expect(result.forecastTable.columns.map(\.name).suffix(2) == ["lower", "upper"])
  }

  /// With paths, each forecast carries the paths' interval around the mean.
  @Test func pathsGiveIntervals() throws {
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/linear.toml").path)
    scenario.info.paths = 50
    let result = try Backtest(
      scenario: scenario, origins: 2010...2011, horizon: 2, series: "graduates", level: 0.8
    ).run()
    #expect(result.hasIntervals)
    for f in result.forecasts {
      let interval = try #require(f.interval)
      #expect(interval.lowerBound <= f.forecasts[0] + 1e-9 && f.forecasts[0] <= interval.upperBound + 1e-9)
    }
    #expect(throws: BacktestError.invalidLevel(1)) {
      try Backtest(scenario: scenario, origins: 2010...2010, horizon: 1, series: "graduates", level: 1).run()
    }
  }

  @Test func benchmarksFollowTheirDefinitions() {
    let history = [2018: 10.0, 2019: 12.0, 2020: 15.0]
    let b = Backtest.benchmarks(history: history, origin: 2020, horizon: 2)
    #expect(b[0][0] == 15 && b[1][0] == 15)  // naive
    #expect(b[0][1] == 17.5 && b[1][1] == 20)  // drift: slope (15 − 10)/2
    #expect(abs(b[0][2] - 17.3333333333333) < 1e-9)  // trend: 12.333 + 2.5·(year − 2019)
    #expect(Backtest.naiveScale(history) == 2.5)
  }

  @Test func originsAreOneYearOrARange() throws {
    #expect(try Backtest.origins(parsing: "2015") == 2015...2015)
    #expect(try Backtest.origins(parsing: "2012...2020") == 2012...2020)
    #expect(try Backtest.origins(parsing: "2012:2020") == 2012...2020)
    for bad in ["2020...2012", "2012..2020", "", "2012...", "twenty", "2012...1000000000000",
      "2012...9223372036854775807", "-9223372036854775808...2012", "99999"] {
      #expect(throws: BacktestError.invalidOrigins(bad)) { try Backtest.origins(parsing: bad) }
    }
  }

  /// Bad options name themselves (not "calibrate:", not "file ?") and the valid choices; a
  /// horizon past the last observation is refused before any run (10^6 must not hang).
  @Test func badOptionsAreNamed() throws {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/linear.toml").path)
    func error(_ origins: ClosedRange<Int>, _ horizon: Int, _ series: String, _ metric: String) -> BacktestError? {
      do {
        _ = try Backtest(scenario: scenario, origins: origins, horizon: horizon, series: series, metric: metric).run()
        return nil
      } catch {
        return error
      }
    }
    let metric = error(2010...2012, 2, "graduates", "graduate")
    #expect(metric == .unknownMetric("graduate", metrics: BalanceMetric.names))
    #expect(metric?.message(naming: .flags).hasPrefix("--metric: expected a balance column (graduates, new_supply,") == true)
    #expect(metric?.description.hasSuffix("found 'graduate'; did you mean 'graduates'?") == true)
    #expect(error(2010...2012, 2, "grads", "graduates") == .unknownSeries("grads", series: ["intake", "graduates"]))
    // linear.csv is observed through 2030: from 2010, 20 steps at most.
    #expect(
      error(2010...2012, 1_000_000, "graduates", "graduates")
        == .horizonTooLong(horizon: 1_000_000, maximum: 20, series: "graduates", lastObserved: 2030, firstOrigin: 2010))
    #expect(error(2010...2012, 0, "graduates", "graduates") == .horizonTooShort(0))
    #expect(
      error(2030...2032, 1, "graduates", "graduates")
        == .originsAfterObservations(origins: 2030...2032, series: "graduates", lastObserved: 2030))
    #expect(
      error(1000...2012, 2, "graduates", "graduates")
        == .originsBeforeObservations(origins: 1000...2012, series: "graduates", firstObserved: 2002, horizon: 2))
    // The last origin needs an observation after it too; horizons and yields at the extremes
    // are refused before any run, never an overflow.
    #expect(
      error(2012...2040, 1, "graduates", "graduates")
        == .originsAfterObservations(origins: 2012...2040, series: "graduates", lastObserved: 2030))
    #expect(
      error(2010...2012, Int.max, "graduates", "graduates")
        == .horizonTooLong(horizon: Int.max, maximum: 20, series: "graduates", lastObserved: 2030, firstOrigin: 2010))
    for yield in [Double.nan, 0, -1, .infinity] {
      #expect(throws: BacktestError.self) {
        _ = try Backtest(scenario: scenario, origins: 2010...2012, horizon: 2, series: "graduates", maximumYield: yield).run()
      }
    }
    #expect(BacktestError.invalidMaximumYield(0).message(naming: .flags).hasPrefix("--max-yield: expected a finite number above 0"))
    let single = try Backtest(scenario: scenario, origins: 2015...2015, horizon: 20 - 5, series: "graduates").run()
    #expect(single.forecasts.count == 15)
  }
}
