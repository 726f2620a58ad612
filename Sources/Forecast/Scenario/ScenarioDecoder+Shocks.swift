/// Decoding of `[[shocks]]`: changes to targets over years (MODEL.md 8).
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
}
