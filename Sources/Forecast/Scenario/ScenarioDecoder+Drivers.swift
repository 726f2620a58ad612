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
      drivers.append(DriverSpec(name: name, form: form, sd: sd))
    }
    return drivers
  }
}
