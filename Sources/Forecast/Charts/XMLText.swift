/// XML 1.0 escaping for SVG text content and attribute values.
///
/// Characters XML 1.0 does not allow (C0 controls other than tab, newline and carriage return,
/// U+FFFE and U+FFFF) are replaced by U+FFFD, as are the C1 controls the specification
/// discourages, so any Swift string gives a well-formed document.
enum XMLText {
  /// The character written in place of one XML 1.0 does not allow.
  static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// Whether XML 1.0 allows (and does not discourage) the scalar in a document.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
    default: false
    }
  }

  /// Text content: `&`, `<` and `>` escaped.
  static func escapeText(_ text: String) -> String {
    escape(text, quote: false)
  }

  /// An attribute value for a double-quoted attribute: `&`, `<`, `>` and `"` escaped, and tab,
  /// newline and carriage return as character references (a parser would normalize them to
  /// spaces otherwise).
  static func escapeAttribute(_ value: String) -> String {
    escape(value, quote: true)
  }

  private static func escape(_ text: String, quote: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"" where quote: out.append(contentsOf: "&quot;".unicodeScalars)
      case "\t" where quote: out.append(contentsOf: "&#9;".unicodeScalars)
      case "\n" where quote: out.append(contentsOf: "&#10;".unicodeScalars)
      case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
      default: out.append(isAllowed(scalar) ? scalar : replacement)
      }
    }
    return String(out)
  }
}
