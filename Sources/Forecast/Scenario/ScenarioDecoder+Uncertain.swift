/// Decoding of `[[uncertain]]`: the inputs of a global sensitivity analysis (MODEL.md 12).
extension ScenarioDecoder {
  mutating func decodeUncertain(_ node: ScenarioNode) -> [UncertainSpec] {
    var entries: [UncertainSpec] = []
    for (i, table) in tables(node, "uncertain").enumerated() {
      let path = "uncertain[\(i)]"
      guard checkTable(table, path, allowed: ScenarioSchema.uncertain) else { continue }
      let target = require(table, "target", path, what: "the parameter's dotted path")
        .flatMap { string($0, path + ".target", what: "a dotted path") }
      let parsed = target.flatMap { ShockTarget(path: $0) }
      if let target, parsed == nil { unparsedTargets.append((i, path + ".target", target)) }
      let op = table["op"].map { decodeOperation($0, path + ".op") } ?? .set
      let distribution = decodeDistribution(table, path)
      guard let parsed, let op, let distribution else { continue }
      fileIndices["uncertain", default: []].append(i)
      entries.append(UncertainSpec(target: parsed, operation: op, distribution: distribution))
    }
    return entries
  }

  /// Exactly one of `uniform = [lo, hi]`, `triangular = [lo, mode, hi]`, `normal = [mean, sd]`.
  private mutating func decodeDistribution(_ table: ScenarioNode, _ path: String)
    -> InputDistribution?
  {
    let given = ScenarioSchema.uncertainDistributions.filter { table[$0] != nil }
    guard given.count == 1, let key = given.first, let node = table[key] else {
      let names = ScenarioSchema.uncertainDistributions.joined(separator: ", ")
      if given.isEmpty {
        report(
          .missingKey, at: table.location, path + ".uniform",
          expected: "one distribution (\(names))", found: "none")
      } else {
        report(
          .conflict, at: table[given[1]]?.location ?? table.location, path + "." + given[1],
          expected: "one distribution (\(names))", found: given.joined(separator: " and "))
      }
      return nil
    }
    let keyPath = path + "." + key
    let lengths = ["uniform": 2, "triangular": 3, "normal": 2]
    let what = [
      "uniform": "[lower, upper]", "triangular": "[lower, mode, upper]",
      "normal": "[mean, standard deviation]",
    ][key]!
    guard let items = node.array, items.count == lengths[key] else {
      let found = node.array.map { "an array of \($0.count) values" } ?? node.kindDescription
      report(.wrongType, at: node.location, keyPath, expected: what, found: found)
      return nil
    }
    let numbers = items.enumerated().compactMap { j, item in number(item, "\(keyPath)[\(j)]") }
    guard numbers.count == items.count else { return nil }
    let distribution: InputDistribution
    switch key {
    case "uniform": distribution = .uniform(lower: numbers[0], upper: numbers[1])
    case "triangular":
      distribution = .triangular(lower: numbers[0], mode: numbers[1], upper: numbers[2])
    default: distribution = .normal(mean: numbers[0], standardDeviation: numbers[1])
    }
    do {
      try distribution.validate(name: keyPath)
    } catch {
      report(
        .invalidValue, at: node.location, keyPath, expected: Self.validDistribution(key),
        found: "[" + numbers.map { "\($0)" }.joined(separator: ", ") + "]")
      return nil
    }
    return distribution
  }

  private static func validDistribution(_ key: String) -> String {
    switch key {
    case "uniform": return "finite bounds [lower, upper] with lower < upper"
    case "triangular": return "finite [lower, mode, upper] with lower <= mode <= upper, lower < upper"
    default: return "a finite mean and a standard deviation > 0"
    }
  }
}
