import Foundation

/// Runs a scenario: data, drivers, calibration, the cohort engine, demand and matching
/// (MODEL.md 2-5), into a `Projection` whose tables follow MODEL.md 9.
public struct Simulation: Sendable {
  public let scenario: Scenario

  public init(scenario: Scenario) { self.scenario = scenario }

  /// - Throws: `SimulationError` naming the series, driver, track, sector or year at fault.
  public func run() throws(SimulationError) -> Projection {
    let info = scenario.info
    let base = info.baseYear
    let last = base + info.horizon
    let data = try ScenarioData(scenario: scenario)

    // The engine starts at the latest first year of the tracks' intake series.
    var firstYears: [Int] = []
    for track in scenario.tracks {
      guard let first = data.series[track.intake]?.years?.lowerBound else {
        throw .missingValue(
          series: track.intake, year: base, file: data.series[track.intake]?.file ?? "?",
          purpose: "the observed intakes of track '\(track.name)'")
      }
      firstYears.append(first)
    }
    let start = firstYears.max() ?? base
    let years = min(start, base)...last
    let drivers = try DriverValues(scenario: scenario, data: data, years: years)
    let parameters = ParameterResolver(drivers: drivers, shocks: scenario.shocks, baseYear: base)
    var warnings = drivers.models.flatMap { model in
      model.result.warnings.map { "driver '\(model.driver)': \($0)" }
    }

    var tracks = try cohortTracks(data: data, parameters: parameters, start: start, last: last)
    var fitRows = drivers.models.flatMap { FitRow.rows(model: $0.driver, result: $0.result) }
    if let calibration = scenario.calibration {
      let outcome = try Calibration.run(
        calibration, scenario: scenario, data: data, parameters: parameters, tracks: tracks)
      for (k, completion) in outcome.completions.enumerated() {
        var series = Dictionary(uniqueKeysWithValues: tracks[k].completion.keys.map { ($0, completion) })
        ShockApplication.apply(
          scenario.shocks.filter { $0.target == .completion(track: tracks[k].name) }, to: &series)
        tracks[k].completion = series
      }
      fitRows += FitRow.rows(model: "calibrate", result: outcome.result)
      warnings += outcome.warnings
    }
    warnings += RangeCheck.outOfUnitInterval(tracks: tracks)

    let cohort: CohortProjection
    do {
      let engine = try CohortEngine(
        system: CohortSystem(baseYear: base, horizon: info.horizon, tracks: tracks),
        startYear: start)
      cohort = engine.run(paths: 1)
    } catch {
      throw .cohort(error)
    }

    let sectors = try demandSectors(parameters: parameters, base: base, last: last)
    let demand: DemandProjection
    do {
      demand = try DemandEngine(baseYear: base, horizon: info.horizon, sectors: sectors).run(paths: 1)
    } catch {
      throw .demand(error)
    }

    var matches: [MatchingResult] = []
    let fields = cohort.fields
    let sectorNames = scenario.sectors.map(\.name)
    for t in (base + 1)...last {
      var eligibility = Matrix(rows: fields.count, columns: sectorNames.count)
      for (s, sector) in scenario.sectors.enumerated() {
        for (f, field) in fields.enumerated() {
          var value = [t: sector.eligibility.first { $0.field == field }?.share ?? 0]
          ShockApplication.apply(
            scenario.shocks.filter { $0.target == .eligibility(sector: sector.name, field: field) },
            to: &value)
          eligibility[f, s] = value[t] ?? 0
        }
      }
      do {
        let engine = try MatchingEngine(fields: fields, sectors: sectorNames, eligibility: eligibility)
        let supply = (0..<fields.count).map { cohort.newSupplyByField.value(row: $0, year: t) }
        let capacity = (0..<sectorNames.count).map { demand.capacity.value(row: $0, year: t) }
        matches.append(try engine.match(supply: supply, capacity: capacity, year: t))
      } catch {
        throw .matching(error)
      }
    }
    return Projection(
      scenario: scenario, startYear: start, cohort: cohort, demand: demand, matches: matches,
      fitRows: fitRows, warnings: warnings, dataFiles: data.files)
  }

  /// The engine's tracks: observed intakes, rates by year, projection rules (MODEL.md 3).
  private func cohortTracks(
    data: ScenarioData, parameters: ParameterResolver, start: Int, last: Int
  ) throws(SimulationError) -> [CohortTrack] {
    let base = scenario.info.baseYear
    let steps = (start + 1)...max(start + 1, last)
    let projection = (base + 1)...last
    var tracks: [CohortTrack] = []
    for spec in scenario.tracks {
      let observed = data.series[spec.intake]?.values ?? [:]
      var progression: [Int: [Double]] = [:]
      var stepSeries: [[Int: Double]] = []
      for step in spec.progression {
        stepSeries.append(
          try parameters.series(step, years: steps, target: .progression(track: spec.name)))
      }
      for t in steps { progression[t] = stepSeries.map { $0[t] ?? .nan } }
      let completion = try parameters.series(
        spec.completion, years: steps, target: scenario.calibration == nil ? .completion(track: spec.name) : nil)
      let rule: CohortTrack.IntakeRule
      switch spec.rule {
      case .entry(let age, let rate):
        let rates = try parameters.series(rate, years: projection, target: .entryRate(track: spec.name))
        let survival = try parameters.series(
          scenario.population?.survival ?? .number(1), years: projection, target: .survival)
        let births = scenario.population?.births ?? ""
        var intakes: [Int: Double] = [:]
        for t in projection {
          let b = try data.value(births, t - age, for: "the entry of track '\(spec.name)' in \(t)")
          intakes[t] = b * (survival[t] ?? .nan) * (rates[t] ?? .nan)
        }
        rule = .exogenous(intakes)
      case .continuation(let from, let share):
        let shares = try parameters.series(
          share, years: projection, target: .continuationShare(track: spec.name))
        let source = scenario.tracks.firstIndex { $0.name == from } ?? 0
        rule = .continuation(source: source, share: shares)
      case .intakeDriver(let name):
        rule = .exogenous(try parameters.series(.driver(name), years: projection, target: nil))
      }
      tracks.append(
        CohortTrack(
          name: spec.name, duration: spec.duration,
          firstYear: observed.keys.min() ?? start, observedIntakes: observed,
          progression: progression, completion: completion, projectedIntake: rule,
          fieldShares: spec.fields))
    }
    return tracks
  }

  /// The demand engine's sectors, their rates by projection year with shocks (MODEL.md 4).
  private func demandSectors(
    parameters: ParameterResolver, base: Int, last: Int
  ) throws(SimulationError) -> [DemandSector] {
    let years = (base + 1)...last
    func perPath(_ series: [Int: Double]) -> [Int: [Double]] { series.mapValues { [$0] } }
    var out: [DemandSector] = []
    for sector in scenario.sectors {
      switch sector.demand {
      case .employment(let employment, let growth, let replacement, let share):
        let e0 = try parameters.baseValue(employment)
        out.append(
          DemandSector(
            name: sector.name,
            specification: .employment(
              baseEmployment: [e0],
              growth: perPath(try parameters.series(growth, years: years, target: .growth(sector: sector.name))),
              replacement: perPath(
                try parameters.series(replacement, years: years, target: .replacement(sector: sector.name))),
              graduateShare: perPath(
                try parameters.series(share, years: years, target: .graduateShare(sector: sector.name))))))
      case .capacity(let capacity):
        out.append(
          DemandSector(
            name: sector.name,
            specification: .capacity(
              perPath(try parameters.series(capacity, years: years, target: .capacity(sector: sector.name))))))
      }
    }
    return out
  }
}
