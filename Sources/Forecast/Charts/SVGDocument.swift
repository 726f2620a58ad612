/// A standalone SVG 1.1 document: a view box, an accessible title and description, and the
/// drawing, written as the same bytes for the same content.
///
/// The root carries `role="img"` and `aria-labelledby` naming the `<title>` and `<desc>`, so
/// screen readers announce the figure; the font stack is declared inline (no web fonts,
/// scripts or images), and Debian's `fonts-noto-cjk` or `fonts-dejavu-core` satisfy it.
public struct SVGDocument: Sendable, Equatable {
  /// The font families tried in order: Noto Sans, its CJK companion for Chinese labels, then
  /// DejaVu Sans, which every Debian desktop has.
  public static let fontFamily = "'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif"

  public var width: Double
  public var height: Double
  public var title: String
  public var description: String
  public var children: [SVGElement]

  public init(
    width: Double, height: Double, title: String, description: String,
    children: [SVGElement] = []
  ) {
    precondition(width > 0 && height > 0, "SVGDocument: a \(width)×\(height) view box")
    self.width = width
    self.height = height
    self.title = title
    self.description = description
    self.children = children
  }

  /// The document's text, starting with the XML declaration and ending with a newline.
  public func xml() -> String {
    let w = SVGNumber.format(width)
    let h = SVGNumber.format(height)
    var root = SVGElement(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
        "width": w, "height": h, "viewBox": "0 0 \(w) \(h)",
        "role": "img", "aria-labelledby": "figure-title figure-desc",
        "font-family": Self.fontFamily,
      ])
    root.append(SVGElement("title", ["id": "figure-title"], text: title))
    root.append(SVGElement("desc", ["id": "figure-desc"], text: description))
    root.children += children
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.xml()
  }
}
