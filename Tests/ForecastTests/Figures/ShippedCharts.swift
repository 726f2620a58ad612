import Foundation

@testable import Forecast

/// The shipped scenarios and their charts, run once for all the figure tests: the baseline
/// (one path), the baseline with 200 paths (intervals), and the AI-trainer boom to compare.
enum ShippedCharts {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")

  static func scenario(_ name: String, paths: Int? = nil) throws -> Scenario {
    var s = try ScenarioLoader.load(path: folder.appendingPathComponent("\(name).toml").path)
    if let paths { s.info.paths = paths }
    return s
  }

  /// A fixed date, so the source line and the bytes do not change from day to day.
  static let date = "2026-01-02"

  static func request(_ kind: ChartKind, metrics: String? = nil, years: String? = nil) throws
    -> ChartRequest
  {
    ChartRequest(
      kind: kind, metrics: try metrics.map { try MetricSelection(parsing: $0) },
      years: try years.map { try YearWindow(parsing: $0) }, date: date)
  }

  static let baseline = Result { try Simulation(scenario: scenario("china-baseline")).run() }
  static let uncertain = Result {
    try Simulation(scenario: scenario("china-uncertainty", paths: 200)).run()
  }

  /// Every chart of the baseline with 200 paths (compare: the AI-trainer boom; backtest:
  /// the README's origins), by name.
  static let all: Result<[(String, Chart)], any Error> = Result {
    let projection = try uncertain.get()
    var charts: [(String, Chart)] = []
    for kind in [ChartKind.supply, .capacity, .fan] {
      charts.append((kind.rawValue, try request(kind).draw(projection)))
    }
    charts.append(
      ("compare",
       try request(.compare).chart(
         base: scenario("china-baseline", paths: 200),
         alternatives: [scenario("ai-trainer-boom"), scenario("brand-slowdown")])))
    charts.append(("tornado", try request(.tornado).chart(base: scenario("china-baseline"))))
    charts.append(("backtest", try request(.backtest).chart(base: scenario("china-baseline", paths: 50))))
    var sobol = try request(.sensitivity)
    sobol.method = .sobol(baseSamples: 64, secondOrder: false)
    charts.append(("sensitivity", try sobol.chart(base: scenario("china-sensitivity"))))
    var morris = try request(.sensitivity)
    morris.method = .morris
    charts.append(("sensitivity-morris", try morris.chart(base: scenario("china-sensitivity"))))
    return charts
  }

  static func chart(_ name: String) throws -> Chart {
    guard let chart = try all.get().first(where: { $0.0 == name })?.1 else {
      throw CocoaError(.fileNoSuchFile)
    }
    return chart
  }
}
