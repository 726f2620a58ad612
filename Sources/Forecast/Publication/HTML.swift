/// Small pieces of HTML: escaped text and attributes, elements, tables. The report writes its
/// page from these, so every piece of input text (names, comments, warnings, paths) passes
/// through `text` or `attribute` and cannot open a tag or a script.
enum HTML {
  /// Text content with `&`, `<` and `>` escaped, and characters HTML does not allow (C0 and
  /// C1 controls but tab and line feed, U+FFFE, U+FFFF) replaced by U+FFFD.
  static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// An element with escaped text content.
  static func element(_ name: String, _ content: String, class className: String? = nil) -> String {
    let attribute = className.map { " class=\"\(text($0))\"" } ?? ""
    return "<\(name)\(attribute)>\(text(content))</\(name)>"
  }

  /// A table: a header row and body rows of cells already escaped; `numeric` columns are
  /// right-aligned.
  static func table(
    caption: String?, header: [String], rows: [[String]], numeric: Set<Int> = [],
    class className: String = "data"
  ) -> String {
    var out = "<table class=\"\(className)\">\n"
    if let caption { out += "<caption>\(text(caption))</caption>\n" }
    out += "<thead><tr>"
      + header.enumerated().map { i, h in "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(text(h))</th>" }
      .joined() + "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
        + row.enumerated().map { i, cell in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell)</td>" }
        .joined() + "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}
