/// Lays a figure out from the top down (title, subtitle, legend, panel rows, x axis title,
/// source line) and draws it; the view box is as tall as its content.
struct FigureRenderer {
  let figure: Figure

  private typealias Theme = ChartTheme
  private var contentLeft: Double { Theme.margin }
  private var contentWidth: Double { figure.width - 2 * Theme.margin }

  func document() -> SVGDocument {
    var body: [SVGElement] = []
    var top = Theme.margin

    // Title and subtitle.
    var header: [SVGElement] = []
    for line in TextMetrics.wrap(
      figure.title, toWidth: contentWidth, size: Theme.titleSize, bold: true)
    {
      header.append(textLine(line, top: &top, size: Theme.titleSize, bold: true))
    }
    if let subtitle = figure.subtitle {
      top += 2
      for line in TextMetrics.wrap(subtitle, toWidth: contentWidth, size: Theme.subtitleSize) {
        header.append(
          textLine(line, top: &top, size: Theme.subtitleSize, color: ChartPalette.secondaryText))
      }
    }
    body.append(.group(["class": "header"], header))

    // Legend.
    let entries = figure.legendEntries
    if !entries.isEmpty {
      top += 10
      body.append(legend(entries, top: &top))
    }
    top += 12

    // Panels.
    body += panels(top: &top)

    // Source line.
    if let source = figure.source {
      top += 10
      var lines: [SVGElement] = []
      for line in TextMetrics.wrap(
        "Source: " + source, toWidth: contentWidth, size: Theme.sourceSize, maximumLines: 3)
      {
        lines.append(
          textLine(line, top: &top, size: Theme.sourceSize, color: ChartPalette.secondaryText))
      }
      body.append(.group(["class": "source"], lines))
    }
    top += Theme.margin

    var background = SVGShapes.rect(
      x: 0, y: 0, width: figure.width, height: top.rounded(.up), fill: "#FFFFFF")
    background.set("class", "background")
    return SVGDocument(
      width: figure.width, height: top.rounded(.up), title: figure.title,
      description: figure.accessibleDescription, children: [background] + body)
  }

  /// A line of text whose line box starts at `top`, left-aligned at `x`; advances `top`.
  private func textLine(
    _ text: String, top: inout Double, x: Double? = nil, size: Double, bold: Bool = false,
    color: String = ChartPalette.text
  ) -> SVGElement {
    let element = SVGShapes.text(
      text, x: x ?? contentLeft, y: top + 0.95 * size, size: size, bold: bold, color: color)
    top += size * Theme.lineHeight
    return element
  }

  /// Legend items left to right, wrapping into rows that fit the content width.
  private func legend(_ entries: [LegendEntry], top: inout Double) -> SVGElement {
    let size = Theme.legendSize
    let rowHeight = size * Theme.lineHeight + 4
    let swatch = Theme.legendSwatchWidth
    var items: [SVGElement] = []
    var x = contentLeft
    var rowTop = top
    for entry in entries {
      let label = TextMetrics.truncate(
        entry.label, toWidth: contentWidth - swatch - 6, size: size)
      let width = swatch + 6 + TextMetrics.width(label, size: size)
      if x > contentLeft && x + width > contentLeft + contentWidth {
        x = contentLeft
        rowTop += rowHeight
      }
      let centre = rowTop + rowHeight / 2 - 2
      items.append(swatchElement(entry.swatch, x: x, centre: centre))
      items.append(
        SVGShapes.text(
          label, x: x + swatch + 6, y: centre + 0.35 * size, size: size))
      x += width + Theme.legendItemGap
    }
    top = rowTop + rowHeight
    return .group(["class": "legend"], items)
  }

  private func swatchElement(_ swatch: LegendEntry.Swatch, x: Double, centre: Double)
    -> SVGElement
  {
    let w = Theme.legendSwatchWidth
    switch swatch {
    case .line(let style):
      return SVGShapes.polyline(
        [[Point(x: x, y: centre), Point(x: x + w, y: centre)]], style: style)
    case .band(let color, let opacity):
      return SVGShapes.rect(
        x: x, y: centre - 6, width: w, height: 12, fill: color, opacity: opacity)
    case .marker(let color, let shape):
      return SVGShapes.marker(shape, at: Point(x: x + w / 2, y: centre), size: 8, color: color)
    case .bar(let color):
      return SVGShapes.rect(x: x, y: centre - 5, width: w, height: 10, fill: color)
    }
  }

  // MARK: Panels

  private func plotHeight(_ panel: Panel) -> Double {
    if let h = panel.height { return h }
    if let names = panel.y.categoryNames {
      return Double(max(names.count, 1)) * Theme.categoryRowHeight
    }
    return figure.panels.count == 1 ? Theme.defaultPlotHeight : Theme.defaultMultiplePlotHeight
  }

  /// Every panel row: headers (panel title, y axis title), plots, x tick labels under the
  /// lowest panel of each column, then the x axis title.
  private func panels(top: inout Double) -> [SVGElement] {
    let columns = min(figure.columns, figure.panels.count)
    let columnWidth =
      (contentWidth - Double(columns - 1) * Theme.panelGapX) / Double(columns)

    // y axes first: their labels set the left gutter every panel shares.
    let yLayouts = figure.panels.map { panel in
      var layout = AxisLayout(
        panel.y, values: panel.marks.flatMap(\.yValues), length: plotHeight(panel),
        spacing: 50)
      if layout.categories != nil {
        layout.labels = layout.labels.map {
          TextMetrics.truncate($0, toWidth: columnWidth * 0.4, size: Theme.tickSize)
        }
      }
      return layout
    }
    let gutter =
      (yLayouts.map { $0.widestLabel(size: Theme.tickSize) }.max() ?? 0) + Theme.tickGap

    let xValues = figure.panels.flatMap { $0.marks.flatMap(\.xValues) }
    let (xLayout, leftGutter, rightPad) = Self.xAxisLayout(
      figure.x, values: xValues, columnWidth: columnWidth, gutter: gutter)
    let plotWidth = columnWidth - leftGutter - rightPad
    let insets = barLabelInsets(xLayout: xLayout, plotWidth: plotWidth)

    var out: [SVGElement] = []
    let rows = (figure.panels.count + columns - 1) / columns
    for row in 0..<rows {
      let indices = Array(row * columns..<min((row + 1) * columns, figure.panels.count))
      let rowPanels = indices.map { figure.panels[$0] }
      var headerTop = top
      var headers: [SVGElement] = []
      let hasTitle = rowPanels.contains { $0.title != nil }
      let hasYTitle = rowPanels.contains { $0.y.title != nil }
      for (column, panel) in rowPanels.enumerated() {
        let left = contentLeft + Double(column) * (columnWidth + Theme.panelGapX)
        var lineTop = top
        if hasTitle {
          if let title = panel.title {
            let text = TextMetrics.truncate(
              title, toWidth: columnWidth, size: Theme.panelTitleSize, bold: true)
            headers.append(
              textLine(text, top: &lineTop, x: left, size: Theme.panelTitleSize, bold: true))
          } else {
            lineTop += Theme.panelTitleSize * Theme.lineHeight
          }
        }
        if hasYTitle, let title = panel.y.title {
          let text = TextMetrics.truncate(title, toWidth: columnWidth, size: Theme.axisTitleSize)
          headers.append(
            textLine(
              text, top: &lineTop, x: left, size: Theme.axisTitleSize,
              color: ChartPalette.secondaryText))
        }
      }
      if hasTitle { headerTop += Theme.panelTitleSize * Theme.lineHeight }
      if hasYTitle { headerTop += Theme.axisTitleSize * Theme.lineHeight }
      // A line for the labels of vertical rules, which stand above the plot.
      let hasRuleLabel = rowPanels.contains { panel in
        panel.marks.contains {
          if case .rule(let r) = $0, case .vertical = r.orientation {
            r.label != nil
          } else {
            false
          }
        }
      }
      if hasRuleLabel { headerTop += Theme.annotationSize * Theme.lineHeight }
      if !headers.isEmpty { out.append(.group(["class": "panel-headers"], headers)) }
      // Room for the top tick label, centred on the plot's top edge.
      let plotTop = headerTop + 8
      let height = rowPanels.map(plotHeight).max() ?? Theme.defaultPlotHeight
      var rowHasXLabels = false
      for (column, index) in indices.enumerated() {
        let panel = figure.panels[index]
        let yLayout = yLayouts[index]
        let columnLeft = contentLeft + Double(column) * (columnWidth + Theme.panelGapX)
        let plotLeft = columnLeft + leftGutter
        let isBottom = index + columns >= figure.panels.count
        rowHasXLabels = rowHasXLabels || isBottom
        let xScale = LinearScale(
          domain: xLayout.domain,
          range: (plotLeft + insets.left, plotLeft + plotWidth - insets.right))
        let yScale =
          yLayout.categories != nil
          ? LinearScale(domain: yLayout.domain, range: (plotTop, plotTop + height))
          : LinearScale(domain: yLayout.domain, range: (plotTop + height, plotTop))
        let frame = PlotFrame(
          left: plotLeft, top: plotTop, width: plotWidth, height: height, x: xScale, y: yScale)
        let renderer = PanelRenderer(
          panel: panel, index: index, frame: frame, xAxis: xLayout, yAxis: yLayout,
          showsXLabels: isBottom)
        out.append(.group(["class": "panel"], renderer.elements))
      }
      top = plotTop + height
      if rowHasXLabels {
        top += Theme.tickLength + 3 + Theme.tickSize * Theme.lineHeight
      }
      if row < rows - 1 { top += Theme.panelGapY }
    }
    if let title = figure.x.title {
      // Centred under the plots, from the first column's left edge to the last one's right.
      top += 4
      let plotsLeft = contentLeft + leftGutter
      let plotsRight = contentLeft + contentWidth - rightPad
      let text = TextMetrics.truncate(title, toWidth: contentWidth, size: Theme.axisTitleSize)
      let half = TextMetrics.width(text, size: Theme.axisTitleSize) / 2
      let centre = min(
        max((plotsLeft + plotsRight) / 2, contentLeft + half), contentLeft + contentWidth - half)
      var element = textLine(
        text, top: &top, x: centre, size: Theme.axisTitleSize,
        color: ChartPalette.secondaryText)
      element.set("text-anchor", "middle")
      out.append(element)
    }
    return out
  }

  /// The shared x axis, ticks about 90 units apart or further until no two labels touch,
  /// and the room its end labels need: half the first label's width left of the plot (within
  /// the y labels' gutter if it fits), half the last one's right of it.
  private static func xAxisLayout(
    _ axis: Axis, values: [Double], columnWidth: Double, gutter: Double
  ) -> (layout: AxisLayout, leftGutter: Double, rightPad: Double) {
    var spacing = 90.0
    while true {
      // A first guess at the plot's width sets the tick count; the labels then set the pads.
      let rough = columnWidth - gutter - 16
      let layout = AxisLayout(axis, values: values, length: rough, spacing: spacing)
      let half = { (label: String?) in
        label.map { TextMetrics.width($0, size: Theme.tickSize) / 2 + 2 } ?? 0
      }
      let leftGutter = max(gutter, half(layout.labels.first))
      let rightPad = max(8, half(layout.labels.last))
      let length = columnWidth - leftGutter - rightPad
      let span = layout.domain.upperBound - layout.domain.lowerBound
      let gaps = zip(layout.ticks, layout.ticks.dropFirst()).map { ($1 - $0) / span * length }
      let widest = layout.widestLabel(size: Theme.tickSize)
      if span <= 0 || (gaps.min() ?? .infinity) >= widest + 12 {
        return (layout, leftGutter, rightPad)
      }
      if rough / spacing < 1 {
        // Even two or three ticks are too close: label every other one.
        var thinned = layout
        thinned.labels = layout.labels.enumerated().map { $0.offset % 2 == 0 ? $0.element : "" }
        return (thinned, leftGutter, rightPad)
      }
      spacing *= 1.25
    }
  }

  /// Room kept inside the plot's left and right edges so that bar end labels stay in the
  /// plot: the scale's range is narrowed until every label fits beside its bar.
  private func barLabelInsets(xLayout: AxisLayout, plotWidth: Double)
    -> (left: Double, right: Double)
  {
    let size = Theme.annotationSize
    let gap = PanelRenderer.barLabelGap + 2
    let bars = figure.panels.flatMap(\.marks).flatMap { mark -> [BarMark.Bar] in
      if case .bars(let m) = mark { m.bars } else { [] }
    }
    guard !bars.isEmpty else { return (0, 0) }
    let span = xLayout.domain.upperBound - xLayout.domain.lowerBound
    guard span > 0 else { return (0, 0) }
    var left = 0.0
    var right = 0.0
    for _ in 0..<20 {
      var changed = false
      let inner = plotWidth - left - right
      for bar in bars where bar.from.isFinite && bar.to.isFinite {
        let low = (min(bar.from, bar.to) - xLayout.domain.lowerBound) / span
        let high = (xLayout.domain.upperBound - max(bar.from, bar.to)) / span
        if let label = bar.leadingLabel {
          let need = TextMetrics.width(label, size: size) + gap
          let have = left + low * inner
          if have < need - 0.01 {
            left += (need - have) / max(1 - low, 0.05)
            changed = true
          }
        }
        if let label = bar.trailingLabel {
          let need = TextMetrics.width(label, size: size) + gap
          let have = right + high * inner
          if have < need - 0.01 {
            right += (need - have) / max(1 - high, 0.05)
            changed = true
          }
        }
      }
      if !changed { break }
    }
    let limit = plotWidth * 0.45
    return (min(left, limit), min(right, limit))
  }
}
