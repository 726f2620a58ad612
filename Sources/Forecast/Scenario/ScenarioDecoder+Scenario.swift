/// Decoding of `[scenario]`: the name, years, paths, seed and quantile levels (MODEL.md 1, 7).
extension ScenarioDecoder {
  mutating func decodeInfo(_ node: ScenarioNode?) -> ScenarioInfo? {
    let path = "scenario"
    guard let node else {
      report(
        .missingKey, at: SourceLocation(file: topFile), path,
        expected: "a [scenario] table with name, base_year and horizon", found: "none")
      return nil
    }
    guard checkTable(node, path, allowed: ScenarioSchema.scenario) else { return nil }
    let name = require(node, "name", path, what: "the scenario's name")
      .flatMap { self.name($0, "scenario.name", what: "a name") }
    let title = node["title"].flatMap { string($0, "scenario.title") }
    let baseYear = require(node, "base_year", path, what: "the last observed year")
      .flatMap { integer($0, "scenario.base_year", minimum: 1000, maximum: 9999) }
    let horizon = require(node, "horizon", path, what: "the number of years projected")
      .flatMap { integer($0, "scenario.horizon", minimum: 1, maximum: ScenarioInfo.maximumHorizon) }
    let paths = node["paths"].flatMap { integer($0, "scenario.paths", minimum: 1, maximum: ScenarioInfo.maximumPaths) } ?? 1
    let seed = node["seed"].flatMap { integer($0, "scenario.seed", minimum: 0) } ?? 0
    var quantiles = ScenarioInfo.defaultQuantiles
    if let q = node["quantiles"] {
      quantiles = decodeQuantiles(q, "scenario.quantiles") ?? quantiles
    }
    guard let name, let baseYear, let horizon else { return nil }
    return ScenarioInfo(
      name: name, title: title, baseYear: baseYear, horizon: horizon, paths: paths, seed: seed,
      quantiles: quantiles)
  }

  mutating func decodeQuantiles(_ node: ScenarioNode, _ path: String) -> [Double]? {
    guard let array = node.array, !array.isEmpty else {
      report(
        .wrongType, at: node.location, path, expected: "a non-empty array of levels in (0, 1)",
        found: node.kindDescription)
      return nil
    }
    var levels: [Double] = []
    for (i, element) in array.enumerated() {
      guard let x = number(element, path + "[\(i)]") else { return nil }
      guard x > 0 && x < 1 else {
        report(
          .invalidValue, at: element.location, path + "[\(i)]", expected: "a level in (0, 1)",
          found: "\(x)")
        return nil
      }
      // 0.3 and 0.30000000000000004 are two levels but one column name.
      if levels.contains(where: { RunTable.quantileColumn($0) == RunTable.quantileColumn(x) }) {
        report(
          .invalidValue, at: element.location, path + "[\(i)]",
          expected: "levels whose columns differ", found: "\(x), a second \(RunTable.quantileColumn(x))")
        return nil
      }
      guard x >= 1e-6 && x <= 1 - 1e-6 else {
        report(
          .invalidValue, at: element.location, path + "[\(i)]",
          expected: "a level in [0.000001, 0.999999] (its column is 100 × level to 9 digits)",
          found: "\(x)")
        return nil
      }
      if let last = levels.last, x <= last {
        report(
          .invalidValue, at: element.location, path, expected: "strictly increasing levels",
          found: "\(x) after \(last)")
        return nil
      }
      levels.append(x)
    }
    return levels
  }
}
