/// The charts Forecast draws of a scenario's results.
public enum ChartKind: String, CaseIterable, Sendable {
  /// Graduates and new labour supply, observed and projected, with their intervals.
  case supply
  /// New labour supply against labour-brand capacity, by brand group, and the coverage.
  case capacity
  /// Balance metrics with their quantile bands, one panel each.
  case fan
  /// Each alternative's difference from the base, with its paired band.
  case compare
  /// The swing of one metric when each parameter is scaled down and up.
  case tornado
  /// Forecasts from past origins against what was observed, and their errors per step.
  case backtest
  /// Sobol or Morris indices of one metric in one year over the `[[uncertain]]` inputs.
  case sensitivity

  public static let names = allCases.map(\.rawValue)

  /// The chart named `name`.
  /// - Throws: `FigureError.unknownChart` with the nearest names.
  public init(parsing name: String) throws(FigureError) {
    guard let kind = ChartKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
      throw .unknownChart(name, nearest: ScenarioDecoder.nearest(name, among: Self.names))
    }
    self = kind
  }

  /// Whether the chart compares alternatives with a base scenario.
  public var needsAlternatives: Bool { self == .compare }
}
