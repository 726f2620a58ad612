/// Graduates and new labour supply by year: observed up to the base year (solid), projected
/// after it (dashed, the mean over paths), with 50% and 90% intervals when the run has paths.
enum SupplyFigure {
  static func make(_ projection: Projection, source: FigureSource) throws(FigureError) -> Figure {
    let scenario = projection.scenario
    let history = try ObservedHistory(scenario: scenario)
    let base = Double(scenario.info.baseYear)
    let series: [(BalanceMetric, [Int: Double], Int)] = [
      (.graduates, history.graduates, 0), (.newSupply, history.newSupply, 1),
    ]
    var bands: [Mark] = []
    var lines: [Mark] = []
    var values: [Double] = []
    for (metric, observed, index) in series {
      let style = ChartPalette.series(index).dashed(.solid)
      let summary = PathSummary(projection, metric)
      bands += summary.bands(color: style.color)
      let before = ObservedHistory.points(observed.filter { $0.key <= scenario.info.baseYear })
      lines += LineMark.observedAndProjected(
        metric.displayName, points: summary.points(before: before), lastObserved: base, style: style)
      values += summary.allValues + observed.values
    }
    var note = "Observed: data series \(history.graduatesSeries ?? "none")"
    if !history.continuationSeries.isEmpty {
      note += "; observed new labour supply is graduates minus the intake of "
        + Wording.list(history.continuationSeries) + " (those who go on to study)"
    }
    let first = history.graduates.keys.min() ?? projection.years.lowerBound
    return FigureText.figure(
      title: "Graduates and new labour supply, \(first)–\(projection.years.upperBound)",
      subtitle: "\(FigureText.scenario(scenario)). Solid: observed; dashed: projected. "
        + FigureText.paths(projection.paths) + ".",
      note: note + ".", source: source, x: .years(title: "Year"),
      panels: [
        Panel(
          y: MetricAxis.persons(largest: MetricAxis.largest(values)),
          marks: bands + lines + [FigureText.baseYear(scenario.info.baseYear)])
      ])
  }
}
