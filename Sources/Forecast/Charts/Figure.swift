/// A complete chart: title, subtitle, legend, one or more panels sharing an x axis, and a
/// source line; ``svg()`` lays it out in a view box 800 units wide (A4 text width at about
/// 4.7 units per millimetre, so 14-unit text prints near 8 pt).
///
/// The layout reserves room for every label from ``TextMetrics`` estimates: long titles wrap
/// to two lines and are then truncated, legends wrap into rows, and the view box grows in
/// height to fit, so no text leaves it.
public struct Figure: Sendable, Hashable {
  public var title: String
  public var subtitle: String?
  /// Where the data come from, written after "Source: " at the bottom.
  public var source: String?
  /// The accessible description; nil describes the figure from its title and panels.
  public var description: String?
  public var x: Axis
  public var panels: [Panel]
  /// Panels per row.
  public var columns: Int
  /// The legend's entries; nil lists every labelled mark once, in order.
  public var legend: [LegendEntry]?
  public var width: Double

  public init(
    title: String, subtitle: String? = nil, source: String? = nil, description: String? = nil,
    x: Axis, panels: [Panel], columns: Int = 1, legend: [LegendEntry]? = nil, width: Double = 800
  ) {
    precondition(!panels.isEmpty, "Figure: no panels")
    precondition(columns >= 1, "Figure: \(columns) columns")
    precondition(x.categoryNames == nil, "Figure: categories are a y axis")
    precondition(width >= 300, "Figure: width \(width)")
    self.title = title
    self.subtitle = subtitle
    self.source = source
    self.description = description
    self.x = x
    self.panels = panels
    self.columns = columns
    self.legend = legend
    self.width = width
  }

  /// The legend actually drawn.
  var legendEntries: [LegendEntry] {
    if let legend { return legend }
    var seen: Set<String> = []
    var entries: [LegendEntry] = []
    for mark in panels.flatMap(\.marks) {
      if let entry = mark.legendEntry, seen.insert(entry.label).inserted {
        entries.append(entry)
      }
    }
    return entries
  }

  /// The default accessible description: the title, subtitle and what each panel shows.
  var accessibleDescription: String {
    if let description { return description }
    var parts = [title]
    if let subtitle { parts.append(subtitle) }
    let names = legendEntries.map(\.label)
    if !names.isEmpty { parts.append("Series: " + names.joined(separator: ", ")) }
    let panelTitles = panels.compactMap(\.title)
    if !panelTitles.isEmpty { parts.append("Panels: " + panelTitles.joined(separator: ", ")) }
    if let source { parts.append("Source: " + source) }
    return parts.joined(separator: ". ")
  }
}

extension Figure {
  /// The figure as an SVG document, laid out to fit its view box.
  public func svg() -> SVGDocument {
    FigureRenderer(figure: self).document()
  }
}
