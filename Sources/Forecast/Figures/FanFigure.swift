/// Balance metrics with their 50% and 90% intervals, one panel each on its own scale.
///
/// Without a choice of metrics, a metric that is the same in every year (vacancies, when every
/// opening is filled) or equal to an earlier one in every year and quantile (placed, when it
/// is the capacity) is left out and named in the subtitle; metrics chosen by name are drawn.
enum FanFigure {
  static func make(
    _ projection: Projection, metrics chosen: [BalanceMetric]?, source: FigureSource
  ) throws(FigureError) -> Figure {
    let candidates = chosen ?? BalanceMetric.allCases
    var drawn: [(BalanceMetric, PathSummary)] = []
    var constant: [String] = []
    var repeated: [String] = []
    for metric in candidates {
      let summary = PathSummary(projection, metric)
      if chosen == nil {
        if summary.isConstant {
          constant.append(metric.displayName.lowercased())
          continue
        }
        if let same = drawn.first(where: { $0.1.agrees(with: summary) }) {
          repeated.append("\(metric.displayName.lowercased()) equals \(same.0.displayName.lowercased())")
          continue
        }
      }
      drawn.append((metric, summary))
    }
    guard !drawn.isEmpty else { throw .constantMetrics(candidates.map(\.rawValue)) }
    let panels = drawn.enumerated().map { (i, entry) -> Panel in
      let (metric, summary) = entry
      let style = ChartPalette.series(0)
      return Panel(
        title: metric.displayName,
        y: MetricAxis.metric(metric, largest: MetricAxis.largest(summary.allValues)),
        marks: summary.bands(color: style.color)
          + [.line(LineMark(projection.paths > 1 ? "Mean" : "Projection", points: summary.points(), style: style))])
    }
    var notes: [String] = []
    if !constant.isEmpty { notes.append("not drawn, the same in every year: \(Wording.list(constant))") }
    if !repeated.isEmpty { notes.append("not drawn: \(Wording.list(repeated)) in every year") }
    return FigureText.figure(
      title: "Balance of graduates and labour-brand openings, "
        + "\(projection.years.lowerBound)–\(projection.years.upperBound)",
      subtitle: "\(FigureText.scenario(projection.scenario)). " + FigureText.paths(projection.paths) + ".",
      note: notes.isEmpty ? nil : "Note: " + notes.joined(separator: "; ") + ".",
      source: source, x: .years(title: "Year"), panels: panels,
      columns: panels.count > 1 ? 2 : 1)
  }
}
