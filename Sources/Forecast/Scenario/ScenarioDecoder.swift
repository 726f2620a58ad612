/// Turns a merged scenario document into a `Scenario`, collecting every problem on the way.
///
/// Decoding checks each value where it stands (keys, types, names, ranges, lengths, sums);
/// checks across the document (names that must be defined, data files and columns, cycles,
/// shock targets, expectations) run after it, in `ScenarioDecoder+References.swift`.
struct ScenarioDecoder {
  /// The file `load` was asked for; problems with no better place point at it.
  let topFile: String
  private(set) var issues: [ScenarioIssue] = []
  /// Where each decoded value was written, by key path, for the checks after decoding.
  var locations: [String: SourceLocation] = [:]
  /// Parameters that name a driver: key path and name.
  var driverReferences: [(path: String, name: String)] = []
  /// Keys that name a data series: key path, name, and whether a driver may stand instead.
  var seriesReferences: [(path: String, name: String, driverAllowed: Bool)] = []
  /// Shock targets that did not parse: index of the shock, target text.
  var unparsedTargets: [(index: Int, path: String, target: String)] = []
  /// Whether `[scenario]` gave valid years to check fit windows and expectations against.
  var yearsKnown = true
  /// Names written for tracks, sectors, drivers and data series, whether or not the item
  /// decoded, so that one bad item does not make every reference to it an error too.
  var declared = DeclaredNames()
  /// The data files read to check the series, by path, for the run to use.
  var dataFiles: [String: DataFile] = [:]
  /// Whether some track, sector or driver failed to decode: checks that need the whole
  /// scenario (shock targets, expectation keys, eligibility fields) are then skipped.
  var incomplete = false
  /// The file index of each decoded item, by list ("tracks"), for key paths.
  var fileIndices: [String: [Int]] = [:]

  init(topFile: String) { self.topFile = topFile }

  /// The scenario, or nil when a required part is missing or invalid (then `issues` says why).
  mutating func decode(_ document: ScenarioNode) -> Scenario? {
    _ = checkTable(document, "", allowed: ScenarioSchema.topLevel)
    let info = decodeInfo(document["scenario"])
    let data = document["data"].map { decodeData($0) } ?? []
    let population = document["population"].flatMap { decodePopulation($0) }
    let drivers = document["drivers"].map { decodeDrivers($0) } ?? []
    let tracks = decodeTracks(document["tracks"])
    let calibration = document["calibrate"].flatMap { decodeCalibration($0) }
    let sectors = document["sectors"].map { decodeSectors($0) } ?? []
    let shocks = document["shocks"].map { decodeShocks($0) } ?? []
    let uncertain = document["uncertain"].map { decodeUncertain($0) } ?? []
    let expectations = document["expect"].map { decodeExpectations($0) } ?? []
    let output = document["output"].map { decodeOutput($0) } ?? OutputDefaults()
    let check = document["check"].map { decodeCheck($0) } ?? CheckSettings()
    // Without a valid [scenario] table the rest is still checked, but not against its years.
    yearsKnown = info != nil
    var scenario = Scenario(
      info: info ?? ScenarioInfo(name: "", baseYear: 0, horizon: 1), dataSeries: data,
      population: population, drivers: drivers, tracks: tracks,
      calibration: calibration, sectors: sectors, shocks: shocks, expectations: expectations,
      output: output, check: check)
    scenario.uncertain = uncertain
    checkReferences(scenario, hasPopulationTable: document["population"] != nil)
    return info == nil ? nil : scenario
  }

  // MARK: - Reporting

  mutating func report(
    _ kind: ScenarioIssue.Kind, at location: SourceLocation, _ path: String, expected: String,
    found: String, suggestions: [String] = []
  ) {
    issues.append(
      ScenarioIssue(
        kind: kind, location: location, keyPath: path, expected: expected, found: found,
        suggestions: suggestions))
  }

  /// The location recorded for `path` or, failing that, for its nearest parent.
  func location(of path: String) -> SourceLocation {
    var path = path
    while !path.isEmpty {
      if let location = locations[path] { return location }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      path = String(path[..<cut])
    }
    return SourceLocation(file: topFile)
  }

  /// Names among `candidates` near `name`, or none when even the nearest is far off.
  static func nearest(_ name: String, among candidates: [String]) -> [String] {
    let best = EditDistance.closest(to: name, among: candidates, limit: nil)
    guard let first = best.first else { return [] }
    let limit = max(2, name.count / 2)
    return EditDistance.between(name, first) <= limit ? Array(best.prefix(3)) : []
  }

  static func child(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }

  // MARK: - Primitives

  /// Checks that `node` is a table with only `allowed` keys; false when it is not a table.
  mutating func checkTable(_ node: ScenarioNode, _ path: String, allowed: [String]) -> Bool {
    locations[path] = locations[path] ?? node.location
    guard let entries = node.entries else {
      report(
        .wrongType, at: node.location, path, expected: "a table", found: node.kindDescription)
      return false
    }
    for (key, child) in entries where !allowed.contains(key) {
      report(
        .unknownKey, at: child.location, Self.child(path, key),
        expected: "a key of this table (\(allowed.joined(separator: ", ")))",
        found: "\"\(key)\"", suggestions: Self.nearest(key, among: allowed))
    }
    return true
  }

  /// The value under `key`, reporting it missing; `what` says what the key holds.
  mutating func require(
    _ table: ScenarioNode, _ key: String, _ path: String, what: String
  ) -> ScenarioNode? {
    if let node = table[key] { return node }
    report(
      .missingKey, at: table.location, Self.child(path, key), expected: what,
      found: "no `\(key)` key")
    return nil
  }

  mutating func string(_ node: ScenarioNode, _ path: String, what: String = "a string")
    -> String?
  {
    locations[path] = node.location
    guard let s = node.string else {
      report(.wrongType, at: node.location, path, expected: what, found: node.kindDescription)
      return nil
    }
    return s
  }

  mutating func boolean(_ node: ScenarioNode, _ path: String) -> Bool? {
    locations[path] = node.location
    guard let b = node.boolean else {
      report(
        .wrongType, at: node.location, path, expected: "true or false", found: node.kindDescription)
      return nil
    }
    return b
  }

  /// A string matching `[a-z0-9_-]+`.
  mutating func name(_ node: ScenarioNode, _ path: String, what: String) -> String? {
    guard let s = string(node, path, what: what) else { return nil }
    return checkName(s, path, at: node.location, what: what)
  }

  mutating func checkName(_ s: String, _ path: String, at location: SourceLocation, what: String)
    -> String?
  {
    guard ScenarioSchema.isValidName(s) else {
      report(
        .invalidValue, at: location, path, expected: "\(what) matching [a-z0-9_-]+",
        found: "\"\(s)\"")
      return nil
    }
    return s
  }

  /// A finite number, within `range` when given (`rangeText` says it in words).
  mutating func number(
    _ node: ScenarioNode, _ path: String, range: ClosedRange<Double>? = nil,
    rangeText: String = ""
  ) -> Double? {
    locations[path] = node.location
    guard let x = node.number, x.isFinite else {
      let expected = range == nil ? "a finite number" : "a finite number \(rangeText)"
      report(.wrongType, at: node.location, path, expected: expected, found: node.kindDescription)
      return nil
    }
    if let range, !range.contains(x) {
      report(
        .invalidValue, at: node.location, path, expected: "a number \(rangeText)",
        found: "\(x)")
      return nil
    }
    return x
  }

  /// A number in [0, 1]: a rate or a share.
  mutating func unitNumber(_ node: ScenarioNode, _ path: String) -> Double? {
    number(node, path, range: 0...1, rangeText: "in [0, 1]")
  }

  mutating func integer(
    _ node: ScenarioNode, _ path: String, minimum: Int? = nil, maximum: Int? = nil
  ) -> Int? {
    locations[path] = node.location
    guard let i = node.integer else {
      report(
        .wrongType, at: node.location, path, expected: "an integer",
        found: node.kindDescription)
      return nil
    }
    if let minimum, i < minimum {
      report(
        .invalidValue, at: node.location, path, expected: "an integer >= \(minimum)",
        found: "\(i)")
      return nil
    }
    if let maximum, i > maximum {
      report(
        .invalidValue, at: node.location, path, expected: "an integer <= \(maximum)",
        found: "\(i)")
      return nil
    }
    return i
  }

  /// `[first, last]`: two years, first <= last.
  mutating func yearRange(_ node: ScenarioNode, _ path: String) -> ClosedRange<Int>? {
    locations[path] = node.location
    guard let array = node.array, array.count == 2 else {
      report(
        .wrongType, at: node.location, path, expected: "two years [first, last]",
        found: node.kindDescription)
      return nil
    }
    guard let first = integer(array[0], path + "[0]"), let last = integer(array[1], path + "[1]")
    else { return nil }
    guard first <= last else {
      report(
        .invalidValue, at: node.location, path, expected: "years in order, first <= last",
        found: "[\(first), \(last)]")
      return nil
    }
    return first...last
  }

  /// A table of field = share, shares in [0, 1], in file order.
  mutating func fieldShares(_ node: ScenarioNode, _ path: String) -> [FieldShare]? {
    guard checkTable(node, path, allowed: node.entries?.map(\.key) ?? []),
      let entries = node.entries
    else { return nil }
    var shares: [FieldShare] = []
    var valid = true
    for (field, child) in entries {
      let childPath = Self.child(path, field)
      guard checkName(field, childPath, at: child.location, what: "a field name") != nil,
        let share = unitNumber(child, childPath)
      else {
        valid = false
        continue
      }
      shares.append(FieldShare(field: field, share: share))
    }
    return valid ? shares : nil
  }

}

extension ScenarioDecoder {
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
}

/// The names a scenario writes for each kind of item, in file order.
struct DeclaredNames {
  var series: [String] = []
  var drivers: [String] = []
  var tracks: [String] = []
  var sectors: [String] = []
  /// Fields of study, from the tracks' `fields` tables.
  var fields: [String] = []
}
