import Foundation

@testable import Forecast

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG document read back with `XMLParser`: whether it is well-formed, its view box, and
/// its elements in document order with their attributes and text.
final class SVGInspector: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
  }

  private(set) var elements: [Element] = []
  private(set) var parseError: Error?
  private var open: [Int] = []

  init(_ xml: String) {
    super.init()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = self
    if !parser.parse() { parseError = parser.parserError ?? CocoaError(.coderReadCorrupt) }
  }

  var isWellFormed: Bool { parseError == nil }

  var viewBox: (x: Double, y: Double, width: Double, height: Double)? {
    guard let box = elements.first?.attributes["viewBox"] else { return nil }
    let v = box.split(separator: " ").compactMap { Double($0) }
    guard v.count == 4 else { return nil }
    return (v[0], v[1], v[2], v[3])
  }

  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// A text element's estimated box: its width from ``TextMetrics``, from the ascent above
  /// the baseline to the descent below it.
  static func box(_ e: Element) -> (left: Double, top: Double, right: Double, bottom: Double)? {
    guard let x = e.attributes["x"].flatMap(Double.init),
      let y = e.attributes["y"].flatMap(Double.init),
      let size = e.attributes["font-size"].flatMap(Double.init)
    else { return nil }
    let width = TextMetrics.width(e.text, size: size, bold: e.attributes["font-weight"] == "bold")
    let left: Double
    switch e.attributes["text-anchor"] {
    case "middle": left = x - width / 2
    case "end": left = x - width
    default: left = x
    }
    return (left, y - size * ChartTheme.ascent, left + width, y + size * ChartTheme.descent)
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    open.append(elements.count)
    elements.append(Element(name: name, attributes: attributes, text: ""))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let i = open.last { elements[i].text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if let i = open.popLast(),
      elements[i].name != "text" && elements[i].name != "title"
        && elements[i].name != "desc"
    {
      elements[i].text = elements[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }
}
