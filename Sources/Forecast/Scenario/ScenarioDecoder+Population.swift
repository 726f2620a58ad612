/// Decoding of `[population]`: the births series and survival of population entry (MODEL.md 3).
extension ScenarioDecoder {
  mutating func decodePopulation(_ node: ScenarioNode) -> PopulationSpec? {
    let path = "population"
    guard checkTable(node, path, allowed: ScenarioSchema.population) else { return nil }
    let births = require(node, "births", path, what: "the data series of births")
      .flatMap { string($0, "population.births", what: "a data series' name") }
    if let births { seriesReferences.append(("population.births", births, false)) }
    let survival = require(node, "survival", path, what: "the survival share to entry age")
      .flatMap { parameter($0, "population.survival", unit: true) }
    guard let births, let survival else { return nil }
    return PopulationSpec(births: births, survival: survival)
  }
}
