extension Table {
  /// The table as comma-separated values (RFC 4180) with LF line ends.
  ///
  /// LF rather than RFC 4180's CRLF: pandas, R and Excel read both, and LF keeps files
  /// diff-friendly and byte-identical across platforms. The first line holds the column names;
  /// the title is left out. A name or text cell is quoted when it holds a comma, a quote, CR or
  /// LF, with each quote doubled. Numbers are written so that they read back exactly (see
  /// `roundTripText`): `0.1`, `12700000`, `1e-05`; NaN and `.empty` are empty fields and the
  /// infinities `inf` and `-inf`, as pandas and R read them.
  public func renderedCSV() -> String {
    delimited(separator: ",") { text in
      text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
        ? Self.quoted(text) : text
    }
  }

  /// The table as tab-separated values with LF line ends.
  ///
  /// As `renderedCSV()` with a tab between fields. Tabs, CR and LF inside names and text become
  /// spaces, so every record is one line. A field that holds a quote is quoted as in CSV,
  /// because pandas, R and Excel all treat `"` as a quote character in tab-separated files.
  public func renderedTSV() -> String {
    delimited(separator: "\t") { text in
      let line = Self.singleLine(text)
      return line.contains("\"") ? Self.quoted(line) : line
    }
  }

  /// Header and rows joined by `separator`, names and text passed through `field`.
  private func delimited(separator: String, field: (String) -> String) -> String {
    var result = columns.map { field($0.name) }.joined(separator: separator) + "\n"
    for row in rows {
      result += row.map { cell in
        switch cell {
        case .text(let text): return field(text)
        case .number(let value): return Self.delimitedNumber(value)
        case .integer(let value): return String(value)
        case .empty: return ""
        }
      }.joined(separator: separator)
      result += "\n"
    }
    return result
  }

  /// A number for CSV and TSV: round-trip text, empty for NaN, `inf`/`-inf` for infinities.
  static func delimitedNumber(_ value: Double) -> String {
    if value.isNaN { return "" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return roundTripText(value)
  }

  /// `text` in double quotes, each quote inside doubled.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      if character == "\"" { result += "\"\"" } else { result.append(character) }
    }
    return result + "\""
  }
}
