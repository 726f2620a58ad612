/// Why a chart or report could not be made; nothing was written.
public enum FigureError: Error, Equatable, Sendable, SettingMessage {
  case unknownChart(String, nearest: [String])
  /// The chart compares scenarios and was given none to compare.
  case noAlternatives(ChartKind)
  /// Years not written `A-B` (or one year).
  case yearsSyntax(String)
  /// Years that hold no value of the chart.
  case yearsOutside(ClosedRange<Int>, valid: ClosedRange<Int>)
  /// Every metric asked for is the same in every year (a flat panel says nothing).
  case constantMetrics([String])
  /// The scenario has no observed graduates series to draw (no `[calibrate]` graduates and no
  /// data series named `graduates`).
  case noObservedGraduates(scenario: String)
  case run(scenario: String, SimulationError)
  case whatIf(WhatIfError)
  case backtest(BacktestError)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .unknownChart(let name, let nearest):
      return "\(n(.chart)): no chart \(Wording.quoted(name))"
        + (nearest.isEmpty ? "" : " (did you mean \(nearest.joined(separator: " or "))?)")
        + "; charts: " + ChartKind.names.joined(separator: ", ")
    case .noAlternatives(let kind):
      return "the \(kind.rawValue) chart compares scenarios with the first: name at least one "
        + "alternative scenario after it"
    case .yearsSyntax(let text):
      return "\(n(.years)): expected a year (2030) or a range A-B (2020-2040), found "
        + Wording.quoted(text)
    case .yearsOutside(let years, let valid):
      return "\(n(.years)): \(years.lowerBound)-\(years.upperBound) holds no year of the chart; "
        + "it has \(valid.lowerBound)-\(valid.upperBound)"
    case .constantMetrics(let names):
      return "\(n(.metrics)): \(Wording.list(names)) "
        + (names.count == 1 ? "is" : "are") + " the same in every year, so the chart would be "
        + "flat; name the metric explicitly to draw it anyway"
    case .noObservedGraduates(let scenario):
      return "\(scenario): no observed graduates to draw: the scenario has no [calibrate] "
        + "graduates series and no data series named 'graduates'"
    case .whatIf(let error):
      return error.message(naming: n)
    case .run(let scenario, let error):
      return "\(scenario): \(error.message(naming: n))"
    case .backtest(let error):
      return error.message(naming: n)
    }
  }
}
