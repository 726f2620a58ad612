/// What a merged result's metadata needs of the scenario beyond its `[scenario]` table: the
/// data series marked projected, and the shocks given beside the scenario files.
extension ShardWriter {
  mutating func provenance(_ scenario: Scenario) {
    strings(scenario.dataSeries.filter(\.projected).map(\.name))
    int(scenario.addedShocks.count)
    for line in scenario.addedShocks {
      let shock = line.shock
      strings([line.text, shock.targetPath, shock.operation.rawValue])
      double(shock.value)
      ints([shock.from, shock.to ?? Int.min])
      optional(shock.sd) { $0.double($1) }
    }
  }
}

extension ShardReader {
  /// The projected series' names and the added shocks, written by `provenance`.
  mutating func provenance() throws(Damaged) -> (projected: [String], shocks: [ShockLine]) {
    let projected = try strings("the projected series")
    var shocks: [ShockLine] = []
    for _ in 0..<(try count("added shocks", size: 16)) {
      let texts = try strings("an added shock")
      let value = try double("an added shock's value")
      let years = try ints("an added shock's years")
      let sd = try optional("an added shock's sd") { (r: inout ShardReader) throws(Damaged) in
        try r.double("the sd")
      }
      guard texts.count == 3, years.count == 2, let target = ShockTarget(path: texts[1]),
        let operation = ShockSpec.Operation(rawValue: texts[2])
      else { throw Damaged(reason: "its added shocks are not readable") }
      var shock = ShockSpec(
        target: target, from: years[0], to: years[1] == Int.min ? nil : years[1],
        operation: operation, value: value, sd: sd)
      shock.targetPath = texts[1]
      shocks.append(ShockLine(text: texts[0], shock: shock))
    }
    return (projected, shocks)
  }
}

extension Scenario {
  /// Marks `projected` series and records `shocks` as added, on a scenario rebuilt from a
  /// shard result: what its metadata then lists, as the single-process run's does.
  mutating func restore(projected: [String], shocks: [ShockLine]) {
    dataSeries = projected.map { DataSeriesSpec(name: $0, file: "", column: "", projected: true) }
    addedShocks = shocks
  }
}
