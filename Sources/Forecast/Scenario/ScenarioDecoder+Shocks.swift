/// Decoding of `[[shocks]]`, `[[expect]]` and `[output]` (MODEL.md 8, 10).
extension ScenarioDecoder {
  mutating func decodeShocks(_ node: ScenarioNode) -> [ShockSpec] {
    var shocks: [ShockSpec] = []
    for (i, table) in tables(node, "shocks").enumerated() {
      let path = "shocks[\(i)]"
      guard checkTable(table, path, allowed: ScenarioSchema.shock) else { continue }
      let target = require(table, "target", path, what: "the parameter's dotted path")
        .flatMap { string($0, path + ".target", what: "a dotted path") }
      let parsed = target.flatMap { ShockTarget(path: $0) }
      if let target, parsed == nil { unparsedTargets.append((i, path + ".target", target)) }
      let op = require(table, "op", path, what: "set, scale or add")
        .flatMap { decodeOperation($0, path + ".op") }
      let value = require(table, "value", path, what: "the shock's value")
        .flatMap { number($0, path + ".value") }
      let from = require(table, "from", path, what: "the first year")
        .flatMap { integer($0, path + ".from") }
      let to = table["to"].flatMap { integer($0, path + ".to") }
      let sd = table["sd"].flatMap {
        number($0, path + ".sd", range: 0...Double.infinity, rangeText: ">= 0")
      }
      if let from, let to, to < from, let node = table["to"] {
        report(
          .invalidValue, at: node.location, path + ".to", expected: "a last year >= from (\(from))",
          found: "\(to)")
      }
      guard let parsed, let op, let value, let from else { continue }
      fileIndices["shocks", default: []].append(i)
      shocks.append(
        ShockSpec(target: parsed, from: from, to: to, operation: op, value: value, sd: sd))
    }
    return shocks
  }

  mutating func decodeOperation(_ node: ScenarioNode, _ path: String) -> ShockSpec.Operation? {
    guard let text = string(node, path, what: "set, scale or add") else { return nil }
    guard let op = ShockSpec.Operation(rawValue: text) else {
      let all = ShockSpec.Operation.allCases.map(\.rawValue)
      report(
        .invalidValue, at: node.location, path, expected: "set, scale or add",
        found: "\"\(text)\"", suggestions: Self.nearest(text, among: all))
      return nil
    }
    return op
  }

  mutating func decodeExpectations(_ node: ScenarioNode) -> [Expectation] {
    var expectations: [Expectation] = []
    for (i, table) in tables(node, "expect").enumerated() {
      let path = "expect[\(i)]"
      guard checkTable(table, path, allowed: ScenarioSchema.expect) else { continue }
      let name = require(table, "table", path, what: "a table name")
        .flatMap { string($0, path + ".table") }
      if let name, let node = table["table"], !RunTable.names.contains(name) {
        report(
          .unknownName, at: node.location, path + ".table",
          expected: "a table: " + RunTable.names.joined(separator: ", "),
          found: "\"\(name)\"", suggestions: Self.nearest(name, among: RunTable.names))
      }
      let key = table["key"].flatMap { string($0, path + ".key") }
      let column = require(table, "column", path, what: "a column of the table")
        .flatMap { string($0, path + ".column") }
      var year: Int?
      if let node = table["year"] {
        year = integer(node, path + ".year")
      } else if name != "fit" {
        _ = require(table, "year", path, what: "the row's year")
      }
      let value = require(table, "value", path, what: "the expected value")
        .flatMap { number($0, path + ".value") }
      let rtol = table["rtol"].flatMap {
        number($0, path + ".rtol", range: 0...Double.infinity, rangeText: ">= 0")
      }
      let atol = table["atol"].flatMap {
        number($0, path + ".atol", range: 0...Double.infinity, rangeText: ">= 0")
      }
      guard let name, let column, let value else { continue }
      fileIndices["expect", default: []].append(i)
      expectations.append(
        Expectation(
          table: name, key: key, column: column, year: year, value: value, rtol: rtol,
          atol: atol))
    }
    return expectations
  }

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

  /// `[check]`: snapshot tolerances, with `[[check.tolerance]]` overrides per table or column.
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
        if columns.contains(column) || table == "fan" {
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
