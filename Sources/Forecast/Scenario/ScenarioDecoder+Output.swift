/// Decoding of `[output]`: the run's default tables and format.
extension ScenarioDecoder {
  mutating func decodeOutput(_ node: ScenarioNode) -> OutputDefaults {
    let path = "output"
    guard checkTable(node, path, allowed: ScenarioSchema.output) else { return OutputDefaults() }
    var output = OutputDefaults()
    if let tablesNode = node["tables"] {
      locations["output.tables"] = tablesNode.location
      if let array = tablesNode.array, !array.isEmpty {
        var names: [String] = []
        for (i, element) in array.enumerated() {
          guard let name = string(element, "output.tables[\(i)]") else { continue }
          if RunTable.names.contains(name) {
            names.append(name)
          } else {
            report(
              .unknownName, at: element.location, "output.tables[\(i)]",
              expected: "a table: " + RunTable.names.joined(separator: ", "),
              found: "\"\(name)\"", suggestions: Self.nearest(name, among: RunTable.names))
          }
        }
        output.tables = names
      } else {
        report(
          .wrongType, at: tablesNode.location, "output.tables",
          expected: "a non-empty array of table names",
          found: tablesNode.array?.isEmpty == true ? "an empty array" : tablesNode.kindDescription)
      }
    }
    if let formatNode = node["format"], let text = string(formatNode, "output.format") {
      let all = OutputFormat.allCases.map(\.rawValue)
      if let format = OutputFormat(rawValue: text) {
        output.format = format
      } else {
        report(
          .invalidValue, at: formatNode.location, "output.format",
          expected: "a format: " + all.joined(separator: ", "), found: "\"\(text)\"",
          suggestions: Self.nearest(text, among: all))
      }
    }
    return output
  }
}
