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
        values.append(YearValue(year: y, value: try observedBirths(data, name, y, track: track, age: age)))
      }
      return try parameters.series(
        .inline(.values(values), sd: nil), years: years, target: .births)
    }
    let base = scenario.info.baseYear
    var births: PathValues = [:]
    var central: [Int: Double] = [:]
    for y in years {
      if y <= base {
        let value = try observedBirths(data, name, y, track: track, age: age)
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

  /// The births of `year` in the data series `name`, which must be a number of births: finite
  /// and at least 0.
  private func observedBirths(
    _ data: ScenarioData, _ name: String, _ year: Int, track: String, age: Int
  ) throws(SimulationError) -> Double {
    let value = try data.value(name, year, for: "the entry of track '\(track)' in \(year + age)")
    guard value >= 0, value.isFinite else {
      throw .birthsDataOutOfDomain(
        series: name, file: scenario.dataSeries(named: name)?.file ?? "", year: year, value: value,
        track: track, entry: year + age)
    }
    return value
  }
}
