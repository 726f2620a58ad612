extension Simulation {
  /// Each field's eligibility for each sector by projection year and path, with shocks
  /// (MODEL.md 5): by field, then sector.
  func eligibility(fields: [String], shocks: ShockApplication) -> [[PathValues]] {
    let years = scenario.info.projectionYears
    return fields.map { field in
      scenario.sectors.map { sector in
        var value: PathValues = [:]
        let share = sector.eligibility.first { $0.field == field }?.share ?? 0
        for t in years { value[t] = [share] }
        shocks.apply(.eligibility(sector: sector.name, field: field), to: &value)
        return value
      }
    }
  }

  /// The matching of every projection year: each field's new supply against each sector's
  /// capacity (MODEL.md 5). `paths` is the run's, for the error.
  func matchings(
    cohort: CohortProjection, demand: DemandProjection, shocks: ShockApplication, paths: Int
  ) throws(SimulationError) -> [PathMatching] {
    let fields = cohort.fields
    let sectorNames = scenario.sectors.map(\.name)
    let shares = eligibility(fields: fields, shocks: shocks)
    var matches: [PathMatching] = []
    let engine = MatchingEngine(fields: fields, sectors: sectorNames)
    for t in scenario.info.projectionYears {
      var eligibility: [[Double]] = []
      for f in fields.indices {
        for s in sectorNames.indices { eligibility.append(shares[f][s][t] ?? [0]) }
      }
      do {
        matches.append(
          try engine.match(
            supply: cohort.newSupplyByField[t], capacity: demand.capacity[t],
            eligibility: eligibility, year: t))
      } catch {
        throw .matching(error, at: keyPath(of: error), paths: paths)
      }
    }
    return matches
  }
}
