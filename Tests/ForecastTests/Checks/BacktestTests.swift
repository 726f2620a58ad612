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
    #expect(years == 2000...2012)
  }

  @Test func benchmarksFollowTheirDefinitions() {
    let history = [2018: 10.0, 2019: 12.0, 2020: 15.0]
    let b = Backtest.benchmarks(history: history, origin: 2020, horizon: 2)
    #expect(b[0][0] == 15 && b[1][0] == 15)  // naive
    #expect(b[0][1] == 17.5 && b[1][1] == 20)  // drift: slope (15 − 10)/2
    #expect(abs(b[0][2] - 17.3333333333333) < 1e-9)  // trend: 12.333 + 2.5·(year − 2019)
    #expect(Backtest.naiveScale(history) == 2.5)
  }
}
