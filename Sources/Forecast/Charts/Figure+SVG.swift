extension Figure {
  /// The figure as an SVG document, laid out to fit its view box.
  public func svg() -> SVGDocument {
    FigureRenderer(figure: self).document()
  }
}
