import Foundation

/// A backtest: the scenario re-run as if each origin were its base year (data after
/// the origin hidden from drivers and calibration, fit windows cut at the origin), projected
/// `horizon` years and compared with what was observed, next to three benchmarks.
///
/// Benchmarks from the last observed values up to the origin o (Hyndman and Athanasopoulos,
/// *Forecasting: Principles and Practice*, 5.2; the BLS scores its projections against a
/// linear trend):
///
///     naive   ŷ(o+h) = y(o)
///     drift   ŷ(o+h) = y(o) + h · (y(o) − y(first)) / (o − first)
///     trend   OLS of y on year over o−9 … o, extended to o+h
///
/// Measures per horizon step h over the origins with an observation at o+h: MAE, RMSE, MAPE
/// (percent) and MASE, the absolute error scaled by the mean absolute one-step change of the
/// series up to each origin (the in-sample naive error, as R's `accuracy`).
///
/// With paths (P > 1) the model's forecast is the mean over paths, and its interval at `level`
/// runs between the paths' type-7 quantiles at (1 − level)/2 and (1 + level)/2. Per step:
/// coverage, the share of observations inside their interval, and the mean Winkler score
/// (Winkler 1972; Hyndman and Athanasopoulos 5.9), α = 1 − level:
///
///     W = (u − l) + (2/α)(l − y) if y < l,   (u − l) if l ≤ y ≤ u,   (u − l) + (2/α)(y − u) if y > u
public struct Backtest: Sendable {
  public let scenario: Scenario
  public let origins: ClosedRange<Int>
  public let horizon: Int
  /// The data series holding the observed values.
  public let series: String
  /// The balance column compared with it.
  public let metric: String

  /// The central probability of the model's interval (with paths).
  public let level: Double

  public init(
    scenario: Scenario, origins: ClosedRange<Int>, horizon: Int, series: String,
    metric: String = BalanceMetric.graduates.rawValue, level: Double = 0.9
  ) {
    self.scenario = scenario
    self.origins = origins
    self.horizon = horizon
    self.series = series
    self.metric = metric
    self.level = level
  }

  /// One forecast of one origin and step, with the benchmarks' forecasts.
  public struct Forecast: Sendable, Equatable {
    public let origin: Int
    public let step: Int
    public let actual: Double
    /// Forecasts by method: model, naive, drift, trend.
    public let forecasts: [Double]
    /// The model's interval from its paths; nil for a run with one path.
    public var interval: ClosedRange<Double>? = nil
  }

  public static let methods = ["model", "naive", "drift", "trend"]

  /// Origins as the command line gives them: one year (`2015`) or a range (`2012...2020`,
  /// `2012:2020`).
  public static func origins(parsing text: String) throws(BacktestError) -> ClosedRange<Int> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let year = Int(trimmed) { return year...year }
    let parts = trimmed.replacingOccurrences(of: "...", with: ":").split(
      separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
      let last = Int(parts[1].trimmingCharacters(in: .whitespaces)), first <= last
    else { throw .invalidOrigins(text) }
    return first...last
  }

  /// - Throws: `BacktestError` for a metric, series, origins or horizon that cannot be scored
  ///   (the horizon may reach at most the last observation from the first origin), or a run
  ///   that fails at an origin.
  public func run() throws(BacktestError) -> BacktestResult {
    guard let chosen = BalanceMetric(rawValue: metric) else {
      throw .unknownMetric(metric, metrics: BalanceMetric.names)
    }
    guard horizon >= 1 else { throw .horizonTooShort(horizon) }
    guard level > 0 && level < 1 else { throw .invalidLevel(level) }
    guard let spec = scenario.dataSeries(named: series) else {
      throw .unknownSeries(series, series: scenario.dataSeries.map(\.name))
    }
    let all: ScenarioData
    do { all = try ScenarioData(scenario: scenario, through: Int.max) } catch {
      throw .simulation(origin: origins.lowerBound, error)
    }
    guard let observed = all.series[series]?.values, let lastObserved = observed.keys.max() else {
      throw .noObservations(series: series, file: spec.file)
    }
    guard origins.lowerBound < lastObserved else {
      throw .originsAfterObservations(origins: origins, series: series, lastObserved: lastObserved)
    }
    // Steps after the last observation have nothing to be scored against; capping the horizon
    // there also bounds each run (a horizon of 10^6 years would take hours).
    let maximum = lastObserved - origins.lowerBound
    guard horizon <= maximum else {
      throw .horizonTooLong(
        horizon: horizon, maximum: maximum, series: series, lastObserved: lastObserved,
        firstOrigin: origins.lowerBound)
    }
    var forecasts: [Forecast] = []
    for origin in origins {
      let projection: Projection
      do {
        projection = try Simulation(scenario: Self.asOf(scenario, origin: origin, horizon: horizon)).run(keepPaths: false)
      } catch {
        throw .simulation(origin: origin, error)
      }
      let history = observed.filter { $0.key <= origin }
      let benchmarks = Self.benchmarks(history: history, origin: origin, horizon: horizon)
      for step in 1...horizon {
        guard let actual = observed[origin + step] else { continue }
        let model = projection.balance(chosen, year: origin + step)
        var forecast = Forecast(
          origin: origin, step: step, actual: actual, forecasts: [model] + benchmarks[step - 1])
        if projection.paths > 1 {
          let bounds = Quantiles.type7(
            projection.balanceValues(chosen, year: origin + step),
            levels: [(1 - level) / 2, (1 + level) / 2])
          if bounds.allSatisfy(\.isFinite) { forecast.interval = bounds[0]...bounds[1] }
        }
        forecasts.append(forecast)
      }
    }
    return BacktestResult(
      scenario: scenario.info.name, series: series, metric: metric, level: level,
      forecasts: forecasts,
      scales: Dictionary(uniqueKeysWithValues: origins.map { o in
        (o, Self.naiveScale(observed.filter { $0.key <= o }))
      }))
  }

  /// The scenario as it would have been run at `origin`: base year moved, relative fit windows
  /// rolled with it, absolute ones cut at it (MODEL.md 11).
  static func asOf(_ scenario: Scenario, origin: Int, horizon: Int) -> Scenario {
    var s = scenario
    s.info.baseYear = origin
    s.info.horizon = horizon
    s.expectations = []
    s.drivers = s.drivers.map { driver in
      var d = driver
      if case .model(let formula, let window, let weights) = d.form {
        d.form = .model(formula: formula, window: window.asOf(origin: origin), weights: weights)
      }
      return d
    }
    if let window = s.calibration?.window { s.calibration?.window = window.asOf(origin: origin) }
    for k in s.tracks.indices {
      if let window = s.tracks[k].calibration?.window {
        s.tracks[k].calibration?.window = window.asOf(origin: origin)
      }
    }
    return s
  }

  /// Naive, drift and 10-year trend forecasts for steps 1...horizon.
  static func benchmarks(history: [Int: Double], origin: Int, horizon: Int) -> [[Double]] {
    let last = history[origin] ?? .nan
    let first = history.keys.min() ?? origin
    let slope = origin > first ? (last - (history[first] ?? .nan)) / Double(origin - first) : .nan
    let window = ((origin - 9)...origin).filter { history[$0] != nil }
    var trend: (Double, Double) = (.nan, .nan)
    if window.count >= 2 {
      let design = Matrix(columns: [window.map { _ in 1.0 }, window.map(Double.init)])
      let model = LinearModel(
        design: design, response: window.map { history[$0] ?? .nan }, hasIntercept: true)
      if let fit = try? model.fit(), fit.aliasedTerms.isEmpty {
        trend = (fit.estimates[0], fit.estimates[1])
      }
    }
    return (1...horizon).map { h in
      [last, last + Double(h) * slope, trend.0 + trend.1 * Double(origin + h)]
    }
  }

  /// Mean absolute one-step change of the series (consecutive years only).
  static func naiveScale(_ history: [Int: Double]) -> Double {
    let changes = history.keys.sorted().compactMap { t -> Double? in
      guard let a = history[t], let b = history[t - 1] else { return nil }
      return abs(a - b)
    }
    return changes.isEmpty ? .nan : changes.reduce(0, +) / Double(changes.count)
  }
}

/// The forecasts of a backtest and their accuracy per step and method.
public struct BacktestResult: Sendable {
  public let scenario: String
  public let series: String
  public let metric: String
  /// The central probability of the model's intervals.
  public let level: Double
  public let forecasts: [Backtest.Forecast]
  /// MASE scale per origin.
  public let scales: [Int: Double]

  /// Accuracy of one method at one step.
  public struct Accuracy: Sendable, Equatable {
    public let step: Int
    public let method: String
    public let count: Int
    public let mae: Double
    public let rmse: Double
    public let mape: Double
    public let mase: Double
    /// The model's interval coverage (0...1) and mean Winkler score; NaN for the benchmarks
    /// and for a run with one path.
    public var coverage: Double = .nan
    public var winkler: Double = .nan
  }

  /// The Winkler score of interval l...u for observation y at central probability `level`.
  public static func winkler(_ interval: ClosedRange<Double>, _ y: Double, level: Double) -> Double {
    let alpha = 1 - level
    let (l, u) = (interval.lowerBound, interval.upperBound)
    let width = u - l
    if y < l { return width + 2 / alpha * (l - y) }
    if y > u { return width + 2 / alpha * (y - u) }
    return width
  }

  public var accuracy: [Accuracy] {
    let steps = Set(forecasts.map(\.step)).sorted()
    var out: [Accuracy] = []
    for step in steps {
      let rows = forecasts.filter { $0.step == step }
      for (m, method) in Backtest.methods.enumerated() {
        let errors = rows.map { $0.forecasts[m] - $0.actual }
        let n = Double(errors.count)
        let mae = errors.map(abs).reduce(0, +) / n
        let rmse = (errors.map { $0 * $0 }.reduce(0, +) / n).squareRoot()
        let mape = zip(errors, rows).map { abs($0 / $1.actual) }.reduce(0, +) / n * 100
        let mase = zip(errors, rows).map { abs($0) / (scales[$1.origin] ?? .nan) }.reduce(0, +) / n
        var accuracy = Accuracy(
          step: step, method: method, count: errors.count, mae: mae, rmse: rmse, mape: mape,
          mase: mase)
        let intervals = rows.compactMap { row in row.interval.map { ($0, row.actual) } }
        if method == "model", !intervals.isEmpty, intervals.count == rows.count {
          let k = Double(intervals.count)
          accuracy.coverage = Double(intervals.filter { $0.0.contains($0.1) }.count) / k
          accuracy.winkler =
            intervals.map { Self.winkler($0.0, $0.1, level: level) }.reduce(0, +) / k
        }
        out.append(accuracy)
      }
    }
    return out
  }

  /// Whether the model's forecasts carry intervals (the run had paths).
  public var hasIntervals: Bool { forecasts.contains { $0.interval != nil } }

  /// step, method, n, mae, rmse, mape, mase; with paths also coverage and winkler (empty
  /// for the benchmarks).
  public var accuracyTable: Table {
    let intervals = hasIntervals
    return Table(
      title: "\(scenario): backtest of \(metric) against \(series)",
      columns: [.integer("step"), .text("method"), .integer("n")]
        + ["mae", "rmse", "mape", "mase"].map(Table.Column.number)
        + (intervals ? ["coverage", "winkler"].map(Table.Column.number) : []),
      rows: accuracy.map { a in
        [.integer(a.step), .text(a.method), .integer(a.count)]
          + ([a.mae, a.rmse, a.mape, a.mase] + (intervals ? [a.coverage, a.winkler] : []))
          .map(Table.Cell.number(orEmpty:))
      })
  }

  /// origin, year, step, actual and each method's forecast; with paths also the model's
  /// interval (lower, upper).
  public var forecastTable: Table {
    let intervals = hasIntervals
    return Table(
      title: "\(scenario): backtest forecasts",
      columns: [.year("origin"), .year("year"), .integer("step"), .number("actual")]
        + Backtest.methods.map(Table.Column.number)
        + (intervals ? [.number("lower"), .number("upper")] : []),
      rows: forecasts.map { f in
        [.integer(f.origin), .integer(f.origin + f.step), .integer(f.step), .number(f.actual)]
          + (f.forecasts
            + (intervals ? [f.interval?.lowerBound ?? .nan, f.interval?.upperBound ?? .nan] : []))
          .map(Table.Cell.number(orEmpty:))
      })
  }
}
