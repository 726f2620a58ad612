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

/// What the metadata of a merged sweep, sensitivity analysis or backtest needs beyond the
/// shards' identity: the scenario's projected series and added shocks, and the command's
/// settings as its front end gave them.
struct ShardProvenance: Sendable {
  let projected: [String]
  let shocks: [ShockLine]
  let settings: [ResultMetadata.Setting]

  init(_ scenario: Scenario, settings: [ResultMetadata.Setting]) {
    projected = scenario.dataSeries.filter(\.projected).map(\.name)
    shocks = scenario.addedShocks
    self.settings = settings
  }

  func encode(_ w: inout ShardWriter, scenario: Scenario) {
    w.provenance(scenario)
    w.strings(settings.map(\.name))
    w.strings(settings.map(\.value))
  }

  init(_ r: inout ShardReader) throws(ShardReader.Damaged) {
    (projected, shocks) = try r.provenance()
    let names = try r.strings("the settings' names")
    let values = try r.strings("the settings' values")
    guard names.count == values.count else {
      throw ShardReader.Damaged(reason: "its settings are not readable")
    }
    settings = zip(names, values).map { ResultMetadata.Setting($0, $1) }
  }

  /// The settings as text, for the identity (shards of one command give the same).
  static func options(_ settings: [ResultMetadata.Setting]) -> String {
    settings.isEmpty ? "" : "; settings " + settings.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
  }

  /// The metadata the command writes beside its result: its scenario as `identity` records
  /// it (files, data, seed, the BLAS that computed it), `info` and this provenance.
  func metadata(
    command: String, info: ScenarioInfo, identity: ShardIdentity, warnings: [String]
  ) -> ResultMetadata {
    var scenario = Scenario(info: info)
    scenario.restore(projected: projected, shocks: shocks)
    scenario.files = identity.scenarioFiles.map(\.path)
    for digest in identity.scenarioFiles + identity.dataFiles { scenario.digests[digest.path] = digest }
    let run = RunMetadata(
      scenario: scenario, dataFiles: identity.dataFiles.map(\.path), blas: identity.blas)
    return ResultMetadata(command: command, runs: [run], settings: settings, warnings: warnings)
  }
}
