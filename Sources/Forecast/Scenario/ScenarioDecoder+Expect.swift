/// Decoding of `[[expect]]`: expected values of table cells (MODEL.md 10).
extension ScenarioDecoder {
  mutating func decodeExpectations(_ node: ScenarioNode) -> [Expectation] {
    var expectations: [Expectation] = []
    for (i, table) in tables(node, "expect").enumerated() {
      let path = "expect[\(i)]"
      guard checkTable(table, path, allowed: ScenarioSchema.expect) else { continue }
      let name = require(table, "table", path, what: "a table name")
        .flatMap { string($0, path + ".table") }
      let runTable = name.flatMap(RunTable.init(rawValue:))
      if let name, let node = table["table"], runTable == nil {
        report(
          .unknownName, at: node.location, path + ".table",
          expected: "a table: " + RunTable.names.joined(separator: ", "),
          found: "\"\(name)\"", suggestions: Self.nearest(name, among: RunTable.names))
      }
      let key = table["key"].flatMap { string($0, path + ".key") }
      let column = require(table, "column", path, what: "a column of the table")
        .flatMap { string($0, path + ".column") }
      var year: Int?
      if let node = table["year"] {
        year = integer(node, path + ".year")
      } else if name != RunTable.fit.rawValue {
        _ = require(table, "year", path, what: "the row's year")
      }
      let value = require(table, "value", path, what: "the expected value")
        .flatMap { number($0, path + ".value") }
      let rtol = table["rtol"].flatMap {
        number($0, path + ".rtol", range: 0...Double.infinity, rangeText: ">= 0")
      }
      let atol = table["atol"].flatMap {
        number($0, path + ".atol", range: 0...Double.infinity, rangeText: ">= 0")
      }
      guard let runTable, let column, let value else { continue }
      fileIndices["expect", default: []].append(i)
      expectations.append(
        Expectation(
          table: runTable, key: key, column: column, year: year, value: value, rtol: rtol,
          atol: atol))
    }
    return expectations
  }

  mutating func checkExpectations(_ scenario: Scenario) {
    let years = scenario.info.projectionYears
    for (i, expectation) in scenario.expectations.enumerated() {
      let path = itemPath("expect", i, nil)
      var columns = expectation.table.valueColumns
      if expectation.table == .fan {
        columns += scenario.info.quantiles.map(RunTable.quantileColumn)
      }
      if !columns.contains(expectation.column) {
        report(
          .unknownName, at: location(of: path + ".column"), path + ".column",
          expected: "a value column of \(expectation.table): " + columns.joined(separator: ", "),
          found: "\"\(expectation.column)\"",
          suggestions: Self.nearest(expectation.column, among: columns))
      }
      if let year = expectation.year {
        if expectation.table == .fit {
          report(
            .invalidValue, at: location(of: path + ".year"), path + ".year",
            expected: "no year (fit rows have none)", found: "\(year)")
        } else if yearsKnown && !years.contains(year) {
          report(
            .invalidValue, at: location(of: path + ".year"), path + ".year",
            expected: "a projection year \(years.lowerBound)...\(years.upperBound)",
            found: "\(year)")
        }
      }
      checkKey(expectation, scenario, path)
      checkCellExists(expectation, scenario, path)
    }
  }

  /// A sector given by `capacity` has no employment or openings: an expectation on them names
  /// a cell that is empty in every year and could never pass.
  mutating func checkCellExists(_ expectation: Expectation, _ scenario: Scenario, _ path: String) {
    guard expectation.table == .demand,
      [DemandMetric.employment.rawValue, DemandMetric.openings.rawValue].contains(expectation.column),
      let sector = scenario.sectors.first(where: { $0.name == expectation.key }),
      case .capacity = sector.demand
    else { return }
    report(
      .invalidValue, at: location(of: path + ".column"), path + ".column",
      expected: "capacity (sector '\(sector.name)' is given by capacity, so its employment "
        + "and openings are empty)",
      found: "\"\(expectation.column)\"", suggestions: ["capacity"])
  }

  /// The key names the row: a track (supply), a sector (demand), `field/sector` (matching),
  /// a balance metric (fan), `model/term` (fit); balance rows have no key.
  mutating func checkKey(_ expectation: Expectation, _ scenario: Scenario, _ path: String) {
    let keyPath = path + ".key"
    let candidates: [String]
    let what: String
    switch expectation.table {
    case .supply:
      candidates = scenario.tracks.map(\.name)
      what = "a track's name"
    case .demand:
      candidates = scenario.sectors.map(\.name)
      what = "a sector's name"
    case .matching:
      candidates = scenario.fields.flatMap { field in
        scenario.sectors.map { "\(field)/\($0.name)" }
      }
      what = "field/sector"
    case .fan:
      candidates = BalanceMetric.names
      what = "a balance metric"
    case .fit:
      candidates = fitKeys(scenario)
      what = "model/term (a model driver or calibrate, and a term)"
    default:
      if let key = expectation.key {
        report(
          .invalidValue, at: location(of: keyPath), keyPath,
          expected: "no key (balance has one row per year)", found: "\"\(key)\"")
      }
      return
    }
    guard let key = expectation.key else {
      report(
        .missingKey, at: location(of: path), keyPath, expected: what, found: "no `key` key")
      return
    }
    if !candidates.contains(key) {
      report(
        .unknownName, at: location(of: keyPath), keyPath, expected: what, found: "\"\(key)\"",
        suggestions: Self.nearest(key, among: candidates))
    }
  }

  /// `model/term` for every coefficient the fit table will have.
  func fitKeys(_ scenario: Scenario) -> [String] {
    var keys: [String] = []
    for driver in scenario.drivers {
      guard case .model(let source, _, _) = driver.form,
        let formula = try? Formula(parsing: source)
      else { continue }
      keys += formula.termNames.map { "\(driver.name)/\($0)" }
    }
    keys += scenario.tracks.filter { scenario.isCalibrated(track: $0.name) }
      .map { "calibrate/\($0.name)" }
    return keys
  }
}
