import Foundation
import Testing

@testable import Forecast

/// Relative fit windows, anchoring and per-track calibration (MODEL.md 2, 3) on
/// Fixtures/simulation/data/levels.csv, whose yields and trend are known by construction.
@Suite struct FitWindowAnchorTests {
  static func scenario(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
  }

  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1)
  }

  /// `window = n` is base_year − n + 1 … base_year, and rolls with a backtest's origin; an
  /// absolute window keeps its first year and is cut at the origin.
  @Test func windowArithmetic() {
    #expect(FitWindow.last(5).years(baseYear: 2020) == 2016...2020)
    #expect(FitWindow.last(1).years(baseYear: 2020) == 2020...2020)
    #expect(FitWindow.last(5).asOf(origin: 2014).years(baseYear: 2014) == 2010...2014)
    #expect(FitWindow.years(2012...2025).asOf(origin: 2018) == .years(2012...2018))
    #expect(FitWindow.years(2012...2016).asOf(origin: 2018) == .years(2012...2016))
    #expect(FitWindow.years(2016...2020).asOf(origin: 2014) == .years(2016...2016))
  }

  /// Own calibrations: a's graduates are exactly 0.9 × its intake 2 years earlier from 2016
  /// (0.5 before), so `window = 5` (2016-2020) gives 0.9; b's are 0.6 × its intake 3 years
  /// earlier over 2005-2020. Exact data, so 1e-9 relative (a QR solve of ≤ 16 rows).
  @Test func ownCalibrationsRecoverTheirYields() throws {
    let p = try Simulation(scenario: Self.scenario("own-calibration")).run()
    let rows = p.fitRows.filter { $0.model == "calibrate" }
    #expect(rows.map(\.term) == ["a", "b"])
    #expect(close(rows[0].estimate, 0.9) && close(rows[1].estimate, 0.6))
    // a: completion 0.9 / 0.9 = 1, graduates of 2021 = 0.9 × intake of 2019 (1227).
    #expect(close(p.cohort.graduates.value(row: 0, year: 2021), 0.9 * 1227))
    // b: completion 0.6 / 0.8 = 0.75 of the 1.0 × 0.8-carried 2018 intake (900 + 25·18 = 950).
    #expect(close(p.cohort.graduates.value(row: 1, year: 2021), 0.6 * 950))
    // An absolute window across the 2016 break does not recover 0.9.
    var wide = try Self.scenario("own-calibration")
    wide.tracks[0].calibration?.window = .years(2005...2020)
    let mixed = try Simulation(scenario: wide).run().fitRows.first { $0.term == "a" }
    #expect(try #require(mixed?.estimate) < 0.85)
  }

  /// [calibrate] next to an own calibration fits the other tracks on the total minus the own
  /// track's observed graduates: total − a = b exactly, so b's yield is 0.6.
  @Test func jointCalibrationSubtractsOwnTracks() throws {
    let p = try Simulation(scenario: Self.scenario("joint-after-own")).run()
    let b = try #require(p.fitRows.first { $0.model == "calibrate" && $0.term == "b" })
    #expect(close(b.estimate, 0.6))
    #expect(p.fitRows.filter { $0.model == "calibrate" }.count == 2)
  }

  /// The anchor's residual r = y(2020) − x(2020)ᵀβ̂ is added as r (1 − d)^(t − 2020): by hand
  /// from the fit table's coefficients; d = 0 starts at y(2020) + slope, d = 1 is the line.
  @Test(arguments: [0.0, 0.5, 1.0])
  func anchorShiftsTheProjection(decay: Double) throws {
    var s = try Self.scenario("anchored")
    s.drivers[1].anchor = .init(decay: decay)
    let p = try Simulation(scenario: s).run()
    let a = try #require(p.fitRows.first { $0.model == "trend" && $0.term == "(Intercept)" })
    let b = try #require(p.fitRows.first { $0.model == "trend" && $0.term == "year" })
    let r = 150 - (a.estimate + b.estimate * 2020)
    for t in 2021...2025 {
      let line = a.estimate + b.estimate * Double(t)
      let expected = line + r * pow(1 - decay, Double(t - 2020))
      #expect(close(p.cohort.intake.value(row: 0, year: t), expected))
    }
    if decay == 0 {
      #expect(close(p.cohort.intake.value(row: 0, year: 2021), 150 + b.estimate))
    }
  }

  /// On paths the anchor uses each path's coefficients: path p's 2021 value is
  /// y(2020) + β_p,year + σ̂ ε_p, whose mean over paths is y(2020) + β̂_year.
  @Test func anchorOnPathsStartsFromTheObservation() throws {
    var s = try Self.scenario("anchored")
    s.drivers[1].anchor = .init(decay: 0)
    s.info.paths = 512
    let p = try Simulation(scenario: s).run(keepPaths: true)
    let values = p.cohort.intake.values(row: 0, year: 2021)
    let mean = values.reduce(0, +) / Double(values.count)
    // The 2021 value is y(2020) + β_p,year + σ̂ ε: mean 150 + β̂_year, sd about σ̂ (≈ 2.2 on
    // this data); 512 paths put the mean within 4 sd/√512 ≈ 0.4 of it.
    let b = try #require(p.fitRows.first { $0.model == "trend" && $0.term == "year" })
    #expect(abs(mean - (150 + b.estimate)) < 0.5)
  }

  /// The calibration's uncertainty on paths: track a's 2021 graduates come from the intake of
  /// 2019, already observed, so they are y_p · 1227 + e_p, the OLS prediction at x = 1227:
  /// Student t with n − 1 = 4 degrees of freedom, scale s √(1 + x² / Σx²). The share of 4,000
  /// paths inside its 90% interval is 0.9 within 4 binomial sd (√(0.9 · 0.1 / 4000) = 0.0047).
  @Test func calibrationDrawsGiveTheFitsPredictionInterval() throws {
    var s = try Self.scenario("own-calibration-noisy")
    s.info.paths = 4000
    let p = try Simulation(scenario: s).run(keepPaths: true)
    let data = try ScenarioData(scenario: s)
    let grads = try #require(data.series["a_noisy"]?.values)
    let intake = try #require(data.series["a_intake"]?.values)
    let xs = (2016...2020).map { intake[$0 - 2]! }
    let ys = (2016...2020).map { grads[$0]! }
    let sxx = xs.map { $0 * $0 }.reduce(0, +)
    let yHat = zip(xs, ys).map { $0 * $1 }.reduce(0, +) / sxx
    let ssr = zip(xs, ys).map { pow($1 - yHat * $0, 2) }.reduce(0, +)
    let sigma = (ssr / 4).squareRoot()
    let x = 1227.0
    let scale = sigma * (1 + x * x / sxx).squareRoot()
    let t = StudentT(degreesOfFreedom: 4).quantile(0.95)
    let values = p.cohort.graduates.values(row: 0, year: 2021)
    let inside = values.filter { abs($0 - yHat * x) <= t * scale }.count
    let share = Double(inside) / Double(values.count)
    #expect(abs(share - 0.9) < 4 * (0.9 * 0.1 / 4000).squareRoot())
    // The enrolled cohort has spread, and the fit's yield is the central one.
    #expect(values.min()! < yHat * x - scale && values.max()! > yHat * x + scale)
  }

  /// Same scenario and seed, the same bytes whatever the batch size: the calibration's draws
  /// are keyed by path.
  @Test(arguments: [64, 100])
  func calibrationDrawsDoNotDependOnBatches(batchSize: Int) throws {
    let s = try Self.scenario("own-calibration-noisy")
    let whole = try Simulation(scenario: s).run(batchSize: 256, keepPaths: true)
    let split = try Simulation(scenario: s).run(batchSize: batchSize, keepPaths: true)
    for t in whole.years {
      #expect(whole.cohort.graduates.values(row: 0, year: t) == split.cohort.graduates.values(row: 0, year: t))
      #expect(whole.cohort.graduates.values(row: 1, year: t) == split.cohort.graduates.values(row: 1, year: t))
    }
  }
}
