/// The observed years of the supply metrics, from the scenario's data series up to its base
/// year, drawn before the projection.
///
/// Graduates are the calibration's graduates series (or a data series named `graduates`).
/// New labour supply is not observed as such; it is derived as the model defines it,
/// graduates minus those who continue into a further track (MODEL.md 3), with the observed
/// intake of every continuation track standing for those who continue. A year lacking any
/// of these values has no observed point.
struct ObservedHistory: Sendable {
  /// The graduates series' name, and its values by year.
  let graduatesSeries: String?
  let graduates: [Int: Double]
  /// Graduates minus the observed intakes of the continuation tracks, by year.
  let newSupply: [Int: Double]
  /// The intake series of the continuation tracks.
  let continuationSeries: [String]

  init(scenario: Scenario) throws(FigureError) {
    let data: ScenarioData
    do { data = try ScenarioData(scenario: scenario) } catch {
      throw .run(scenario: scenario.info.name, error)
    }
    let name =
      scenario.calibration?.graduates
      ?? scenario.dataSeries.first { $0.name == BalanceMetric.graduates.rawValue }?.name
    graduatesSeries = name
    graduates = name.flatMap { data.series[$0]?.values } ?? [:]
    let continuing = scenario.tracks.compactMap { track -> String? in
      if case .continuation = track.rule { return track.intake }
      return nil
    }
    continuationSeries = continuing
    var supply: [Int: Double] = [:]
    for (year, value) in graduates {
      let intakes = continuing.map { data.series[$0]?.values[year] }
      guard intakes.allSatisfy({ $0 != nil }) else { continue }
      supply[year] = value - intakes.reduce(0) { $0 + ($1 ?? 0) }
    }
    newSupply = supply
  }

  /// Points of `values` in year order.
  static func points(_ values: [Int: Double]) -> [DataPoint] {
    values.keys.sorted().map { DataPoint(Double($0), values[$0] ?? .nan) }
  }
}
