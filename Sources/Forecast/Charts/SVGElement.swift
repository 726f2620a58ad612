/// One SVG element: a name, attributes in the order they were added, and either text or
/// child elements.
///
/// Attributes are an array, not a dictionary, so their order (and so the output's bytes) is
/// the order the builder wrote them in.
public struct SVGElement: Sendable, Equatable {
  public var name: String
  public private(set) var attributes: [(name: String, value: String)]
  public var children: [SVGElement]
  public var text: String?

  public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    self.name = name
    self.attributes = attributes.map { (name: $0.key, value: $0.value) }
    children = []
    text = nil
  }

  /// A `<text>`-like element holding `text`.
  public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
    self.init(name, attributes)
    self.text = text
  }

  /// A `<g>` group of `children`.
  public static func group(
    _ attributes: KeyValuePairs<String, String> = [:], _ children: [SVGElement]
  ) -> SVGElement {
    var g = SVGElement("g", attributes)
    g.children = children
    return g
  }

  /// Sets (or replaces in place) an attribute.
  public mutating func set(_ name: String, _ value: String) {
    if let i = attributes.firstIndex(where: { $0.name == name }) {
      attributes[i].value = value
    } else {
      attributes.append((name: name, value: value))
    }
  }

  /// Sets a numeric attribute with the fixed coordinate formatting.
  public mutating func set(_ name: String, _ value: Double) {
    set(name, SVGNumber.format(value))
  }

  /// The element's value of `name`, if set.
  public func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// Appends `child`.
  public mutating func append(_ child: SVGElement) {
    children.append(child)
  }

  /// The element as XML, children indented by two spaces per level.
  public func xml(indent: Int = 0) -> String {
    var out = ""
    write(to: &out, indent: indent)
    return out
  }

  func write(to out: inout String, indent: Int) {
    let pad = String(repeating: " ", count: indent * 2)
    out += pad + "<" + name
    for (key, value) in attributes {
      out += " \(key)=\"\(XMLText.escapeAttribute(value))\""
    }
    if let text {
      out += ">" + XMLText.escapeText(text) + "</\(name)>\n"
    } else if children.isEmpty {
      out += "/>\n"
    } else {
      out += ">\n"
      for child in children { child.write(to: &out, indent: indent + 1) }
      out += pad + "</\(name)>\n"
    }
  }

  public static func == (a: SVGElement, b: SVGElement) -> Bool {
    a.name == b.name && a.text == b.text && a.children == b.children
      && a.attributes.elementsEqual(b.attributes) { $0.name == $1.name && $0.value == $1.value }
  }
}
