extension Table {
  /// The table as a JSON array of row objects, keys in column order, one row per line.
  ///
  /// The text is written directly, so key order is stable. Numbers are written so that they
  /// read back exactly (see `roundTripText`); NaN, the infinities (which JSON cannot hold) and
  /// `.empty` are `null`. Strings are escaped per RFC 8259: `"` and `\` with a backslash,
  /// control characters as `\b \f \n \r \t` or `\u00XX`, everything else as UTF-8. The title is
  /// left out. An empty table is `[]`. The text ends with LF.
  public func renderedJSON() -> String {
    guard !rows.isEmpty else { return "[]\n" }
    let keys = columns.map { Self.jsonString($0.name) + ": " }
    let objects = rows.map { row in
      "  {"
        + row.indices.map { column in keys[column] + Self.jsonValue(row[column]) }
        .joined(separator: ", ") + "}"
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  /// One cell as a JSON value.
  static func jsonValue(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): return jsonString(text)
    case .number(let value): return value.isFinite ? roundTripText(value) : "null"
    case .integer(let value): return String(value)
    case .empty: return "null"
    }
  }

  /// `text` as a JSON string literal (RFC 8259, section 7).
  static func jsonString(_ text: String) -> String {
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
