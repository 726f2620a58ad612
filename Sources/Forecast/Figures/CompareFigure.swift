import Foundation

/// Each alternative's difference from the base scenario by year, one panel per balance
/// metric, with the interval of the paired per-path differences (common random numbers) when
/// the runs have paths. A metric no alternative moves is left out unless chosen by name.
enum CompareFigure {
  static func make(
    _ result: ComparisonResult, chosen: Bool, source: FigureSource
  ) throws(FigureError) -> Figure {
    let comparison = result.comparison
    let base = comparison.base
    let pairs = bandPairs(result.levels)
    var panels: [Panel] = []
    var unmoved: [String] = []
    for metric in comparison.metrics.metrics {
      let rows = result.rows.filter { $0.metric == metric.rawValue }
      if !chosen, rows.allSatisfy({ $0.difference == 0 || $0.difference.isNaN }) {
        unmoved.append(metric.displayName.lowercased())
        continue
      }
      var bands: [Mark] = []
      var lines: [Mark] = []
      var values: [Double] = []
      for (k, label) in comparison.labels.enumerated() {
        let mine = rows.filter { $0.scenario == label }
        let style = ChartPalette.series(k == 0 ? 1 : k == 1 ? 0 : k + 1).dashed(.solid)
        let x = mine.map { Double($0.year) }
        for (pair, opacity) in zip(pairs, [0.15, 0.3]) {
          bands.append(
            .band(
              BandMark(
                pair.name, x: x,
                lower: mine.map { $0.differenceQuantiles[pair.lower] },
                upper: mine.map { $0.differenceQuantiles[pair.upper] },
                color: style.color, opacity: opacity)))
        }
        lines.append(
          .line(
            LineMark(
              "\(label) − \(base.info.name)",
              points: mine.map { DataPoint(Double($0.year), $0.difference) }, style: style)))
        values += mine.map(\.difference) + mine.flatMap(\.differenceQuantiles)
      }
      let axis: Axis =
        metric.isShare
        ? MetricAxis.percent(title: "Difference, percentage points of new supply")
        : {
          var a = MetricAxis.persons(largest: MetricAxis.largest(values))
          a.title = "Difference, " + (a.title ?? "persons").lowercased()
          return a
        }()
      panels.append(
        Panel(
          title: metric.displayName, y: axis,
          marks: bands + [.rule(RuleMark(.horizontal(y: 0), label: "no difference"))] + lines))
    }
    guard !panels.isEmpty else {
      throw .constantMetrics(comparison.metrics.names)
    }
    let subtitle =
      "Each alternative minus \(base.info.name) (\(FigureText.scenario(base))). "
      + (pairs.isEmpty
        ? "One deterministic path each."
        : "Lines: difference of the means over \(NumberFormat(.grouped).string(Double(base.info.paths))) "
          + "paths; shaded: \(Wording.list(pairs.map(\.name))) of the paired differences.")
    var note = pairs.isEmpty ? "" : "Paths paired on common random numbers"
    if !unmoved.isEmpty {
      note += (note.isEmpty ? "" : "; ") + "not drawn, no alternative moves them: \(Wording.list(unmoved))"
    }
    return FigureText.figure(
      title: "Difference from the base scenario: " + Wording.list(comparison.labels),
      subtitle: subtitle, note: note.isEmpty ? nil : note + ".", source: source,
      x: .years(title: "Year"), panels: panels,
      columns: panels.count > 1 ? 2 : 1)
  }

  /// Up to two central intervals from symmetric quantile levels, outer first: the indices of
  /// their ends and their names ("90% interval").
  static func bandPairs(_ levels: [Double]) -> [(lower: Int, upper: Int, name: String)] {
    var pairs: [(Int, Int, String)] = []
    for (i, level) in levels.enumerated() where level < 0.5 {
      guard let j = levels.firstIndex(where: { abs($0 - (1 - level)) < 1e-9 }) else { continue }
      let percent = Table.TextStyle().format(((1 - 2 * level) * 1000).rounded() / 10)
      pairs.append((i, j, "\(percent)% interval"))
      if pairs.count == 2 { break }
    }
    return pairs
  }
}
