/// Decoding of `[check]`: snapshot tolerances, with `[[check.tolerance]]` overrides per table or column (MODEL.md 10).
extension ScenarioDecoder {
  mutating func decodeCheck(_ node: ScenarioNode) -> CheckSettings {
    var settings = CheckSettings()
    guard checkTable(node, "check", allowed: ScenarioSchema.check) else { return settings }
    let range = 0.0...Double.greatestFiniteMagnitude
    if let x = node["rtol"] { settings.rtol = number(x, "check.rtol", range: range, rangeText: "≥ 0") ?? settings.rtol }
    if let x = node["atol"] { settings.atol = number(x, "check.atol", range: range, rangeText: "≥ 0") ?? settings.atol }
    guard let list = node["tolerance"] else { return settings }
    for (i, item) in tables(list, "check.tolerance").enumerated() {
      let path = "check.tolerance[\(i)]"
      guard checkTable(item, path, allowed: ScenarioSchema.checkTolerance) else { continue }
      guard let tableNode = item["table"] else {
        report(.missingKey, at: item.location, path + ".table", expected: "a table name", found: "no `table` key")
        continue
      }
      guard let table = string(tableNode, path + ".table") else { continue }
      guard let columns = RunTable(rawValue: table)?.valueColumns else {
        report(
          .unknownName, at: tableNode.location, path + ".table",
          expected: "a table: " + RunTable.names.joined(separator: ", "),
          found: "\"\(table)\"", suggestions: Self.nearest(table, among: RunTable.names))
        continue
      }
      var rule = CheckSettings.Rule(table: table)
      if let columnNode = item["column"], let column = string(columnNode, path + ".column") {
        if columns.contains(column) || table == RunTable.fan.rawValue {
          rule.column = column
        } else {
          report(
            .unknownName, at: columnNode.location, path + ".column",
            expected: "a value column of \(table): " + columns.joined(separator: ", "),
            found: "\"\(column)\"", suggestions: Self.nearest(column, among: columns))
        }
      }
      if let x = item["rtol"] { rule.rtol = number(x, path + ".rtol", range: range, rangeText: "≥ 0") }
      if let x = item["atol"] { rule.atol = number(x, path + ".atol", range: range, rangeText: "≥ 0") }
      settings.rules.append(rule)
    }
    return settings
  }
}
