/// Decoding of `[drivers]`: named drivers and their forms (MODEL.md 2).
extension ScenarioDecoder {
  mutating func decodeDrivers(_ node: ScenarioNode) -> [DriverSpec] {
    guard checkTable(node, "drivers", allowed: node.entries?.map(\.key) ?? []),
      let entries = node.entries
    else { return [] }
    var drivers: [DriverSpec] = []
    for (name, table) in entries {
      let path = "drivers." + name
      declared.drivers.append(name)
      guard checkName(name, path, at: table.location, what: "a driver name") != nil,
        checkTable(table, path, allowed: ScenarioSchema.driver),
        let (form, sd) = driverForm(table, path, allowModel: true)
      else {
        incomplete = true
        continue
      }
      var anchor: DriverSpec.Anchor?
      if case .model = form { anchor = decodeAnchor(table, path) }
      drivers.append(DriverSpec(name: name, form: form, sd: sd, anchor: anchor))
    }
    return drivers
  }

  /// `anchor = "last"` and its optional `anchor_decay` in [0, 1] (MODEL.md 2).
  mutating func decodeAnchor(_ table: ScenarioNode, _ path: String) -> DriverSpec.Anchor? {
    let decay = table["anchor_decay"].flatMap {
      number($0, Self.child(path, "anchor_decay"), range: 0...1, rangeText: "in [0, 1]")
    }
    guard let node = table["anchor"] else {
      if let decay = table["anchor_decay"] {
        report(
          .missingKey, at: decay.location, Self.child(path, "anchor"),
          expected: "`anchor = \"last\"` with `anchor_decay`", found: "`anchor_decay` alone")
      }
      return nil
    }
    let anchorPath = Self.child(path, "anchor")
    guard let text = string(node, anchorPath, what: "\"last\"") else { return nil }
    guard ScenarioSchema.anchors.contains(text) else {
      report(
        .invalidValue, at: node.location, anchorPath,
        expected: ScenarioSchema.anchors.map { "\"\($0)\"" }.joined(separator: " or "),
        found: "\"\(text)\"", suggestions: Self.nearest(text, among: ScenarioSchema.anchors))
      return nil
    }
    return DriverSpec.Anchor(decay: decay ?? 0)
  }
}
