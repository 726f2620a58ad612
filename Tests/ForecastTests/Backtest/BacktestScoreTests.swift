import Foundation
import Testing
@testable import Forecast

/// The probabilistic scores and the per-method summary against hand values and closed forms.
@Suite struct BacktestScoreTests {
  /// Σ_i Σ_j |X_i − X_j| / (2P²) by the double sum.
  static func bruteForceCRPS(_ x: [Double], _ y: Double) -> Double {
    let p = Double(x.count)
    let absolute = x.map { abs($0 - y) }.reduce(0, +) / p
    var spread = 0.0
    for a in x { for b in x { spread += abs(a - b) } }
    return absolute - spread / (2 * p * p)
  }

  @Test func crpsByHand() {
    // One value: the absolute error.
    #expect(Backtest.crps([3], 5) == 2)
    // {0, 1} at 0: mean |X − 0| = 0.5, Σ Σ |X_i − X_j| = 2, / (2·4) = 0.25.
    #expect(Backtest.crps([1, 0], 0) == 0.25)
    // {1, 2, 4} at 2: (1 + 0 + 2)/3 = 1, Σ Σ = 2·(1 + 3 + 2) = 12, / 18: 1 − 2/3.
    #expect(abs(Backtest.crps([4, 1, 2], 2) - 1.0 / 3) < 1e-15)
  }

  @Test func crpsMatchesTheDoubleSum() {
    var generator = SystemRandomNumberGenerator()
    for n in [2, 3, 10, 257] {
      let x = (0..<n).map { _ in Double.random(in: -50...50, using: &generator) }
      for y in [-80.0, 0, 12.5, 80] {
        let fast = Backtest.crps(x, y)
        let slow = Self.bruteForceCRPS(x, y)
        #expect(abs(fast - slow) < 1e-9 * max(1, abs(slow)), "n \(n), y \(y): \(fast) vs \(slow)")
      }
    }
  }

  /// The normal's closed form, σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π] (Gneiting and Raftery 2007),
  /// from 20,000 of its quantiles at the midpoints.
  @Test func crpsOfANormalSample() {
    let normal = Normal()
    let (mu, sigma, n) = (10.0, 2.0, 20_000)
    let sample = (0..<n).map { mu + sigma * normal.quantile((Double($0) + 0.5) / Double(n)) }
    for y in [10.0, 11.0, 15.0] {
      let z = (y - mu) / sigma
      let exact = sigma * (z * (2 * normal.cdf(z) - 1) + 2 * normal.density(z) - 1 / Double.pi.squareRoot())
      #expect(abs(Backtest.crps(sample, y) - exact) < 1e-3, "y \(y)")
    }
  }

  /// Two steps of hand-made forecasts: the summary is the mean over steps of each measure;
  /// with intervals, coverage, Winkler and CRPS are averaged too.
  @Test func summaryIsTheMeanOverSteps() {
    func forecast(_ origin: Int, _ step: Int, _ actual: Double, _ model: Double) -> Backtest.Forecast {
      var f = Backtest.Forecast(origin: origin, step: step, actual: actual, forecasts: [model, actual, actual, actual])
      f.interval = (model - 1)...(model + 1)
      f.crps = abs(model - actual)
      return f
    }
    let result = BacktestResult(
      scenario: "s", series: "y", metric: "graduates", level: 0.9,
      forecasts: [forecast(1, 1, 100, 101), forecast(2, 1, 100, 99), forecast(1, 2, 100, 104), forecast(2, 2, 100, 100)],
      scales: [1: 1, 2: 1])
    let model = try! #require(result.summary.first { $0.method == "model" })
    // step 1: MAE 1, MAPE 1%, coverage 1, Winkler 2, CRPS 1; step 2: MAE 2, MAPE 2%,
    // coverage 0.5, Winkler (2 + 20·3 + 2)/2 = 32, CRPS 2.
    #expect(model.steps == 2 && model.count == 4)
    #expect(abs(model.mae - 1.5) < 1e-12 && abs(model.mape - 1.5) < 1e-12)
    #expect(abs(model.rmse - (1 + 8.0.squareRoot()) / 2) < 1e-12)
    #expect(model.coverage == 0.75 && abs(model.winkler - 17) < 1e-12 && model.crps == 1.5)
    #expect(result.summary.first { $0.method == "naive" }?.mae == 0)
    #expect(result.summary.map(\.method) == Backtest.methods)
    #expect(result.summaryTable.columns.map(\.name) == [
      "method", "steps", "n", "mae", "rmse", "mape", "mase", "coverage", "winkler", "crps",
    ])
  }

  /// With paths (noise on the intake driver) every model forecast carries its CRPS: 0 where
  /// the graduates come from observed intakes (steps 1-2 of a 2-year track, exact), positive
  /// where they come from drawn ones; the tables add a CRPS column.
  @Test func pathsGiveCRPS() throws {
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/monte-carlo.toml").path)
    scenario.info.paths = 40
    let result = try Backtest(scenario: scenario, origins: 2016...2017, horizon: 3, series: "graduates").run()
    #expect(!result.forecasts.isEmpty)
    for f in result.forecasts {
      let crps = try #require(f.crps)
      #expect(f.step < 3 ? abs(crps) < 1e-9 : crps > 0 && crps.isFinite, "origin \(f.origin) step \(f.step): \(crps)")
    }
    #expect(result.accuracyTable.columns.map(\.name).suffix(3) == ["coverage", "winkler", "crps"])
  }
}
