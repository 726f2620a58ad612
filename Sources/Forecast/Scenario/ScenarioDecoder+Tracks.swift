/// Decoding of `[[tracks]]`: the study tracks, their intake rules, progression, completion and fields (MODEL.md 3).
extension ScenarioDecoder {
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
      if let name = table["name"]?.string { declared.tracks.append(name) }
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
        if !declared.fields.contains(key) {
          declared.fields.append(key)
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
    var calibration: CalibrationSpec?
    var calibrationFailed = false
    if let node = table["calibrate"] {
      calibration = decodeCalibration(node, path + ".calibrate")
      calibrationFailed = calibration == nil
    }
    guard let name, let duration, let intake, let rule, let progression, let completion,
      let fields, !calibrationFailed
    else { return nil }
    var track = TrackSpec(
      name: name, duration: duration, intake: intake, rule: rule, progression: progression,
      completion: completion, fields: fields)
    track.calibration = calibration
    return track
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
    let keys = ScenarioSchema.trackRules
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
}
