import Foundation

/// Decoding of each table of a scenario file (docs/scenario-reference.toml).
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

  mutating func decodeData(_ node: ScenarioNode) -> [DataSeriesSpec] {
    guard checkTable(node, "data", allowed: node.entries?.map(\.key) ?? []),
      let entries = node.entries
    else { return [] }
    var series: [DataSeriesSpec] = []
    for (name, table) in entries {
      let path = "data." + name
      declaredNames["data", default: []].append(name)
      guard checkName(name, path, at: table.location, what: "a data series name") != nil,
        checkTable(table, path, allowed: ScenarioSchema.dataSeries)
      else { continue }
      let fileNode = require(table, "file", path, what: "the CSV file's path")
      let file = fileNode.flatMap { string($0, path + ".file") }
      let column = require(table, "column", path, what: "the column's name")
        .flatMap { string($0, path + ".column") }
      let scale =
        table["scale"].flatMap {
          number($0, path + ".scale", range: .leastNonzeroMagnitude...Double.infinity,
            rangeText: "> 0")
        } ?? 1
      guard let fileNode, let file, let column else { continue }
      // Relative paths resolve against the file that wrote them, which a merge keeps.
      let directory = (fileNode.location.file as NSString).deletingLastPathComponent
      let absolute = ScenarioLoader.absolutePath(file, relativeTo: directory)
      series.append(DataSeriesSpec(name: name, file: absolute, column: column, scale: scale))
    }
    return series
  }

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

  mutating func decodeDrivers(_ node: ScenarioNode) -> [DriverSpec] {
    guard checkTable(node, "drivers", allowed: node.entries?.map(\.key) ?? []),
      let entries = node.entries
    else { return [] }
    var drivers: [DriverSpec] = []
    for (name, table) in entries {
      let path = "drivers." + name
      declaredNames["drivers", default: []].append(name)
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

  /// `tracks[1] "bachelor"`: the index, and the name when it has a usable one.
  static func itemPath(_ list: String, _ index: Int, _ node: ScenarioNode) -> String {
    guard let name = node["name"]?.string else { return "\(list)[\(index)]" }
    return "\(list)[\(index)] \"\(name)\""
  }

  /// The elements of an array of tables, reporting anything else.
  mutating func tables(_ node: ScenarioNode, _ path: String) -> [ScenarioNode] {
    guard let array = node.array else {
      report(
        .wrongType, at: node.location, path, expected: "an array of tables ([[\(path)]])",
        found: node.kindDescription)
      return []
    }
    return array
  }

  mutating func decodeTracks(_ node: ScenarioNode?) -> [TrackSpec] {
    guard let node else {
      report(
        .missingKey, at: SourceLocation(file: topFile), "tracks",
        expected: "at least one [[tracks]] table", found: "none")
      return []
    }
    var tracks: [TrackSpec] = []
    for (i, table) in tables(node, "tracks").enumerated() {
      let path = Self.itemPath("tracks", i, table)
      if let name = table["name"]?.string { declaredNames["tracks", default: []].append(name) }
      guard checkTable(table, path, allowed: ScenarioSchema.track),
        let track = decodeTrack(table, path)
      else {
        incomplete = true
        continue
      }
      if tracks.contains(where: { $0.name == track.name }) {
        report(
          .conflict, at: table.location, path, expected: "a track name used once",
          found: "a second track \"\(track.name)\"")
        continue
      }
      tracks.append(track)
      fileIndices["tracks", default: []].append(i)
    }
    return tracks
  }

  mutating func decodeTrack(_ table: ScenarioNode, _ path: String) -> TrackSpec? {
    let name = require(table, "name", path, what: "the track's name")
      .flatMap { self.name($0, path + ".name", what: "a track name") }
    let duration = require(table, "duration", path, what: "the years of study")
      .flatMap { integer($0, path + ".duration", minimum: 1) }
    let intake = require(table, "intake", path, what: "the data series of observed intakes")
      .flatMap { string($0, path + ".intake", what: "a data series' name") }
    if let intake { seriesReferences.append((path + ".intake", intake, false)) }
    let rule = decodeRule(table, path)
    var progression: [ParameterValue]?
    if let node = table["progression"] {
      progression = decodeProgression(node, path + ".progression", duration: duration)
    } else if duration == 1 {
      progression = []
    } else {
      _ = require(
        table, "progression", path,
        what: "progression rates, duration - 1 = \((duration ?? 2) - 1) values")
    }
    let completion = require(table, "completion", path, what: "the completion rate")
      .flatMap { parameter($0, path + ".completion", unit: true) }
    var fields: [FieldShare]?
    if let node = require(table, "fields", path, what: "field shares summing to 1") {
      for key in node.entries?.map(\.key) ?? [] {
        if !(declaredNames["fields"] ?? []).contains(key) {
          declaredNames["fields", default: []].append(key)
        }
      }
      fields = fieldShares(node, path + ".fields")
      if let shares = fields {
        let sum = shares.reduce(0) { $0 + $1.share }
        if shares.isEmpty || abs(sum - 1) > 1e-9 {
          report(
            .invalidValue, at: node.location, path + ".fields",
            expected: "field shares summing to 1 (within 1e-9)", found: "a sum of \(sum)")
        }
      }
    }
    guard let name, let duration, let intake, let rule, let progression, let completion,
      let fields
    else { return nil }
    return TrackSpec(
      name: name, duration: duration, intake: intake, rule: rule, progression: progression,
      completion: completion, fields: fields)
  }

  mutating func decodeProgression(_ node: ScenarioNode, _ path: String, duration: Int?)
    -> [ParameterValue]?
  {
    locations[path] = node.location
    guard let array = node.array else {
      report(
        .wrongType, at: node.location, path, expected: "an array of rates",
        found: node.kindDescription)
      return nil
    }
    if let duration, array.count != duration - 1 {
      report(
        .invalidValue, at: node.location, path,
        expected: Wording.count(duration - 1, "value") + " (duration - 1)", found: "\(array.count)")
    }
    var rates: [ParameterValue] = []
    for (i, element) in array.enumerated() {
      if let rate = parameter(element, path + "[\(i)]", unit: true) { rates.append(rate) }
    }
    return rates.count == array.count ? rates : nil
  }

  mutating func decodeRule(_ table: ScenarioNode, _ path: String) -> TrackSpec.Rule? {
    let keys = ["entry", "continuation", "intake_driver"]
    let present = keys.filter { table[$0] != nil }
    guard present.count == 1, let key = present.first, let node = table[key] else {
      let expected = "one projection rule: entry, continuation or intake_driver"
      if present.isEmpty {
        report(.missingKey, at: table.location, path, expected: expected, found: "none")
      } else {
        report(
          .conflict, at: table.location, path, expected: expected,
          found: present.joined(separator: " and "))
      }
      return nil
    }
    let rulePath = path + "." + key
    switch key {
    case "entry":
      guard checkTable(node, rulePath, allowed: ScenarioSchema.entry) else { return nil }
      let age = require(node, "age", rulePath, what: "the entry age")
        .flatMap { integer($0, rulePath + ".age", minimum: 0) }
      let rate = require(node, "rate", rulePath, what: "the entry rate")
        .flatMap { parameter($0, rulePath + ".rate", unit: true) }
      guard let age, let rate else { return nil }
      return .entry(age: age, rate: rate)
    case "continuation":
      guard checkTable(node, rulePath, allowed: ScenarioSchema.continuation) else { return nil }
      let from = require(node, "from", rulePath, what: "the source track")
        .flatMap { string($0, rulePath + ".from", what: "a track's name") }
      let share = require(node, "share", rulePath, what: "the share who go on")
        .flatMap { parameter($0, rulePath + ".share", unit: true) }
      guard let from, let share else { return nil }
      return .continuation(from: from, share: share)
    default:
      guard let driver = string(node, rulePath, what: "a driver's name") else { return nil }
      driverReferences.append((rulePath, driver))
      return .intakeDriver(driver)
    }
  }

  mutating func decodeCalibration(_ node: ScenarioNode) -> CalibrationSpec? {
    let path = "calibrate"
    guard checkTable(node, path, allowed: ScenarioSchema.calibrate) else { return nil }
    let graduates = require(node, "graduates", path, what: "the data series of graduates")
      .flatMap { string($0, "calibrate.graduates", what: "a data series' name") }
    if let graduates { seriesReferences.append(("calibrate.graduates", graduates, false)) }
    let years = require(node, "years", path, what: "fit years [first, last]")
      .flatMap { yearRange($0, "calibrate.years") }
    guard let graduates, let years else { return nil }
    return CalibrationSpec(graduates: graduates, years: years)
  }
}
