/// Figures as one Vega-Lite v5 specification, data inline, so an analyst who edits a chart in
/// the Vega editor starts from the same titles, axis titles with units, legend names, history
/// and bands as the SVG: one block per figure (title, subtitle lines and source line), one
/// plot per panel, one layer per mark. Each labelled mark takes its colour through one shared
/// legend scale whose domain is the legend's names; unlabelled marks take their colour as a
/// value. The text is written directly, so the same figures give the same bytes.
struct VegaLiteFigure {
  static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

  let figures: [Figure]

  var json: String {
    var labels: [String] = []
    var colors: [String] = []
    for entry in figures.flatMap(\.legendEntries) where !labels.contains(entry.label) {
      labels.append(entry.label)
      colors.append(Self.color(of: entry.swatch))
    }
    let legend = Legend(labels: labels, colors: colors)
    let blocks = figures.map { block($0, legend: legend) }
    return """
      {
        "$schema": \(Self.string(Self.schema)),
        "description": \(Self.string(figures.map(\.accessibleDescription).joined(separator: " "))),
        "config": {"font": \(Self.string(SVGDocument.fontFamily)), "view": {"stroke": null}, "legend": {"orient": "top", "columns": 3, "labelLimit": 360}},
        "vconcat": [
      \(blocks.joined(separator: ",\n"))
        ]
      }

      """
  }

  struct Legend {
    let labels: [String]
    let colors: [String]

    /// The colour encoding of a mark: the legend's scale for a labelled mark.
    func color(_ label: String?, _ value: String) -> String {
      guard let label, labels.contains(label) else { return "{\"value\": \(string(value))}" }
      return "{\"datum\": \(string(label)), \"scale\": {\"domain\": [\(labels.map(string).joined(separator: ", "))], "
        + "\"range\": [\(colors.map(string).joined(separator: ", "))]}, \"title\": null}"
    }
  }

  private func block(_ figure: Figure, legend: Legend) -> String {
    var subtitle = figure.subtitle.map { TextMetrics.wrap($0, toWidth: 760, size: 14, maximumLines: 6) } ?? []
    if let source = figure.source { subtitle.append("Source: " + source) }
    let width = figure.columns > 1 ? 330 : 700
    let plots = figure.panels.map { panel($0, figure: figure, width: width, legend: legend) }
    return """
          {
            "title": {"text": \(Self.string(figure.title)), "subtitle": [\(subtitle.map(Self.string).joined(separator: ", "))], "anchor": "start"},
            "columns": \(figure.columns),
            "concat": [
      \(plots.joined(separator: ",\n"))
            ]
          }
      """
  }

  private func panel(_ panel: Panel, figure: Figure, width: Int, legend: Legend) -> String {
    let categories = panel.y.categoryNames
    let height = categories.map { $0.count * 24 } ?? 220
    let layers = panel.marks.flatMap { self.layers($0, panel: panel, figure: figure, legend: legend) }
    let title = panel.title.map { "\"title\": \(Self.string($0)), " } ?? ""
    return "        {\(title)\"width\": \(width), \"height\": \(height), \"layer\": [\n"
      + layers.map { "          " + $0 }.joined(separator: ",\n") + "\n        ]}"
  }

  /// A position encoding for `axis`: title with units, tick labels in the axis's style.
  private func encoding(_ axis: Axis, field: String) -> String {
    if let names = axis.categoryNames {
      return "{\"field\": \(Self.string(field)), \"type\": \"nominal\", \"sort\": [\(names.map(Self.string).joined(separator: ", "))], "
        + "\"title\": \(axis.title.map(Self.string) ?? "null"), \"axis\": {\"labelLimit\": 320}}"
    }
    var scale = ["\"zero\": \(axis.includesZero)"]
    if let domain = axis.domain { scale.append("\"domain\": [\(Self.number(domain.lowerBound)), \(Self.number(domain.upperBound))]") }
    let format: String
    switch (axis.kind, axis.labelStyle) {
    case (.years, _): format = "\"format\": \"d\", \"tickMinStep\": 1"
    case (_, .percent): format = "\"format\": \".1~%\""
    case (_, .scaled(let magnitude, _)):
      format = "\"labelExpr\": \"format(datum.value / \(Int(magnitude.factor)), ',.2~f')\""
    default: format = "\"format\": \",\""
    }
    return "{\"field\": \(Self.string(field)), \"type\": \"quantitative\", \"title\": \(axis.title.map(Self.string) ?? "null"), "
      + "\"scale\": {\(scale.joined(separator: ", "))}, \"axis\": {\(format)}}"
  }

  private func layers(_ mark: Mark, panel: Panel, figure: Figure, legend: Legend) -> [String] {
    let xEncoding = encoding(figure.x, field: "x")
    let yEncoding = encoding(panel.y, field: "y")
    func values(_ rows: [[(String, Double)]]) -> String {
      "{\"values\": [" + rows.map { row in
        "{" + row.map { "\(Self.string($0.0)): \(Self.number($0.1))" }.joined(separator: ", ") + "}"
      }.joined(separator: ", ") + "]}"
    }
    switch mark {
    case .line(let m):
      let dash = m.style.dash.lengths.isEmpty ? "" : ", \"strokeDash\": [\(m.style.dash.lengths.map(Self.number).joined(separator: ", "))]"
      return [
        "{\"mark\": {\"type\": \"line\", \"strokeWidth\": \(Self.number(m.style.lineWidth))\(dash)}, "
          + "\"data\": \(values(m.points.map { [("x", $0.x), ("y", $0.y)] })), "
          + "\"encoding\": {\"x\": \(xEncoding), \"y\": \(yEncoding), \"color\": \(legend.color(m.label, m.style.color))}}"
      ]
    case .band(let m):
      let rows = m.x.indices.map { [("x", m.x[$0]), ("y", m.lower[$0]), ("y2", m.upper[$0])] }
      return [
        "{\"mark\": {\"type\": \"area\", \"opacity\": \(Self.number(m.opacity))}, \"data\": \(values(rows)), "
          + "\"encoding\": {\"x\": \(xEncoding), \"y\": \(yEncoding), \"y2\": {\"field\": \"y2\"}, \"color\": \(legend.color(m.label, m.color))}}"
      ]
    case .points(let m):
      return [
        "{\"mark\": {\"type\": \"point\", \"filled\": true, \"shape\": \(Self.string(Self.shape(m.shape)))}, "
          + "\"data\": \(values(m.points.map { [("x", $0.x), ("y", $0.y)] })), "
          + "\"encoding\": {\"x\": \(xEncoding), \"y\": \(yEncoding), \"color\": \(legend.color(m.label, m.color))}}"
      ]
    case .rule(let m):
      let position: String
      switch m.orientation {
      case .vertical(let x): position = "\"x\": {\"datum\": \(Self.number(x))}"
      case .horizontal(let y): position = "\"y\": {\"datum\": \(Self.number(y))}"
      }
      var out = [
        "{\"mark\": {\"type\": \"rule\", \"strokeDash\": [\(m.dash.lengths.map(Self.number).joined(separator: ", "))], \"color\": \(Self.string(m.color))}, "
          + "\"encoding\": {\(position)}}"
      ]
      if let label = m.label {
        let anchor =
          if case .vertical = m.orientation {
            "\"y\": {\"value\": -6}, \"text\": {\"value\": \(Self.string(label))}"
          } else {
            "\"x\": {\"value\": 4}, \"dy\": -6, \"text\": {\"value\": \(Self.string(label))}"
          }
        out.append(
          "{\"mark\": {\"type\": \"text\", \"align\": \"left\", \"dx\": 3, \"fontSize\": 11, \"color\": \(Self.string(m.color))}, "
            + "\"encoding\": {\(position), \(anchor.replacingOccurrences(of: "\"dy\": -6, ", with: ""))}}")
      }
      return out
    case .bars(let m):
      let names = panel.y.categoryNames ?? []
      func name(_ i: Int) -> String { i < names.count ? names[i] : "\(i)" }
      let rows = m.bars.map { bar in
        "{\"y\": \(Self.string(name(bar.category))), \"x\": \(Self.number(bar.from)), \"x2\": \(Self.number(bar.to)), "
          + "\"label\": \(Self.string(bar.leadingLabel ?? bar.trailingLabel ?? "")), \"end\": \(Self.number(bar.leadingLabel != nil ? bar.from : bar.to)), "
          + "\"align\": \(Self.string(bar.leadingLabel != nil ? "right" : "left"))}"
      }
      let data = "{\"values\": [" + rows.joined(separator: ", ") + "]}"
      return [
        "{\"mark\": {\"type\": \"bar\"}, \"data\": \(data), \"encoding\": {\"x\": \(xEncoding), \"x2\": {\"field\": \"x2\"}, "
          + "\"y\": \(yEncoding), \"color\": \(legend.color(m.label, m.color))}}",
        "{\"mark\": {\"type\": \"text\", \"fontSize\": 11, \"dx\": 0}, \"data\": \(data), \"encoding\": {\"x\": {\"field\": \"end\", \"type\": \"quantitative\"}, "
          + "\"y\": \(yEncoding), \"text\": {\"field\": \"label\"}, \"align\": {\"field\": \"align\"}}}",
      ]
    case .errorBars(let m):
      let rows = m.estimates.map { e -> [(String, Double)] in
        m.orientation == .vertical
          ? [("x", e.position), ("y", e.value), ("lower", e.lower), ("upper", e.upper)]
          : [("y", e.position), ("x", e.value), ("lower", e.lower), ("upper", e.upper)]
      }
      let interval =
        m.orientation == .vertical
        ? "\"x\": \(xEncoding), \"y\": {\"field\": \"lower\", \"type\": \"quantitative\"}, \"y2\": {\"field\": \"upper\"}"
        : "\"y\": \(yEncoding), \"x\": {\"field\": \"lower\", \"type\": \"quantitative\"}, \"x2\": {\"field\": \"upper\"}"
      return [
        "{\"mark\": {\"type\": \"rule\", \"strokeWidth\": 1.5}, \"data\": \(values(rows)), \"encoding\": {\(interval), \"color\": \(legend.color(m.label, m.color))}}"
      ]
    }
  }

  static func color(of swatch: LegendEntry.Swatch) -> String {
    switch swatch {
    case .line(let style): style.color
    case .band(let color, _): color
    case .marker(let color, _): color
    case .bar(let color): color
    }
  }

  static func shape(_ shape: MarkerShape) -> String {
    switch shape {
    case .circle: "circle"
    case .square: "square"
    case .triangle: "triangle-up"
    case .diamond: "diamond"
    }
  }

  static func string(_ text: String) -> String { Table.jsonString(text) }

  /// A finite number in its shortest round-trip form; null for NaN and infinities.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
