/// Checks across a decoded scenario: names that must be defined, data files and columns,
/// continuation cycles and sums, shock targets and expectations (MODEL.md 1-10).
///
/// Left to the engine, which has the data loaded: whether every intake is observed from the
/// engine's start to base_year, and whether series cover the fit and projection years.
extension ScenarioDecoder {
  mutating func checkReferences(_ scenario: Scenario, hasPopulationTable: Bool) {
    let seriesNames = declared.series
    let driverNames = declared.drivers
    for name in driverNames where seriesNames.contains(name) || name == "year" {
      report(
        .conflict, at: location(of: "drivers." + name), "drivers." + name,
        expected: "a name that is not a data series or `year` (formulas use both)",
        found: "\"\(name)\"")
    }
    if seriesNames.contains("year") {
      report(
        .conflict, at: location(of: "data.year"), "data.year",
        expected: "a series name other than `year`, which formulas build in", found: "\"year\"")
    }
    for (path, name) in driverReferences where !driverNames.contains(name) {
      let also = seriesNames.contains(name) ? " (\"\(name)\" is a data series)" : ""
      report(
        .unknownName, at: location(of: path), path,
        expected: "a driver defined in [drivers]\(also)", found: "\"\(name)\"",
        suggestions: Self.nearest(name, among: driverNames))
    }
    for (path, name, driverAllowed) in seriesReferences {
      if seriesNames.contains(name) || (driverAllowed && driverNames.contains(name)) { continue }
      let candidates = driverAllowed ? seriesNames + driverNames : seriesNames
      report(
        .unknownName, at: location(of: path), path,
        expected: driverAllowed ? "a data series or driver" : "a data series defined in [data]",
        found: "\"\(name)\"", suggestions: Self.nearest(name, among: candidates))
    }
    checkModels(scenario, names: seriesNames + driverNames)
    checkDataFiles(scenario)
    checkTracks(scenario, hasPopulationTable: hasPopulationTable)
    checkEligibility(scenario)
    guard !incomplete else { return }
    checkShocks(scenario)
    checkExpectations(scenario)
  }

  mutating func checkModels(_ scenario: Scenario, names: [String]) {
    let baseYear = scenario.info.baseYear
    for driver in scenario.drivers {
      guard case .model(let source, let window, _) = driver.form else { continue }
      let path = "drivers.\(driver.name)"
      if yearsKnown, case .years(let years) = window, years.upperBound > baseYear {
        report(
          .invalidValue, at: location(of: path + ".years"), path + ".years",
          expected: "fit years ending at or before base_year (\(baseYear))",
          found: "[\(years.lowerBound), \(years.upperBound)]")
      }
      let formula: Formula
      do {
        formula = try Formula(parsing: source)
      } catch {
        report(
          .invalidValue, at: location(of: path + ".model"), path + ".model",
          expected: "an R-style formula", found: "\(error)")
        continue
      }
      for variable in formula.variableNames where variable != "year" {
        if variable == driver.name {
          report(
            .invalidValue, at: location(of: path + ".model"), path + ".model",
            expected: "a formula that does not use its own driver", found: "\"\(variable)\"")
        } else if !names.contains(variable) {
          report(
            .unknownName, at: location(of: path + ".model"), path + ".model",
            expected: "data series, drivers or `year` in the formula", found: "\"\(variable)\"",
            suggestions: Self.nearest(variable, among: names + ["year"]))
        }
      }
    }
    checkCalibrations(scenario)
  }

  /// Fit years of every calibration end at or before base_year; a joint `[calibrate]` keeps
  /// at least one track (MODEL.md 3).
  mutating func checkCalibrations(_ scenario: Scenario) {
    let baseYear = scenario.info.baseYear
    var calibrations: [(path: String, spec: CalibrationSpec)] = []
    if let joint = scenario.calibration { calibrations.append(("calibrate", joint)) }
    for (i, track) in scenario.tracks.enumerated() {
      if let own = track.calibration {
        calibrations.append((itemPath("tracks", i, track.name) + ".calibrate", own))
      }
    }
    for (path, spec) in calibrations {
      guard yearsKnown, case .years(let years) = spec.window, years.upperBound > baseYear else { continue }
      report(
        .invalidValue, at: location(of: path + ".years"), path + ".years",
        expected: "fit years ending at or before base_year (\(baseYear))",
        found: "[\(years.lowerBound), \(years.upperBound)]")
    }
    if scenario.calibration != nil, !incomplete, !scenario.tracks.isEmpty,
      scenario.tracks.allSatisfy({ $0.calibration != nil })
    {
      report(
        .conflict, at: location(of: "calibrate"), "calibrate",
        expected: "at least one track left to the joint calibration (every track has its own "
          + "`calibrate`)", found: "none: remove [calibrate] or a track's own `calibrate`")
    }
  }

  /// Reads each data file once and checks its `year` column (whole years in range, one value
  /// per year for each series) and the series' columns.
  mutating func checkDataFiles(_ scenario: Scenario) {
    var tables: [String: Result<DataFile, CSVError>] = [:]
    var years: [String: Result<YearColumn, DataYearError>] = [:]
    for series in scenario.dataSeries {
      let path = "data." + series.name
      let result = tables[series.file] ?? Result { () throws(CSVError) -> DataFile in
        try DataFile.read(series.file)
      }
      tables[series.file] = result
      if case .success(let file) = result { dataFiles[series.file] = file }
      switch result.map(\.table) {
      case .failure(let error):
        let found: String
        if case .fileNotFound = error { found = "no such file" } else { found = "\(error)" }
        report(
          .unreadableFile, at: location(of: path + ".file"), path + ".file",
          expected: "a readable CSV file at \(series.file)", found: found)
      case .success(let table):
        let firstUse = years[series.file] == nil
        let yearColumn = years[series.file] ?? Result { () throws(DataYearError) -> YearColumn in
          try YearColumn(table)
        }
        years[series.file] = yearColumn
        if firstUse, case .failure(let error) = yearColumn {
          let (expected, found) = error.expectedAndFound
          report(
            .invalidValue, at: location(of: path + ".file"), path + ".file", expected: expected,
            found: found)
        }
        guard let column = table.column(named: series.column) else {
          report(
            .unknownName, at: location(of: path + ".column"), path + ".column",
            expected: "a column of \(series.file)", found: "\"\(series.column)\"",
            suggestions: Self.nearest(series.column, among: table.names.filter { $0 != "year" }))
          continue
        }
        switch column {
        case .text(let cells, let row):
          let line = CSVReader.lines(ofRows: [row], in: series.file)[0]
          report(
            .invalidValue, at: location(of: path + ".column"), path + ".column",
            expected: "a numeric column",
            found: "\"\(cells[row])\" on line \(line) of \(series.file)")
        case .numeric(let values):
          guard case .success(let column) = yearColumn else { break }
          do { _ = try column.series(values, named: series.column) } catch {
            let (expected, found) = error.expectedAndFound
            report(
              .invalidValue, at: location(of: path + ".column"), path + ".column",
              expected: expected, found: found)
          }
        }
      }
    }
  }

  mutating func checkTracks(_ scenario: Scenario, hasPopulationTable: Bool) {
    let names = declared.tracks
    var sources: [String: String] = [:]
    var shares: [String: Double] = [:]
    for (i, track) in scenario.tracks.enumerated() {
      let path = itemPath("tracks", i, track.name)
      switch track.rule {
      case .entry:
        if !hasPopulationTable {
          report(
            .missingKey, at: location(of: path + ".entry"), "population",
            expected: "a [population] table (births, survival) for population entry",
            found: "none")
        }
      case .continuation(let from, let share):
        let fromPath = path + ".continuation.from"
        if from == track.name {
          report(
            .continuationCycle, at: location(of: fromPath), fromPath,
            expected: "another track", found: "the track itself")
        } else if !names.contains(from) {
          report(
            .unknownName, at: location(of: fromPath), fromPath, expected: "a track's name",
            found: "\"\(from)\"", suggestions: Self.nearest(from, among: names))
        } else {
          sources[track.name] = from
          if let x = share.number { shares[from, default: 0] += x }
        }
      case .intakeDriver:
        break
      }
    }
    for (i, track) in scenario.tracks.enumerated() {
      if let sum = shares[track.name], sum > 1 + 1e-12 {
        let path = itemPath("tracks", i, track.name)
        report(
          .invalidValue, at: location(of: path), path,
          expected: "continuation shares from this track summing to at most 1",
          found: "a sum of \(sum)")
      }
    }
    // A cycle: follow `from` links; report each cycle once, at its first track in file order.
    var reported: Set<String> = []
    for (i, track) in scenario.tracks.enumerated() {
      var chain = [track.name]
      var current = track.name
      while let next = sources[current], !reported.contains(track.name) {
        if next == track.name {
          let path = itemPath("tracks", i, track.name) + ".continuation.from"
          report(
            .continuationCycle, at: location(of: path), path,
            expected: "an acyclic continuation graph",
            found: "the cycle " + (chain + [next]).joined(separator: " <- "))
          reported.formUnion(chain)
          break
        }
        if chain.contains(next) { break }
        chain.append(next)
        current = next
      }
    }
  }

  /// The key path of the `i`-th decoded item of `list`, with its index in the merged file.
  func itemPath(_ list: String, _ i: Int, _ name: String?) -> String {
    let index = fileIndices[list].flatMap { i < $0.count ? $0[i] : nil } ?? i
    return name.map { "\(list)[\(index)] \"\($0)\"" } ?? "\(list)[\(index)]"
  }

  mutating func checkEligibility(_ scenario: Scenario) {
    let fields = declared.fields
    for (i, sector) in scenario.sectors.enumerated() {
      for share in sector.eligibility where !fields.contains(share.field) {
        let path = itemPath("sectors", i, sector.name) + ".eligibility.\(share.field)"
        report(
          .unknownName, at: location(of: path), path, expected: "a field that a track names",
          found: "\"\(share.field)\"", suggestions: Self.nearest(share.field, among: fields))
      }
    }
  }

  mutating func checkShocks(_ scenario: Scenario) {
    let valid = scenario.validTargets.map(\.path)
    var bad = unparsedTargets.map { (path: $0.path, target: $0.target) }
    for (i, shock) in scenario.shocks.enumerated() where !valid.contains(shock.targetPath) {
      bad.append((itemPath("shocks", i, nil) + ".target", shock.targetPath))
    }
    var firstEntry: [String: String] = [:]
    for (i, entry) in scenario.uncertain.enumerated() {
      let path = itemPath("uncertain", i, nil) + ".target"
      guard valid.contains(entry.targetPath) else {
        bad.append((path, entry.targetPath))
        continue
      }
      if let first = firstEntry[entry.targetPath] {
        report(
          .conflict, at: location(of: path), path,
          expected: "a target no other [[uncertain]] entry names (\(first) does)",
          found: "\"\(entry.targetPath)\"")
      } else {
        firstEntry[entry.targetPath] = path
      }
    }
    for (path, target) in bad.sorted(by: { $0.path < $1.path }) {
      report(
        .unknownName, at: location(of: path), path,
        expected: "a target this scenario has", found: "\"\(target)\"",
        suggestions: EditDistance.closest(to: target, among: valid, limit: 3))
    }
  }
}
