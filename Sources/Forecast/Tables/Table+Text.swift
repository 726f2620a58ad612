extension Table {
  /// How numbers read in the text and Markdown forms.
  ///
  /// A `.number` cell is rounded to `significantDigits` significant digits and shown like C's
  /// `%g`: fixed notation when its decimal exponent is at least -4 and below
  /// `significantDigits`, scientific (`1.27e+07`, `3.2e-06`) otherwise, trailing zeros removed.
  /// With `thousandsSeparators`, meant for counts, fixed notation runs up to 10¹⁵, the integer
  /// part is never rounded (`12,700,000`, `12,345,679`) and groups of three digits are separated
  /// by commas; `.integer` cells get the separators too. NaN shows as `NaN`, infinities as
  /// `inf` and `-inf`.
  public struct TextStyle: Sendable, Equatable {
    /// Commas between groups of three digits, for counts such as 12,700,000.
    public var thousandsSeparators: Bool
    /// Significant digits of a `.number` cell, 1 to 17.
    public var significantDigits: Int

    public init(thousandsSeparators: Bool = false, significantDigits: Int = 6) {
      precondition(
        (1...17).contains(significantDigits),
        "TextStyle: significantDigits \(significantDigits) is not in 1...17")
      self.thousandsSeparators = thousandsSeparators
      self.significantDigits = significantDigits
    }

    /// A number as this style shows it.
    public func format(_ value: Double) -> String {
      if value.isNaN { return "NaN" }
      if value.isInfinite { return value < 0 ? "-inf" : "inf" }
      if value == 0 { return "0" }
      // Clamped, since the property can be set past the initialiser's check.
      let digits = min(max(significantDigits, 1), 17)
      // "%.*e" rounds to the significant digits first, so the exponent is that of the
      // rounded value (9.9999996 with 6 digits is 1.00000e+01, exponent 1).
      let scientific = systemFormat(value, conversion: "%.*e", precision: digits - 1)
      guard let e = scientific.lastIndex(of: "e"), let exponent = Int(scientific[e...].dropFirst())
      else { return scientific }
      let fixedLimit = thousandsSeparators ? max(digits, 15) : digits
      guard exponent >= -4 && exponent < fixedLimit else {
        return Self.trimmingZeros(String(scientific[..<e])) + scientific[e...]
      }
      let fixed = Self.trimmingZeros(
        systemFormat(value, conversion: "%.*f", precision: max(0, digits - 1 - exponent)))
      return thousandsSeparators ? Self.grouped(fixed) : fixed
    }

    /// An integer as this style shows it.
    public func format(_ value: Int) -> String {
      thousandsSeparators ? Self.grouped(String(value)) : String(value)
    }

    /// `number` without trailing zeros after its decimal point, nor a bare point.
    static func trimmingZeros(_ number: String) -> String {
      guard number.contains(".") else { return number }
      var result = Substring(number)
      while result.last == "0" { result.removeLast() }
      if result.last == "." { result.removeLast() }
      return String(result)
    }

    /// `number` with commas between groups of three digits of its integer part.
    static func grouped(_ number: String) -> String {
      let sign = number.hasPrefix("-") ? "-" : ""
      let unsigned = number.dropFirst(sign.count)
      let integerPart = unsigned.prefix { $0 != "." }
      let rest = unsigned.dropFirst(integerPart.count)
      var groups: [Substring] = []
      var end = integerPart.endIndex
      while end > integerPart.startIndex {
        let start =
          integerPart.index(end, offsetBy: -3, limitedBy: integerPart.startIndex)
          ?? integerPart.startIndex
        groups.append(integerPart[start..<end])
        end = start
      }
      return sign + groups.reversed().joined(separator: ",") + rest
    }
  }

  /// The table as aligned columns: title, header, a rule of dashes, then the rows.
  ///
  /// Columns are separated by two spaces; number and integer columns are right-aligned,
  /// text columns left-aligned; an empty cell is blank; tabs and line ends inside text show as
  /// spaces; trailing spaces are dropped. Widths count characters, so wide (East Asian)
  /// characters can misalign. Every line ends with LF.
  public func renderedText(style: TextStyle = .init()) -> String {
    let header = columns.map { Self.singleLine($0.name) }
    let body = rows.map { row in shownCells(row, style: style).map(Self.singleLine) }
    let widths = columnWidths(header: header, body: body, minimum: 1)
    var lines: [String] = []
    if let title { lines.append(title) }
    lines.append(textLine(header, widths: widths))
    lines.append(textLine(widths.map { String(repeating: "-", count: $0) }, widths: widths))
    for cells in body { lines.append(textLine(cells, widths: widths)) }
    return lines.map { $0 + "\n" }.joined()
  }

  /// A row's cells as the text and Markdown forms show them, before escaping: persons
  /// rounded to whole persons, other numbers as `style` says.
  func shownCells(_ row: [Cell], style: TextStyle) -> [String] {
    row.indices.map { c in
      if case .number(let value) = row[c], value.isFinite, unit(of: row, column: c) == .persons {
        return style.format(value.rounded())
      }
      return cellText(row[c], style: style, kind: columns[c].kind)
    }
  }

  /// A cell as the text and Markdown forms show it, before escaping.
  func cellText(_ cell: Cell, style: TextStyle, kind: Column.Kind = .number) -> String {
    switch cell {
    case .text(let text): return text
    case .number(let value): return style.format(value)
    case .integer(let value): return kind == .year ? String(value) : style.format(value)
    case .empty: return ""
    }
  }

  /// The width of each column: its widest cell or name, at least `minimum`.
  func columnWidths(header: [String], body: [[String]], minimum: Int) -> [Int] {
    header.indices.map { column in
      body.reduce(max(minimum, header[column].count)) { max($0, $1[column].count) }
    }
  }

  /// `text` padded to `width`, on the right of a number column or the left of a text column.
  func padded(_ text: String, width: Int, column: Int) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return columns[column].kind == .text ? text + padding : padding + text
  }

  /// One line of the text form, without trailing spaces.
  private func textLine(_ cells: [String], widths: [Int]) -> String {
    var line = cells.indices.map { padded(cells[$0], width: widths[$0], column: $0) }
      .joined(separator: "  ")
    while line.last == " " { line.removeLast() }
    return line
  }

  /// `text` with tabs, CR and LF replaced by spaces (CRLF by one space).
  static func singleLine(_ text: String) -> String {
    guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
    return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }
}
