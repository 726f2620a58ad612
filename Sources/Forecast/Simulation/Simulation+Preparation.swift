extension Simulation {
  /// What every batch of a run shares and no draw changes, worked out once per run: the years
  /// the engines step, the fitted model drivers, the calibrated completion rates, the fit
  /// table's rows and the warnings they raise.
  struct Preparation: Sendable {
    /// The engines' first year: the latest first year of the tracks' intake series.
    let start: Int
    /// The years drivers are wanted for: from the engines' first year to the last projected.
    let years: ClosedRange<Int>
    let fits: DriverFits
    /// The calibrated completion rate of each track (scenario order), before shocks.
    let completions: [Double]?
    let fitRows: [FitRow]
    let warnings: [String]
  }

  /// - Parameter stochastic: whether the run draws (P > 1).
  func prepare(data: ScenarioData, stochastic: Bool) throws(SimulationError) -> Preparation {
    let info = scenario.info
    let base = info.baseYear
    let last = base + info.horizon
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
    let fits = try DriverFits(scenario: scenario, data: data, years: years, stochastic: stochastic)
    var warnings =
      fits.fitted.flatMap { model in
        model.result.warnings.map { "driver '\(model.driver)': \($0)" }
      } + fits.notes
    var fitRows = fits.fitted.flatMap { FitRow.rows(model: $0.driver, result: $0.result) }
    var completions: [Double]? = nil
    if let calibration = scenario.calibration {
      // Calibration reads observed data and base-year rates, not their own shocks. A driver
      // that sets a rate keeps its `drivers.D` shocks, at their central value (`sd` left
      // out): a one-path context draws nothing, so the seed is not used.
      let context = PathContext(seed: 0, paths: 0..<1, total: 1, baseYear: base)
      let shocks = ShockApplication(shocks: scenario.shocks, scenario: scenario, context: context)
      let drivers = try DriverValues(
        fits: fits, scenario: scenario, years: years, context: context, shocks: shocks)
      let parameters = ParameterResolver(
        drivers: drivers, shocks: shocks, context: context, clamps: ClampLog())
      let tracks = try cohortTracks(data: data, parameters: parameters, start: start, last: last)
      let outcome = try Calibration.run(
        calibration, scenario: scenario, data: data, parameters: parameters, tracks: tracks)
      completions = outcome.completions
      fitRows += FitRow.rows(model: "calibrate", result: outcome.result)
      warnings += outcome.warnings
    }
    return Preparation(
      start: start, years: years, fits: fits, completions: completions, fitRows: fitRows,
      warnings: warnings)
  }
}
