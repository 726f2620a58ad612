/// A backtest in two figures: the model's forecasts from each origin against the observed
/// series (with the paths' interval, when there are paths), and the mean absolute percentage
/// error per step of the model and of the naive, drift and trend benchmarks.
enum BacktestFigure {
  /// Observed years shown before the first origin.
  static let context = 10

  static func make(
    _ result: BacktestResult, scenario: Scenario, source: FigureSource
  ) throws(FigureError) -> [Figure] {
    let data: ScenarioData
    do { data = try ScenarioData(scenario: scenario, through: Int.max) } catch {
      throw .run(scenario: scenario.info.name, error)
    }
    let observed = data.series[result.series]?.values ?? [:]
    let origins = Array(Set(result.forecasts.map(\.origin))).sorted()
    let firstShown = (origins.first ?? scenario.info.baseYear) - context
    let lastShown = result.forecasts.map { $0.origin + $0.step }.max() ?? scenario.info.baseYear
    let history = ObservedHistory.points(observed.filter { (firstShown...lastShown).contains($0.key) })
    let metric = BalanceMetric(rawValue: result.metric) ?? .graduates
    var marks: [Mark] = [
      .line(LineMark("Observed (\(result.series))", points: history, style: SeriesStyle(color: ChartPalette.colors[2]))),
      .points(PointMark(nil, points: history, color: ChartPalette.colors[2], size: 6)),
    ]
    var values = history.map(\.y)
    for (k, origin) in origins.enumerated() {
      let style = ChartPalette.series(k % 2 == 0 ? (k / 2 == 0 ? 0 : 3) : (k / 2 == 0 ? 1 : 4))
      let rows = result.forecasts.filter { $0.origin == origin }.sorted { $0.step < $1.step }
      let start = observed[origin].map { [DataPoint(Double(origin), $0)] } ?? []
      let points = start + rows.map { DataPoint(Double($0.origin + $0.step), $0.forecasts[0]) }
      marks.append(.line(LineMark("Forecast from \(origin)", points: points, style: style.dashed(.dashed))))
      let intervals = rows.compactMap { row in
        row.interval.map {
          ErrorBarMark.Estimate(
            position: Double(row.origin + row.step), value: row.forecasts[0],
            lower: $0.lowerBound, upper: $0.upperBound)
        }
      }
      if !intervals.isEmpty {
        marks.append(
          .errorBars(
            ErrorBarMark(
              k == 0 ? "\(percent(result.level)) interval of the paths" : nil, estimates: intervals,
              orientation: .vertical, color: style.color, shape: .diamond)))
      }
      values += points.map(\.y) + intervals.flatMap { [$0.lower, $0.upper] }
    }
    let forecasts = FigureText.figure(
      title: "Backtest: \(metric.displayName.lowercased()) forecast from past base years",
      subtitle: "\(FigureText.scenario(scenario)). The scenario re-run as if each origin were "
        + "its base year (later data hidden), against the observed series \(result.series).",
      source: source, x: .years(title: "Year"),
      panels: [
        Panel(
          y: MetricAxis.persons(largest: MetricAxis.largest(values), includesZero: false),
          marks: marks)
      ])
    let accuracy = result.accuracy
    var errorMarks: [Mark] = []
    for (m, method) in Backtest.methods.enumerated() {
      let style = ChartPalette.series(m)
      let points = accuracy.filter { $0.method == method }.map { DataPoint(Double($0.step), $0.mape / 100) }
      errorMarks.append(.line(LineMark(methodName(method), points: points, style: style)))
      errorMarks.append(
        .points(PointMark(nil, points: points, color: style.color, shape: MarkerShape.allCases[m % 4])))
    }
    let steps = Set(accuracy.map(\.step)).sorted()
    let counts = steps.map { step in accuracy.first { $0.step == step }?.count ?? 0 }
    let errors = FigureText.figure(
      title: "Backtest: mean absolute percentage error by years ahead",
      subtitle: "Model and benchmarks (naive: last value; drift: average change since the "
        + "series starts; trend: 10-year linear trend); forecasts scored per step: "
        + zip(steps, counts).map { "\($0): \($1)" }.joined(separator: ", ") + ".",
      source: source, x: .years(title: "Years ahead (step)", domain: 1...max(2, steps.last ?? 1)),
      panels: [
        Panel(y: MetricAxis.percent(title: "Mean absolute error, percent of observed"), marks: errorMarks)
      ])
    return [forecasts, errors]
  }

  static func methodName(_ method: String) -> String {
    switch method {
    case "model": "Model"
    case "naive": "Naive (last value)"
    case "drift": "Drift"
    case "trend": "10-year trend"
    default: method
    }
  }

  static func percent(_ level: Double) -> String {
    Table.TextStyle().format((level * 1000).rounded() / 10) + "%"
  }
}
