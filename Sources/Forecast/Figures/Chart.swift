/// A chart of a scenario's results: one figure, or several stacked in one document (a
/// backtest's forecasts above its errors per step, which need another x axis).
public struct Chart: Sendable {
  public var kind: ChartKind
  public var figures: [Figure]

  public init(kind: ChartKind, figures: [Figure]) {
    precondition(!figures.isEmpty, "Chart: no figures")
    self.kind = kind
    self.figures = figures
  }

  /// The chart as one standalone SVG document.
  public func svg() -> String {
    FigureStack(figures: figures).document().xml()
  }

  /// The chart as a Vega-Lite v5 specification with its data inline.
  public func vegaLite() -> String {
    VegaLiteFigure(figures: figures).json
  }

  /// Cut to the years of `window` (figures on a year axis only).
  func restricted(to window: YearWindow?) throws(FigureError) -> Chart {
    guard let window else { return self }
    var cut = self
    var outside: FigureError?
    var any = false
    for (i, figure) in figures.enumerated() where figure.x.kind == .years {
      do {
        cut.figures[i] = try window.apply(to: figure)
        any = true
      } catch {
        outside = outside ?? error
      }
    }
    if !any, let outside { throw outside }
    return cut
  }
}

/// Words every chart uses in its subtitle.
enum FigureText {
  /// The scenario's title, or its name.
  static func scenario(_ scenario: Scenario) -> String {
    scenario.info.title ?? scenario.info.name
  }

  /// How to read the lines and bands of a run with `paths` paths.
  static func paths(_ paths: Int) -> String {
    paths > 1
      ? "Lines: mean of \(NumberFormat(.grouped).string(Double(paths))) paths; "
        + "shaded: 50% and 90% intervals"
      : "One deterministic path, no intervals"
  }

  /// A figure of the project's charts: the legend lists lines and markers first, then the
  /// bands (in grey when bands of one name have several colours: "90% interval" of each
  /// line), and `note` follows the source line.
  static func figure(
    title: String, subtitle: String, note: String? = nil, source: FigureSource, x: Axis,
    panels: [Panel], columns: Int = 1
  ) -> Figure {
    var lines: [LegendEntry] = []
    var bands: [LegendEntry] = []
    for mark in panels.flatMap(\.marks) {
      guard let entry = mark.legendEntry else { continue }
      if case .band(let color, let opacity) = entry.swatch {
        if let i = bands.firstIndex(where: { $0.label == entry.label }) {
          if case .band(let other, _) = bands[i].swatch, other != color {
            bands[i].swatch = .band(color: ChartPalette.axis, opacity: opacity)
          }
        } else {
          bands.append(entry)
        }
      } else if !lines.contains(where: { $0.label == entry.label }) {
        lines.append(entry)
      }
    }
    return Figure(
      title: title, subtitle: subtitle, source: source.line + (note.map { ". \($0)" } ?? ""),
      x: x, panels: panels, columns: columns, legend: lines + bands)
  }

  /// The base-year rule.
  static func baseYear(_ year: Int) -> Mark {
    .rule(RuleMark(.vertical(x: Double(year)), label: "base year \(year)"))
  }

  /// A name as the scenario writes it, made readable: `other_brands` → `other brands`.
  static func readable(_ name: String) -> String {
    name.replacingOccurrences(of: "_", with: " ")
  }
}
