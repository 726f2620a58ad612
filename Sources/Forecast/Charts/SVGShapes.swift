/// The few SVG primitives the charts draw, with their attributes always in the same order.
enum SVGShapes {
  enum Anchor: String {
    case start, middle, end

    /// The fraction of the text's width that lies left of its x.
    var leftFraction: Double {
      switch self {
      case .start: 0
      case .middle: 0.5
      case .end: 1
      }
    }
  }

  /// A line of text with its baseline at `y`.
  static func text(
    _ string: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
    bold: Bool = false, color: String = ChartPalette.text
  ) -> SVGElement {
    var e = SVGElement("text", text: string)
    e.set("x", x)
    e.set("y", y)
    e.set("font-size", size)
    if anchor != .start { e.set("text-anchor", anchor.rawValue) }
    if bold { e.set("font-weight", "bold") }
    e.set("fill", color)
    return e
  }

  /// A straight line; `crisp` for gridlines and axes, which should not be antialiased.
  static func line(
    from a: Point, to b: Point, color: String, width: Double = 1, dash: DashPattern = .solid,
    crisp: Bool = false
  ) -> SVGElement {
    var e = SVGElement("line")
    e.set("x1", a.x)
    e.set("y1", a.y)
    e.set("x2", b.x)
    e.set("y2", b.y)
    e.set("stroke", color)
    e.set("stroke-width", width)
    if let d = dash.attribute { e.set("stroke-dasharray", d) }
    if crisp { e.set("shape-rendering", "crispEdges") }
    return e
  }

  static func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1
  ) -> SVGElement {
    var e = SVGElement("rect")
    e.set("x", x)
    e.set("y", y)
    e.set("width", max(width, 0))
    e.set("height", max(height, 0))
    e.set("fill", fill)
    if opacity < 1 { e.set("fill-opacity", opacity) }
    return e
  }

  /// A path through the pieces (each a separate subpath), stroked and not filled.
  static func polyline(_ pieces: [[Point]], style: SeriesStyle) -> SVGElement {
    var d = ""
    for piece in pieces where !piece.isEmpty {
      if !d.isEmpty { d += " " }
      d += "M" + SVGNumber.pointList(piece).replacingSpaces(with: "L")
    }
    var e = SVGElement("path")
    e.set("d", d)
    e.set("fill", "none")
    e.set("stroke", style.color)
    e.set("stroke-width", style.lineWidth)
    if let dash = style.dash.attribute { e.set("stroke-dasharray", dash) }
    e.set("stroke-linejoin", "round")
    return e
  }

  /// A closed, filled polygon.
  static func polygon(_ points: [Point], fill: String, opacity: Double) -> SVGElement {
    var e = SVGElement("path")
    e.set("d", "M" + SVGNumber.pointList(points).replacingSpaces(with: "L") + "Z")
    e.set("fill", fill)
    if opacity < 1 { e.set("fill-opacity", opacity) }
    return e
  }

  /// A marker centred at `p`, `size` wide, outlined in white so it reads over lines.
  static func marker(_ shape: MarkerShape, at p: Point, size: Double, color: String)
    -> SVGElement
  {
    let r = size / 2
    var e: SVGElement
    switch shape {
    case .circle:
      e = SVGElement("circle")
      e.set("cx", p.x)
      e.set("cy", p.y)
      e.set("r", r)
    case .square:
      e = SVGElement("rect")
      e.set("x", p.x - r * 0.9)
      e.set("y", p.y - r * 0.9)
      e.set("width", r * 1.8)
      e.set("height", r * 1.8)
    case .triangle:
      e = SVGElement("path")
      let points = [
        Point(x: p.x, y: p.y - r * 1.15), Point(x: p.x + r, y: p.y + r * 0.6),
        Point(x: p.x - r, y: p.y + r * 0.6),
      ]
      e.set("d", "M" + SVGNumber.pointList(points).replacingSpaces(with: "L") + "Z")
    case .diamond:
      e = SVGElement("path")
      let points = [
        Point(x: p.x, y: p.y - r * 1.2), Point(x: p.x + r, y: p.y),
        Point(x: p.x, y: p.y + r * 1.2), Point(x: p.x - r, y: p.y),
      ]
      e.set("d", "M" + SVGNumber.pointList(points).replacingSpaces(with: "L") + "Z")
    }
    e.set("fill", color)
    e.set("stroke", "#FFFFFF")
    e.set("stroke-width", 1)
    return e
  }
}

extension String {
  /// `x,y x,y` as `x,yLx,y`: a point list as path line-to commands.
  fileprivate func replacingSpaces(with separator: String) -> String {
    split(separator: " ").joined(separator: separator)
  }
}
