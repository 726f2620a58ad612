/// Decoding of `[population]`: the births series, the optional driver of later births, and
/// survival of population entry (MODEL.md 1, 3).
extension ScenarioDecoder {
  mutating func decodePopulation(_ node: ScenarioNode) -> PopulationSpec? {
    let path = "population"
    guard checkTable(node, path, allowed: ScenarioSchema.population) else { return nil }
    let births = require(node, "births", path, what: "the data series of births")
      .flatMap { string($0, "population.births", what: "a data series' name") }
    if let births { seriesReferences.append(("population.births", births, false)) }
    let driverNode = node["births_driver"]
    let driver = driverNode.flatMap {
      string($0, "population.births_driver", what: "a driver's name")
    }
    if let driver { driverReferences.append(("population.births_driver", driver)) }
    let survival = require(node, "survival", path, what: "the survival share to entry age")
      .flatMap { parameter($0, "population.survival", unit: true) }
    guard let births, let survival, driverNode == nil || driver != nil else { return nil }
    return PopulationSpec(births: births, birthsDriver: driver, survival: survival)
  }
}
