/// A sensitivity chart of one metric in one year: Sobol's first-order and total indices (in
/// percent of the metric's variance) or Morris's mu* and sigma, per uncertain input, each with
/// its 95% bootstrap interval (percentile bounds), inputs sorted by total index or mu*.
enum SensitivityFigure {
  static func make(
    _ result: SensitivityResult, metric: BalanceMetric, year: Int, source: FigureSource
  ) throws(FigureError) -> Figure {
    let analysis = result.analysis
    let names = analysis.inputs.map(\.name)
    guard let cell = result.cells.first(where: { $0.metric == metric && $0.year == year }),
      cell.sobol != nil || cell.morris != nil
    else { throw .constantMetrics([metric.rawValue]) }
    func estimate(_ position: Int, _ value: Double, _ interval: BootstrapInterval?, _ offset: Double)
      -> ErrorBarMark.Estimate
    {
      ErrorBarMark.Estimate(
        position: Double(position) + offset, value: value,
        lower: interval?.lower ?? value, upper: interval?.upper ?? value)
    }
    let first = ChartPalette.series(0).color
    let second = ChartPalette.series(1).color
    let marks: [Mark]
    let order: [Int]
    let x: Axis
    let what: String
    let subject = "\(metric.displayName.lowercased()) (\(year))"
    if let s = cell.sobol {
      order = names.indices.sorted { s.totalOrder[$0].estimate > s.totalOrder[$1].estimate }
      marks = [
        .errorBars(
          ErrorBarMark(
            "First-order index S1 (the input alone), 95% interval",
            estimates: order.enumerated().map { i, j in
              estimate(i, s.firstOrder[j].estimate, s.firstOrder[j].interval, -0.18)
            }, orientation: .horizontal, color: first)),
        .errorBars(
          ErrorBarMark(
            "Total index ST (with its interactions), 95% interval",
            estimates: order.enumerated().map { i, j in
              estimate(i, s.totalOrder[j].estimate, s.totalOrder[j].interval, 0.18)
            }, orientation: .horizontal, color: second, shape: .square)),
      ]
      x = .linear(title: "Share of the variance of \(subject)", labelStyle: .percent, includesZero: true)
      if case .sobol(let n, _) = analysis.method {
        what = "Sobol indices (Saltelli design, N = \(n), \(analysis.runCount) runs)"
      } else { what = "Sobol indices" }
    } else {
      let m = cell.morris!
      order = names.indices.sorted { m.absoluteMean[$0] > m.absoluteMean[$1] }
      let largest = MetricAxis.largest(m.absoluteMean + m.standardDeviation)
      let style: NumberFormat.Style =
        metric.isShare ? .percent : NumberFormat.automaticStyle(largest: largest, suffix: .none)
      marks = [
        .errorBars(
          ErrorBarMark(
            "mu* (mean absolute elementary effect), 95% interval",
            estimates: order.enumerated().map { i, j in
              estimate(i, m.absoluteMean[j], m.absoluteMeanInterval[j], -0.18)
            }, orientation: .horizontal, color: first)),
        .errorBars(
          ErrorBarMark(
            "sigma (spread of the effects: non-linearity or interaction)",
            estimates: order.enumerated().map { i, j in
              estimate(i, m.standardDeviation[j], nil, 0.18)
            }, orientation: .horizontal, color: second, shape: .square)),
      ]
      let unit = metric.isShare ? "percent" : MetricAxis.personsTitle(style).lowercased()
      x = .linear(
        title: "Effect on \(subject) of a step across the input's range, \(unit)",
        labelStyle: style, includesZero: true)
      if case .morris(let r, let p) = analysis.method {
        what = "Morris screening (r = \(r) trajectories, p = \(p) levels, \(analysis.runCount) runs)"
      } else { what = "Morris screening" }
    }
    return FigureText.figure(
      title: "Which uncertain assumptions matter most: \(metric.displayName), \(year)",
      subtitle: "\(FigureText.scenario(analysis.scenario)). \(what) over the scenario's "
        + "\(analysis.inputs.count) [[uncertain]] inputs, all moving at once.",
      source: source, x: x,
      panels: [
        Panel(
          y: .categories(order.map { names[$0] }, title: "Uncertain input (scenario key)"),
          marks: marks, height: Double(names.count) * 40)
      ])
  }
}
