/// A tornado chart: for the parameters that move the metric most, a bar from the base value
/// to the value at the low end of the parameter's range and one to its high end, each end
/// labelled with its value. Parameters without effect, and runs that failed, are counted in
/// the subtitle instead of drawn.
enum TornadoFigure {
  /// The most bars drawn: past about fifteen a tornado stops being read.
  static let maximumBars = 15

  static func make(_ result: TornadoResult, source: FigureSource) -> Figure {
    let tornado = result.tornado
    let metric = BalanceMetric(rawValue: tornado.metric) ?? .unplaced
    let moving = result.rows.filter { !$0.swing.isNaN && !$0.isInert }
    let shown = Array(moving.prefix(maximumBars))
    let base = result.rows.first?.base ?? .nan
    let values = shown.flatMap { [$0.low, $0.high] } + [base]
    let largest = MetricAxis.largest(values)
    let style: NumberFormat.Style =
      metric.isShare ? .percent : NumberFormat.automaticStyle(largest: largest, suffix: .none)
    let unit = metric.isShare ? "percent of new labour supply" : MetricAxis.personsTitle(style).lowercased()
    let label = labelFormat(style, values: values)
    let delta = TornadoResult.percent(tornado.delta)
    let ranges = !tornado.scenario.uncertain.isEmpty
    let (lowName, highName) =
      ranges
      ? ("Low end of the parameter's range", "High end of the parameter's range")
      : ("Parameter × (1 − \(delta))", "Parameter × (1 + \(delta))")
    let how =
      tornado.uncertainOnly
      ? "Each [[uncertain]] parameter over its range"
      : ranges
        ? "Each parameter over its [[uncertain]] range, else scaled by 1 − \(delta) and 1 + \(delta),"
        : "Each parameter scaled by 1 − \(delta) and 1 + \(delta)"
    var low: [BarMark.Bar] = []
    var high: [BarMark.Bar] = []
    for (i, row) in shown.enumerated() {
      for (value, isLow) in [(row.low, true), (row.high, false)] {
        let bar = BarMark.Bar(
          category: i, from: min(base, value), to: max(base, value),
          leadingLabel: value < base ? label.string(value) : nil,
          trailingLabel: value >= base ? label.string(value) : nil)
        if isLow { low.append(bar) } else { high.append(bar) }
      }
    }
    let blue = ChartPalette.colors[0]
    let orange = ChartPalette.colors[1]
    let panel = Panel(
      y: .categories(shown.map(\.target), title: "Parameter (scenario key)"),
      marks: [
        .bars(BarMark(lowName, bars: low, color: blue)),
        .bars(BarMark(highName, bars: high, color: orange)),
        .rule(RuleMark(.vertical(x: base), label: "base \(label.string(base))")),
      ])
    var notes: [String] = []
    if moving.count > shown.count {
      notes.append("the \(shown.count) largest of \(moving.count) parameters that move it")
    }
    let still = result.rows.count - moving.count - result.failures.count
    if still > 0 { notes.append("\(Wording.count(still, "parameter")) without effect not drawn") }
    if !result.failures.isEmpty {
      notes.append("\(Wording.count(result.failures.count, "parameter")) whose run failed not drawn")
    }
    return FigureText.figure(
      title: "What moves \(metric.displayName.lowercased()) in \(tornado.year)",
      subtitle: "\(FigureText.scenario(tornado.scenario)). \(how) clamped to its domain, "
        + "from \(tornado.scenario.info.baseYear + 1) on, one at a time.",
      note: notes.isEmpty ? nil : "Drawn: " + notes.joined(separator: "; ") + ".",
      source: source,
      x: .linear(
        title: "\(metric.displayName) in \(tornado.year), \(unit)", labelStyle: style,
        includesZero: false, padding: 0.12),
      panels: [panel])
  }

  /// Bar-end labels with enough decimals to tell the ends apart (three significant digits of
  /// the largest value at least).
  static func labelFormat(_ style: NumberFormat.Style, values: [Double]) -> NumberFormat {
    let shown = values.filter(\.isFinite).map { NumberFormat(style).shown($0) }
    let largest = shown.map(abs).max() ?? 0
    var decimals = 0
    while decimals < 4, largest > 0, largest * pow10(decimals) < 100 { decimals += 1 }
    return NumberFormat(style, decimals: decimals)
  }

  private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { x, _ in x * 10 } }
}
