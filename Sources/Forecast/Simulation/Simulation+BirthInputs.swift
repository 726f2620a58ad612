extension Simulation {
  /// The births B(t − age) that population entry reads for the projection years, by birth
  /// year, then the shocks on `population.births` for the birth years they span
  /// (MODEL.md 1, 3, 8). Birth years up to base_year come from the data series; later ones
  /// from `births_driver` when the scenario names one (its values up to base_year are never
  /// read), else from the series' projected values.
  func birthSeries(
    data: ScenarioData, parameters: ParameterResolver, age: Int, track: String,
    projection: ClosedRange<Int>
  ) throws(SimulationError) -> PathValues {
    let name = scenario.population?.births ?? ""
    let years = (projection.lowerBound - age)...(projection.upperBound - age)
    guard let driver = scenario.population?.birthsDriver else {
      var values: [YearValue] = []
      for y in years {
        let value = try data.value(name, y, for: "the entry of track '\(track)' in \(y + age)")
        values.append(YearValue(year: y, value: value))
      }
      return try parameters.series(
        .inline(.values(values), sd: nil), years: years, target: .births)
    }
    let base = scenario.info.baseYear
    var births: PathValues = [:]
    var central: [Int: Double] = [:]
    for y in years {
      if y <= base {
        let value = try data.value(name, y, for: "the entry of track '\(track)' in \(y + age)")
        births[y] = [value]
        central[y] = value
      } else {
        births[y] = try parameters.drivers.value(driver, y)
        let value = parameters.drivers.fits.central[driver]?[y] ?? .nan
        guard value >= 0, value.isFinite else {
          throw .birthsOutOfDomain(driver: driver, year: y, value: value, track: track, entry: y + age)
        }
        central[y] = value
      }
    }
    try parameters.shock(&births, target: .births, driver: driver) {
      ShockApplication.central(parameters.shocks.shocks, .births, to: &central)
      return central
    }
    return births
  }
}
