/// Decoding of `[[sectors]]` (MODEL.md 4).
extension ScenarioDecoder {

  mutating func decodeSectors(_ node: ScenarioNode) -> [SectorSpec] {
    var sectors: [SectorSpec] = []
    for (i, table) in tables(node, "sectors").enumerated() {
      let path = Self.itemPath("sectors", i, table)
      if let name = table["name"]?.string { declared.sectors.append(name) }
      guard checkTable(table, path, allowed: ScenarioSchema.sector),
        let sector = decodeSector(table, path)
      else {
        incomplete = true
        continue
      }
      if sectors.contains(where: { $0.name == sector.name }) {
        report(
          .conflict, at: table.location, path, expected: "a sector name used once",
          found: "a second sector \"\(sector.name)\"")
        continue
      }
      sectors.append(sector)
      fileIndices["sectors", default: []].append(i)
    }
    return sectors
  }

  mutating func decodeSector(_ table: ScenarioNode, _ path: String) -> SectorSpec? {
    let name = require(table, "name", path, what: "the sector's name")
      .flatMap { self.name($0, path + ".name", what: "a sector name") }
    let eligibility = require(table, "eligibility", path, what: "eligibility shares by field")
      .flatMap { fieldShares($0, path + ".eligibility") }
    let demand = decodeDemand(table, path)
    guard let name, let eligibility, let demand else { return nil }
    return SectorSpec(name: name, demand: demand, eligibility: eligibility)
  }

  mutating func decodeDemand(_ table: ScenarioNode, _ path: String) -> SectorSpec.Demand? {
    let employmentKeys = ScenarioSchema.employmentSector.filter { table[$0] != nil }
    if let capacity = table["capacity"] {
      guard employmentKeys.isEmpty else {
        report(
          .conflict, at: table.location, path,
          expected: "either capacity or employment, growth, replacement and graduate_share",
          found: "capacity with " + employmentKeys.joined(separator: ", "))
        return nil
      }
      guard let value = parameter(capacity, path + ".capacity", unit: false) else { return nil }
      if let x = value.number, x < 0 {
        report(
          .invalidValue, at: capacity.location, path + ".capacity",
          expected: "a capacity >= 0", found: "\(x)")
      }
      return .capacity(value)
    }
    let what = "with employment, also growth, replacement and graduate_share (or capacity)"
    let base = require(table, "employment", path, what: "base-year employment (or capacity)")
      .flatMap { parameter($0, path + ".employment", unit: false) }
    if let x = base?.number, x < 0, let node = table["employment"] {
      report(
        .invalidValue, at: node.location, path + ".employment", expected: "employment >= 0",
        found: "\(x)")
    }
    let growth = require(table, "growth", path, what: what)
      .flatMap { parameter($0, path + ".growth", unit: false) }
    let replacement = require(table, "replacement", path, what: what)
      .flatMap { parameter($0, path + ".replacement", unit: true) }
    let share = require(table, "graduate_share", path, what: what)
      .flatMap { parameter($0, path + ".graduate_share", unit: true) }
    guard let base, let growth, let replacement, let share else { return nil }
    return .employment(base: base, growth: growth, replacement: replacement, graduateShare: share)
  }
}
