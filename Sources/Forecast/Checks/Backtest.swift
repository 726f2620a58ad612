import Foundation

/// A backtest (issue 5): the scenario re-run as if each origin were its base year (data after
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
public struct Backtest: Sendable {
  public let scenario: Scenario
  public let origins: ClosedRange<Int>
  public let horizon: Int
  /// The data series holding the observed values.
  public let series: String
  /// The balance column compared with it.
  public let metric: String

  public init(scenario: Scenario, origins: ClosedRange<Int>, horizon: Int, series: String, metric: String = "graduates") {
    self.scenario = scenario
    self.origins = origins
    self.horizon = horizon
    self.series = series
    self.metric = metric
  }

  /// One forecast of one origin and step, with the benchmarks' forecasts.
  public struct Forecast: Sendable, Equatable {
    public let origin: Int
    public let step: Int
    public let actual: Double
    /// Forecasts by method: model, naive, drift, trend.
    public let forecasts: [Double]
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
    guard let metricIndex = Projection.balanceMetrics.firstIndex(of: metric) else {
      throw .unknownMetric(metric, metrics: Projection.balanceMetrics)
    }
    guard horizon >= 1 else { throw .horizonTooShort(horizon) }
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
        projection = try Simulation(scenario: Self.asOf(scenario, origin: origin, horizon: horizon)).run()
      } catch {
        throw .simulation(origin: origin, error)
      }
      let history = observed.filter { $0.key <= origin }
      let benchmarks = Self.benchmarks(history: history, origin: origin, horizon: horizon)
      for step in 1...horizon {
        guard let actual = observed[origin + step] else { continue }
        let model = projection.balance(year: origin + step)[metricIndex]
        forecasts.append(
          Forecast(origin: origin, step: step, actual: actual, forecasts: [model] + benchmarks[step - 1]))
      }
    }
    return BacktestResult(
      scenario: scenario.info.name, series: series, metric: metric, forecasts: forecasts,
      scales: Dictionary(uniqueKeysWithValues: origins.map { o in
        (o, Self.naiveScale(observed.filter { $0.key <= o }))
      }))
  }

  /// The scenario as it would have been run at `origin`: base year moved, fit windows cut.
  static func asOf(_ scenario: Scenario, origin: Int, horizon: Int) -> Scenario {
    var s = scenario
    s.info.baseYear = origin
    s.info.horizon = horizon
    s.expectations = []
    s.drivers = s.drivers.map { driver in
      var d = driver
      if case .model(let formula, let years, let weights) = d.form {
        d.form = .model(formula: formula, years: years.lowerBound...max(years.lowerBound, min(years.upperBound, origin)), weights: weights)
      }
      return d
    }
    if let c = s.calibration {
      s.calibration = CalibrationSpec(graduates: c.graduates, years: c.years.lowerBound...max(c.years.lowerBound, min(c.years.upperBound, origin)))
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
        out.append(Accuracy(step: step, method: method, count: errors.count, mae: mae, rmse: rmse, mape: mape, mase: mase))
      }
    }
    return out
  }

  /// step, method, n, mae, rmse, mape, mase.
  public var accuracyTable: Table {
    Table(
      title: "\(scenario): backtest of \(metric) against \(series)",
      columns: [.integer("step"), .text("method"), .integer("n")]
        + ["mae", "rmse", "mape", "mase"].map(Table.Column.number),
      rows: accuracy.map { a in
        [.integer(a.step), .text(a.method), .integer(a.count)]
          + [a.mae, a.rmse, a.mape, a.mase].map(Table.Cell.number(orEmpty:))
      })
  }

  /// origin, year, step, actual and each method's forecast.
  public var forecastTable: Table {
    Table(
      title: "\(scenario): backtest forecasts",
      columns: [.year("origin"), .year("year"), .integer("step"), .number("actual")]
        + Backtest.methods.map(Table.Column.number),
      rows: forecasts.map { f in
        [.integer(f.origin), .integer(f.origin + f.step), .integer(f.step), .number(f.actual)]
          + f.forecasts.map(Table.Cell.number(orEmpty:))
      })
  }
}
