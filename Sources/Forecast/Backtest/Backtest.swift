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
///
/// and the mean CRPS of the paths' empirical distribution (Gneiting and Raftery 2007, 21),
/// mean |X − y| − mean |X − X′| / 2 over the path values X.
///
/// Each origin's warnings are kept with it. An origin whose fit or calibration is rejected is
/// listed and left out of every method alike; one whose calibrated yield falls outside
/// (0, `maximumYield`] is listed as implausible and still scored.
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
  /// The largest calibrated yield an origin may have and count as plausible: a track cannot
  /// graduate many more than it took in (upgrades such as 专升本 graduate some twice).
  public let maximumYield: Double

  public init(
    scenario: Scenario, origins: ClosedRange<Int>, horizon: Int, series: String,
    metric: String = BalanceMetric.graduates.rawValue, level: Double = 0.9,
    maximumYield: Double = 1.5
  ) {
    self.scenario = scenario
    self.origins = origins
    self.horizon = horizon
    self.series = series
    self.metric = metric
    self.level = level
    self.maximumYield = maximumYield
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
    /// The CRPS of the model's paths against the actual value; nil for a run with one path.
    public var crps: Double? = nil
  }

  public static let methods = ["model", "naive", "drift", "trend"]

  /// Origins as the command line gives them: one year (`2015`) or a range (`2012...2020`,
  /// `2012:2020`).
  public static func origins(parsing text: String) throws(BacktestError) -> ClosedRange<Int> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let year = Int(trimmed) {
      guard Self.years.contains(year) else { throw .invalidOrigins(text) }
      return year...year
    }
    let parts = trimmed.replacingOccurrences(of: "...", with: ":").split(
      separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
      let last = Int(parts[1].trimmingCharacters(in: .whitespaces)), first <= last,
      Self.years.contains(first), Self.years.contains(last)
    else { throw .invalidOrigins(text) }
    return first...last
  }

  /// The years an origin may be: those a scenario's base year may be.
  public static let years = 1000...9999

  /// - Throws: `BacktestError` for a metric, series, origins or horizon that cannot be scored
  ///   (the horizon may reach at most the last observation from the first origin), or a run
  ///   that fails at an origin.
  public func run() throws(BacktestError) -> BacktestResult {
    let part = try run(origins: 0..<origins.count)
    return BacktestResult(
      scenario: scenario.info.name, series: series, metric: metric, level: level,
      forecasts: part.forecasts, scales: part.scales, origins: part.origins)
  }

  /// What the origins of one part of a backtest give: their forecasts, MASE scales and
  /// reports, in origin order.
  struct Part: Sendable {
    var forecasts: [Forecast] = []
    var scales: [Int: Double] = [:]
    var origins: [Origin] = []
  }

  /// The forecasts, scales and reports of origins `indices` (0 the first origin), after the
  /// checks of the whole backtest.
  func run(origins indices: Range<Int>) throws(BacktestError) -> Part {
    guard let chosen = BalanceMetric(rawValue: metric) else {
      throw .unknownMetric(metric, metrics: BalanceMetric.names)
    }
    guard horizon >= 1 else { throw .horizonTooShort(horizon) }
    guard level > 0 && level < 1 else { throw .invalidLevel(level) }
    guard maximumYield > 0, maximumYield.isFinite else { throw .invalidMaximumYield(maximumYield) }
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
    // Every origin, the last too, needs an observation after it to be scored against.
    guard Self.years.contains(origins.lowerBound), origins.upperBound < lastObserved else {
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
    if let firstObserved = observed.keys.min(), origins.lowerBound + horizon < firstObserved {
      throw .originsBeforeObservations(
        origins: origins, series: series, firstObserved: firstObserved, horizon: horizon)
    }
    var part = Part()
    for origin in indices.map({ origins.lowerBound + $0 }) {
      part.scales[origin] = Self.naiveScale(observed.filter { $0.key <= origin })
      let projection: Projection
      do {
        projection = try Simulation(scenario: Self.asOf(scenario, origin: origin, horizon: horizon)).run(keepPaths: false)
      } catch {
        guard Self.isRejection(error) else { throw .simulation(origin: origin, error) }
        part.origins.append(Origin(origin: origin, status: .rejected(error), warnings: []))
        continue
      }
      let implausible = projection.fitRows.filter { $0.model == "calibrate" }
        .filter { !($0.estimate > 0 && $0.estimate <= maximumYield) }
        .map { Origin.Implausible(track: $0.term, yield: $0.estimate, maximum: maximumYield) }
      part.origins.append(
        Origin(
          origin: origin, status: implausible.isEmpty ? .ok : .implausible(implausible),
          warnings: projection.warnings))
      let history = observed.filter { $0.key <= origin }
      let benchmarks = Self.benchmarks(history: history, origin: origin, horizon: horizon)
      for step in 1...horizon {
        guard let actual = observed[origin + step] else { continue }
        let model = projection.balance(chosen, year: origin + step)
        var forecast = Forecast(
          origin: origin, step: step, actual: actual, forecasts: [model] + benchmarks[step - 1])
        if projection.paths > 1 {
          let values = projection.balanceValues(chosen, year: origin + step)
          let bounds = Quantiles.type7(values, levels: [(1 - level) / 2, (1 + level) / 2])
          if bounds.allSatisfy(\.isFinite) { forecast.interval = bounds[0]...bounds[1] }
          forecast.crps = Self.crps(values, actual)
        }
        part.forecasts.append(forecast)
      }
    }
    return part
  }

  /// Whether a run's error is a fit or calibration rejected on the data up to its origin
  /// (too few years, a singular design, a regressor undefined), which another origin may
  /// not meet; any other error is the scenario's and fails the whole backtest.
  static func isRejection(_ error: SimulationError) -> Bool {
    switch error {
    case .driverFit, .driverUndefined, .driverDraws, .calibration, .missingValue, .afterBaseYear:
      return true
    default: return false
    }
  }

  /// The CRPS of the empirical distribution of `values` at `y`:
  /// mean |X − y| − Σ_i Σ_j |X_i − X_j| / (2P²), the double sum from the sorted values as
  /// 2 Σ_i (2i − P − 1) x_(i) (i from 1), so O(P log P).
  public static func crps(_ values: [Double], _ y: Double) -> Double {
    let p = Double(values.count)
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    var absolute = 0.0
    var spread = 0.0
    for (i, x) in sorted.enumerated() {
      absolute += abs(x - y)
      spread += (2 * Double(i + 1) - p - 1) * x
    }
    return absolute / p - spread / (p * p)
  }

  /// The scenario as it would have been run at `origin`: base year moved, relative fit windows
  /// rolled with it, absolute ones cut at it (MODEL.md 11).
  static func asOf(_ scenario: Scenario, origin: Int, horizon: Int) -> Scenario {
    var s = scenario
    s.info.baseYear = origin
    s.info.horizon = horizon
    // What came after the origin is hidden, projected series included (MODEL.md 1, 11).
    s.dataSeries = s.dataSeries.map { var d = $0; d.projected = false; return d }
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
