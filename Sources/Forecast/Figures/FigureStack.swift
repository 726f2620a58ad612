/// Figures stacked top to bottom in one SVG document, each laid out as on its own; the
/// document's title and description are the first figure's, joined with the others'.
struct FigureStack {
  let figures: [Figure]

  func document() -> SVGDocument {
    let documents = figures.map { $0.svg() }
    guard documents.count > 1 else { return documents[0] }
    var children: [SVGElement] = []
    var top = 0.0
    for (k, document) in documents.enumerated() {
      let body = k == 0 ? document.children : document.children.map { $0.prefixingIDs("f\(k)-") }
      children.append(.group(["transform": "translate(0 \(SVGNumber.format(top)))"], body))
      top += document.height
    }
    return SVGDocument(
      width: documents.map(\.width).max() ?? 800, height: top,
      title: documents.map(\.title).joined(separator: "; "),
      description: documents.map(\.description).joined(separator: " "),
      children: children)
  }
}

extension SVGElement {
  /// The element with `prefix` before every id it declares or references (`id`,
  /// `clip-path="url(#…)"`, `aria-labelledby`), so several documents can share one page.
  func prefixingIDs(_ prefix: String) -> SVGElement {
    var copy = self
    if let id = attribute("id") { copy.set("id", prefix + id) }
    if let clip = attribute("clip-path"), clip.hasPrefix("url(#") {
      copy.set("clip-path", "url(#" + prefix + clip.dropFirst(5))
    }
    if let labels = attribute("aria-labelledby") {
      copy.set("aria-labelledby", labels.split(separator: " ").map { prefix + $0 }.joined(separator: " "))
    }
    copy.children = children.map { $0.prefixingIDs(prefix) }
    return copy
  }
}

extension SVGDocument {
  /// The document as an `<svg>` element to place inside an HTML page: no XML declaration, and
  /// every id prefixed so that several charts on one page do not clash.
  func inlineXML(idPrefix prefix: String) -> String {
    let w = SVGNumber.format(width)
    let h = SVGNumber.format(height)
    var root = SVGElement(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
        "viewBox": "0 0 \(w) \(h)", "role": "img",
        "aria-labelledby": "\(prefix)figure-title \(prefix)figure-desc",
        "font-family": Self.fontFamily,
      ])
    root.append(SVGElement("title", ["id": "\(prefix)figure-title"], text: title))
    root.append(SVGElement("desc", ["id": "\(prefix)figure-desc"], text: description))
    root.children += children.map { $0.prefixingIDs(prefix) }
    return root.xml()
  }
}
