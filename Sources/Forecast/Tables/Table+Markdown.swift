extension Table {
  /// The table as a GitHub-flavoured Markdown pipe table, its title as a paragraph above it.
  ///
  /// Number and integer columns are right-aligned (`---:`), text columns left-aligned (`---`).
  /// Numbers read as in `TextStyle`, persons as whole persons. In text, `\` and `|` are escaped with a backslash and a
  /// line end becomes `<br>`. Cells are padded so that the source lines up too. Every line ends
  /// with LF.
  public func renderedMarkdown(style: TextStyle = .init()) -> String {
    let header = columns.map { Self.markdownEscaped($0.name) }
    let body = rows.map { row in shownCells(row, style: style).map(Self.markdownEscaped) }
    let widths = columnWidths(header: header, body: body, minimum: 3)
    let rule = columns.indices.map { column in
      columns[column].kind == .text
        ? String(repeating: "-", count: widths[column])
        : String(repeating: "-", count: widths[column] - 1) + ":"
    }
    var lines: [String] = []
    if let title { lines.append(contentsOf: [Self.markdownEscaped(title), ""]) }
    lines.append(markdownLine(header, widths: widths))
    lines.append("| " + rule.joined(separator: " | ") + " |")
    for cells in body { lines.append(markdownLine(cells, widths: widths)) }
    return lines.map { $0 + "\n" }.joined()
  }

  /// One row of the pipe table.
  private func markdownLine(_ cells: [String], widths: [Int]) -> String {
    "| "
      + cells.indices.map { padded(cells[$0], width: widths[$0], column: $0) }
      .joined(separator: " | ") + " |"
  }

  /// `text` safe inside a pipe-table cell.
  static func markdownEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "|": result += "\\|"
      case "\r\n", "\n", "\r": result += "<br>"
      default: result.append(character)
      }
    }
    return result
  }
}
