/// Why a backtest cannot run: a bad option (named as on the command line), or a run that
/// failed at one origin.
public enum BacktestError: Error, Equatable, Sendable, SettingMessage {
  /// The origins are not a year or A...B with A ≤ B.
  case invalidOrigins(String)
  /// A horizon below 1.
  case horizonTooShort(Int)
  /// The interval's central probability is outside (0, 1).
  case invalidLevel(Double)
  /// The largest plausible yield is not a finite number above 0.
  case invalidMaximumYield(Double)
  /// A horizon beyond the last observation from the first origin.
  case horizonTooLong(horizon: Int, maximum: Int, series: String, lastObserved: Int, firstOrigin: Int)
  /// No origin comes before the last observation, so nothing can be scored.
  case originsAfterObservations(origins: ClosedRange<Int>, series: String, lastObserved: Int)
  /// The first origin's forecasts all fall before the series' first observation.
  case originsBeforeObservations(
    origins: ClosedRange<Int>, series: String, firstObserved: Int, horizon: Int)
  /// The metric is not a balance column.
  case unknownMetric(String, metrics: [String])
  /// The series is not a data series of the scenario.
  case unknownSeries(String, series: [String])
  /// The series has no values at all.
  case noObservations(series: String, file: String)
  /// The scenario failed to run as of `origin`.
  case simulation(origin: Int, SimulationError)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .invalidOrigins(let text):
      return "\(n(.origins)): expected a year or A...B with A ≤ B, years from "
        + "\(Backtest.years.lowerBound) to \(Backtest.years.upperBound) (for example 2015 or 2012...2020), "
        + "found '\(text)'"
    case .invalidMaximumYield(let value):
      return "\(n(.maximumYield)): expected a finite number above 0 (a yield of 1 means every "
        + "intake graduates), found \(Table.roundTripText(value))"
    case .horizonTooShort(let horizon):
      return "\(n(.horizon)): expected at least 1, found \(horizon)"
    case .invalidLevel(let level):
      return "\(n(.level)): expected a probability between 0 and 1 (for example 0.9), found \(level)"
    case .horizonTooLong(let horizon, let maximum, let series, let lastObserved, let firstOrigin):
      return "\(n(.horizon)): expected at most \(maximum), found \(horizon): the series '\(series)' "
        + "is observed through \(lastObserved), so from the first origin \(firstOrigin) no "
        + "step beyond \(Wording.count(maximum, "year")) can be scored"
    case .originsBeforeObservations(let origins, let series, let firstObserved, let horizon):
      return "\(n(.origins)): the series '\(series)' is observed from \(firstObserved), so the "
        + "first origin must be at least \(firstObserved - horizon) for its forecasts of up to "
        + "\(horizon) years to reach it; found \(origins.lowerBound)"
    case .originsAfterObservations(let origins, let series, let lastObserved):
      let found =
        origins.count == 1 ? "\(origins.lowerBound)" : "\(origins.lowerBound)...\(origins.upperBound)"
      return "\(n(.origins)): the series '\(series)' is observed through \(lastObserved), so an "
        + "origin must come before it; found \(found)"
    case .unknownMetric(let metric, let metrics):
      return "\(n(.metric)): expected a balance column (\(metrics.joined(separator: ", "))), "
        + "found '\(metric)'" + suggestion(ScenarioDecoder.nearest(metric, among: metrics))
    case .unknownSeries(let name, let series):
      return "\(n(.series)): expected a data series of the scenario (\(series.joined(separator: ", "))), "
        + "found '\(name)'" + suggestion(ScenarioDecoder.nearest(name, among: series))
    case .noObservations(let series, let file):
      return "data series '\(series)' has no values (file \(file)): nothing to score against"
    case .simulation(let origin, let error):
      return "run as of origin \(origin): \(error.message(naming: n))"
    }
  }
}
