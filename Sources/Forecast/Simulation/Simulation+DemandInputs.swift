extension Simulation {
  /// The demand engine's sectors, their rates by projection year and path with shocks
  /// (MODEL.md 4).
  func demandSectors(
    parameters: ParameterResolver, base: Int, last: Int
  ) throws(SimulationError) -> [DemandSector] {
    let years = (base + 1)...last
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
              growth: try parameters.series(growth, years: years, target: .growth(sector: sector.name)),
              replacement: try parameters.series(
                replacement, years: years, target: .replacement(sector: sector.name)),
              graduateShare: try parameters.series(
                share, years: years, target: .graduateShare(sector: sector.name)))))
      case .capacity(let capacity):
        out.append(
          DemandSector(
            name: sector.name,
            specification: .capacity(
              try parameters.series(capacity, years: years, target: .capacity(sector: sector.name)))))
      }
    }
    return out
  }
}

