/// Draws one panel into its plot frame: gridlines, the baseline, the marks (clipped to the
/// plot), tick labels and the labels marks carry.
struct PanelRenderer {
  let panel: Panel
  let index: Int
  let frame: PlotFrame
  let xAxis: AxisLayout
  let yAxis: AxisLayout
  /// Whether this panel writes the x tick labels (the lowest panel of its column does).
  let showsXLabels: Bool

  /// How far lines may run past the plot edge before they are clipped (half a marker).
  static let clipOverhang = 5.0

  var elements: [SVGElement] {
    var out: [SVGElement] = []
    out.append(gridlines)
    out.append(clipPath)
    var marks = SVGElement.group(["clip-path": "url(#plot-\(index))"], [])
    var labels: [SVGElement] = []
    for mark in panel.marks {
      let drawn = draw(mark)
      marks.children += drawn.shapes
      labels += drawn.labels
    }
    out.append(marks)
    out.append(axisLabels)
    if !labels.isEmpty { out.append(.group(["class": "annotations"], labels)) }
    return out
  }

  private var isCategorical: Bool { yAxis.categories != nil }

  private var clipPath: SVGElement {
    let o = Self.clipOverhang
    var defs = SVGElement("defs")
    var clip = SVGElement("clipPath", ["id": "plot-\(index)"])
    clip.append(
      SVGShapes.rect(
        x: frame.left - o, y: frame.top - o, width: frame.width + 2 * o,
        height: frame.height + 2 * o, fill: "#FFFFFF"))
    defs.append(clip)
    return defs
  }

  /// Light gridlines along the value axis and a darker baseline: the zero line where zero is
  /// inside the domain, else the plot's bottom edge.
  private var gridlines: SVGElement {
    var lines: [SVGElement] = []
    if isCategorical {
      for tick in xAxis.ticks {
        let x = frame.x(tick)
        lines.append(
          SVGShapes.line(
            from: Point(x: x, y: frame.top), to: Point(x: x, y: frame.bottom),
            color: ChartPalette.grid, crisp: true))
      }
    } else {
      for tick in yAxis.ticks {
        let y = frame.y(tick)
        lines.append(
          SVGShapes.line(
            from: Point(x: frame.left, y: y), to: Point(x: frame.right, y: y),
            color: ChartPalette.grid, crisp: true))
      }
    }
    let baseY =
      !isCategorical && yAxis.domain.contains(0) ? frame.y(0) : frame.bottom
    lines.append(
      SVGShapes.line(
        from: Point(x: frame.left, y: baseY), to: Point(x: frame.right, y: baseY),
        color: ChartPalette.axis, crisp: true))
    if isCategorical && xAxis.domain.contains(0) && xAxis.domain.lowerBound < 0 {
      let x = frame.x(0)
      lines.append(
        SVGShapes.line(
          from: Point(x: x, y: frame.top), to: Point(x: x, y: frame.bottom),
          color: ChartPalette.axis, crisp: true))
    }
    return .group(["class": "grid"], lines)
  }

  /// Tick marks and labels: y labels right-aligned left of the plot, x labels centred under
  /// their ticks.
  private var axisLabels: SVGElement {
    var out: [SVGElement] = []
    let size = ChartTheme.tickSize
    for (tick, label) in zip(yAxis.ticks, yAxis.labels) {
      let y = frame.y(tick)
      out.append(
        SVGShapes.text(
          label, x: frame.left - ChartTheme.tickGap, y: y + 0.35 * size, size: size,
          anchor: .end, color: ChartPalette.secondaryText))
    }
    if showsXLabels {
      for (tick, label) in zip(xAxis.ticks, xAxis.labels) {
        let x = frame.x(tick)
        out.append(
          SVGShapes.line(
            from: Point(x: x, y: frame.bottom),
            to: Point(x: x, y: frame.bottom + ChartTheme.tickLength),
            color: ChartPalette.axis, crisp: true))
        // A thinned axis leaves some ticks unlabelled.
        if label.isEmpty { continue }
        out.append(
          SVGShapes.text(
            label, x: x, y: frame.bottom + ChartTheme.tickLength + 3 + 0.95 * size, size: size,
            anchor: .middle, color: ChartPalette.secondaryText))
      }
    }
    return .group(["class": "axes"], out)
  }

  private func draw(_ mark: Mark) -> (shapes: [SVGElement], labels: [SVGElement]) {
    switch mark {
    case .line(let m):
      let pieces = m.pieces.map { $0.map(frame.point) }
      return ([SVGShapes.polyline(pieces, style: m.style)], [])
    case .band(let m):
      let shapes = m.pieces.map { r -> SVGElement in
        let upper = r.map { Point(x: frame.x(m.x[$0]), y: frame.y(m.upper[$0])) }
        let lower = r.reversed().map { Point(x: frame.x(m.x[$0]), y: frame.y(m.lower[$0])) }
        return SVGShapes.polygon(upper + lower, fill: m.color, opacity: m.opacity)
      }
      return (shapes, [])
    case .points(let m):
      let shapes = m.points.filter(\.isFinite).map {
        SVGShapes.marker(m.shape, at: frame.point($0), size: m.size, color: m.color)
      }
      return (shapes, [])
    case .rule(let m):
      return drawRule(m)
    case .bars(let m):
      return drawBars(m)
    case .errorBars(let m):
      return (drawErrorBars(m), [])
    }
  }

  private func drawRule(_ m: RuleMark) -> (shapes: [SVGElement], labels: [SVGElement]) {
    let size = ChartTheme.annotationSize
    switch m.orientation {
    case .vertical(let value):
      let x = frame.x(value)
      let line = SVGShapes.line(
        from: Point(x: x, y: frame.top), to: Point(x: x, y: frame.bottom), color: m.color,
        dash: m.dash)
      guard let label = m.label else { return ([line], []) }
      // Above the plot (the figure keeps a line free there), right of the rule if it fits,
      // else left of it; truncated to the wider side.
      let room = max(frame.right - x, x - frame.left) - 4
      let text = TextMetrics.truncate(label, toWidth: room, size: size)
      let width = TextMetrics.width(text, size: size)
      let fitsRight = x + 4 + width <= frame.right
      let element = SVGShapes.text(
        text, x: fitsRight ? x + 4 : x - 4, y: frame.top - Self.ruleLabelDrop, size: size,
        anchor: fitsRight ? .start : .end, color: ChartPalette.secondaryText)
      let tick = SVGShapes.line(
        from: Point(x: x, y: frame.top - Self.ruleLabelDrop - size * 0.7),
        to: Point(x: x, y: frame.top), color: m.color)
      return ([line], [tick, element])
    case .horizontal(let value):
      let y = frame.y(value)
      let line = SVGShapes.line(
        from: Point(x: frame.left, y: y), to: Point(x: frame.right, y: y), color: m.color,
        dash: m.dash)
      guard let label = m.label else { return ([line], []) }
      let text = TextMetrics.truncate(label, toWidth: frame.width - 4, size: size)
      // Above the line, or below it when the line is at the top of the plot.
      let above = y - 4 - size * ChartTheme.ascent >= frame.top
      let element = SVGShapes.text(
        text, x: frame.right - 2, y: above ? y - 4 : y + 4 + 0.8 * size, size: size,
        anchor: .end, color: ChartPalette.secondaryText)
      return ([line], [element])
    }
  }

  private var rowHeight: Double {
    frame.height / Double(max(yAxis.categories?.count ?? 1, 1))
  }

  /// A category's centre: the y scale maps index 0 to the first row, at the top.
  private func categoryCentre(_ index: Int) -> Double {
    frame.y(Double(index))
  }

  private func drawBars(_ m: BarMark) -> (shapes: [SVGElement], labels: [SVGElement]) {
    let size = ChartTheme.annotationSize
    let thickness = rowHeight * m.thickness
    var shapes: [SVGElement] = []
    var labels: [SVGElement] = []
    for bar in m.bars where bar.from.isFinite && bar.to.isFinite {
      let a = frame.x(min(bar.from, bar.to))
      let b = frame.x(max(bar.from, bar.to))
      let centre = categoryCentre(bar.category)
      shapes.append(
        SVGShapes.rect(
          x: a, y: centre - thickness / 2, width: b - a, height: thickness, fill: m.color))
      let baseline = centre + 0.35 * size
      if let label = bar.leadingLabel {
        labels.append(
          SVGShapes.text(
            label, x: a - Self.barLabelGap, y: baseline, size: size, anchor: .end,
            color: ChartPalette.secondaryText))
      }
      if let label = bar.trailingLabel {
        labels.append(
          SVGShapes.text(
            label, x: b + Self.barLabelGap, y: baseline, size: size,
            color: ChartPalette.secondaryText))
      }
    }
    return (shapes, labels)
  }

  /// How far above the plot a vertical rule's label has its baseline.
  static let ruleLabelDrop = 4.0

  /// The gap between a bar's end and its label.
  static let barLabelGap = 4.0

  private func drawErrorBars(_ m: ErrorBarMark) -> [SVGElement] {
    var out: [SVGElement] = []
    let cap = 4.0
    for e in m.estimates
    where e.position.isFinite && e.value.isFinite && e.lower.isFinite && e.upper.isFinite {
      switch m.orientation {
      case .horizontal:
        // On a categorical axis a fractional position sits between rows (two series side by side).
        let y = frame.y(e.position)
        let a = frame.x(e.lower)
        let b = frame.x(e.upper)
        out.append(
          SVGShapes.line(from: Point(x: a, y: y), to: Point(x: b, y: y), color: m.color, width: 1.5)
        )
        for x in [a, b] {
          out.append(
            SVGShapes.line(
              from: Point(x: x, y: y - cap), to: Point(x: x, y: y + cap), color: m.color,
              width: 1.5))
        }
        out.append(
          SVGShapes.marker(m.shape, at: Point(x: frame.x(e.value), y: y), size: 8, color: m.color))
      case .vertical:
        let x = frame.x(e.position)
        let a = frame.y(e.lower)
        let b = frame.y(e.upper)
        out.append(
          SVGShapes.line(from: Point(x: x, y: a), to: Point(x: x, y: b), color: m.color, width: 1.5)
        )
        for y in [a, b] {
          out.append(
            SVGShapes.line(
              from: Point(x: x - cap, y: y), to: Point(x: x + cap, y: y), color: m.color,
              width: 1.5))
        }
        out.append(
          SVGShapes.marker(m.shape, at: Point(x: x, y: frame.y(e.value)), size: 8, color: m.color))
      }
    }
    return out
  }
}
