/// What a run is written as: a table format, or `vega-lite`, a fan chart.
///
/// Scenario files (`[output] format`) take the table formats only, since a chart
/// exists for one table and a scenario's default tables are several.
public enum RunFormat: Sendable, Equatable, Hashable, CaseIterable, RawRepresentable {
  case table(OutputFormat)
  /// A Vega-Lite v5 specification of the fan chart (`VegaLiteFanChart`).
  case vegaLite

  public static var allCases: [RunFormat] {
    OutputFormat.allCases.map(RunFormat.table) + [.vegaLite]
  }

  public init?(rawValue: String) {
    if rawValue == "vega-lite" {
      self = .vegaLite
    } else if let format = OutputFormat(rawValue: rawValue) {
      self = .table(format)
    } else {
      return nil
    }
  }

  public var rawValue: String {
    switch self {
    case .table(let format): return format.rawValue
    case .vegaLite: return "vega-lite"
    }
  }
}
