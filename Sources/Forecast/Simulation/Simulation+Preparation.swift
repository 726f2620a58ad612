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
    /// The calibrated completion rate of each track (scenario order; nil for a track no
    /// calibration covers), before shocks.
    let completions: [Double?]
    /// The calibrations' fits, for their draws on a stochastic run.
    let calibrations: [Calibration.Fit]
    /// The central graduates of each calibrated track (by index) in the projection years: the
    /// scale of the calibrations' residual noise (`CalibrationDraws`); empty on one path.
    let centralGraduates: [Int: [Int: Double]]
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
    warnings += idleShockWarnings()
    var fitRows = fits.fitted.flatMap { FitRow.rows(model: $0.driver, result: $0.result) }
    var completions = [Double?](repeating: nil, count: scenario.tracks.count)
    var calibrations: [Calibration.Fit] = []
    var centralGraduates: [Int: [Int: Double]] = [:]
    if scenario.calibration != nil || scenario.tracks.contains(where: { $0.calibration != nil }) {
      // Calibration reads observed data and base-year rates, not their own shocks. A driver
      // that sets a rate keeps its `drivers.D` shocks, at their central value (`sd` left
      // out): a one-path context draws nothing, so the seed is not used.
      let context = PathContext(seed: 0, paths: 0..<1, total: 1, baseYear: base)
      let shocks = ShockApplication(shocks: scenario.shocks, scenario: scenario, context: context)
      let drivers = try DriverValues(
        fits: fits, scenario: scenario, years: years, context: context, shocks: shocks)
      let parameters = ParameterResolver(
        drivers: drivers, shocks: shocks, context: context, clamps: ClampLog())
      var tracks = try cohortTracks(data: data, parameters: parameters, start: start, last: last)
      let outcome = try Calibration.run(
        scenario: scenario, data: data, parameters: parameters, tracks: tracks)
      completions = outcome.completions
      calibrations = outcome.fits
      fitRows += outcome.fitRows
      warnings += outcome.warnings
      if stochastic {
        setCompletions(&tracks, completions.map { $0.map { [$0] } }, shocks: shocks)
        centralGraduates = try graduates(
          of: calibrations.flatMap(\.tracks), tracks: tracks, start: start)
      }
    }
    return Preparation(
      start: start, years: years, fits: fits, completions: completions,
      calibrations: calibrations, centralGraduates: centralGraduates, fitRows: fitRows,
      warnings: warnings)
  }

  /// A warning for each shock whose years miss every year it could act in, so that it
  /// changes nothing: the projection years, or for a births shock (by birth year) the birth
  /// years that population entry reads in them.
  func idleShockWarnings() -> [String] {
    let years = scenario.info.projectionYears
    let ages = scenario.tracks.compactMap { track -> Int? in
      if case .entry(let age, _) = track.rule { return age }
      return nil
    }
    let birthYears = ages.isEmpty
      ? nil : (years.lowerBound - ages.max()!)...(years.upperBound - ages.min()!)
    return scenario.shocks.compactMap { shock in
      let span = shock.to.map { "\(shock.from)-\($0)" } ?? "\(shock.from) on"
      let to = shock.to ?? Int.max
      if case .births = shock.target {
        guard let read = birthYears else {
          return "\(shock.target.path): a shock on \(span) changes nothing: no track's intake "
            + "enters from births"
        }
        guard shock.from > read.upperBound || to < read.lowerBound else { return nil }
        return "\(shock.target.path): a shock on \(span) changes nothing: it is by birth year, "
          + "and the entries of \(years.lowerBound)-\(years.upperBound) read the births of "
          + "\(read.lowerBound)-\(read.upperBound)"
      }
      guard shock.from > years.upperBound || to < years.lowerBound else { return nil }
      return "\(shock.target.path): a shock on \(span) changes nothing: the projection years are "
        + "\(years.lowerBound)-\(years.upperBound)"
    }
  }

  /// Whether `prepare(reusing:adding:data:stochastic:)` gives this scenario's preparation when
  /// `shocks` are added after its own: when every one of them starts after base_year (fits
  /// and calibrations read observed years and base-year rates only, MODEL.md 3 and 8), none
  /// shocks the births, and none shocks a driver that a model driver's formula or weights
  /// name (the formula's projection rows see that driver's central values).
  func preparationCarriesOver(adding shocks: [ShockSpec]) -> Bool {
    var named: Set<String> = []
    for driver in scenario.drivers {
      guard case .model(let text, _, let weights) = driver.form else { continue }
      guard let formula = try? Formula(parsing: text) else { return false }
      named.formUnion(formula.variableNames)
      if let weights { named.insert(weights) }
    }
    return shocks.allSatisfy { shock in
      guard shock.from > scenario.info.baseYear else { return false }
      switch shock.target {
      case .births: return false
      case .driver(let name): return !named.contains(name)
      default: return true
      }
    }
  }

  /// This scenario's preparation from `base`, the preparation of the same scenario without
  /// the `added` shocks at its end, when `preparationCarriesOver(adding:)` holds: the fits,
  /// calibrations, fit rows and warnings are `base`'s, the drivers' central values take the
  /// added shocks, and on a stochastic run the central graduates are this scenario's.
  func prepare(
    reusing base: Preparation, adding added: [ShockSpec], data: ScenarioData, stochastic: Bool
  ) throws(SimulationError) -> Preparation {
    let fits = base.fits.adding(added)
    var centralGraduates: [Int: [Int: Double]] = [:]
    if stochastic, !base.calibrations.isEmpty {
      let context = PathContext(seed: 0, paths: 0..<1, total: 1, baseYear: scenario.info.baseYear)
      let shocks = ShockApplication(shocks: scenario.shocks, scenario: scenario, context: context)
      let drivers = try DriverValues(
        fits: fits, scenario: scenario, years: base.years, context: context, shocks: shocks)
      let parameters = ParameterResolver(
        drivers: drivers, shocks: shocks, context: context, clamps: ClampLog())
      var tracks = try cohortTracks(
        data: data, parameters: parameters, start: base.start,
        last: scenario.info.baseYear + scenario.info.horizon)
      setCompletions(&tracks, base.completions.map { $0.map { [$0] } }, shocks: shocks)
      centralGraduates = try graduates(
        of: base.calibrations.flatMap(\.tracks), tracks: tracks, start: base.start)
    }
    return Preparation(
      start: base.start, years: base.years, fits: fits, completions: base.completions,
      calibrations: base.calibrations, centralGraduates: centralGraduates,
      fitRows: base.fitRows, warnings: base.warnings)
  }

  /// The preparations of design points side by side (`runPointsSideBySide`): the scenarios
  /// whose last `added` shocks take each point's values (`pointShocks`, `perColumn` their
  /// values by shock index, one per point or one shared), each the preparation that
  /// `prepare(reusing:adding:data:stochastic:)` gives it, with the central graduates of every
  /// point from one deterministic batch whose columns are the points.
  func preparePoints(
    reusing base: Preparation, shocks pointShocks: [[ShockSpec]], added: Int,
    perColumn: [Int: [Double]], data: ScenarioData, stochastic: Bool
  ) throws(SimulationError) -> [Preparation] {
    let points = pointShocks.count
    let fits = pointShocks.map { base.fits.adding(Array($0.suffix(added))) }
    var centralGraduates = [[Int: [Int: Double]]](repeating: [:], count: points)
    if stochastic, !base.calibrations.isEmpty {
      let context = PathContext(
        seed: 0, paths: 0..<points, total: 1, baseYear: scenario.info.baseYear)
      let shocks = ShockApplication(
        shocks: scenario.shocks, scenario: scenario, context: context, perColumn: perColumn)
      let drivers = try DriverValues(
        fits: base.fits, scenario: scenario, years: base.years, context: context, shocks: shocks)
      var parameters = ParameterResolver(
        drivers: drivers, shocks: shocks, context: context, clamps: ClampLog())
      parameters.points = zip(fits, pointShocks).map { ParameterResolver.Point(fits: $0, shocks: $1) }
      var tracks = try cohortTracks(
        data: data, parameters: parameters, start: base.start,
        last: scenario.info.baseYear + scenario.info.horizon)
      setCompletions(&tracks, base.completions.map { $0.map { [$0] } }, shocks: shocks)
      centralGraduates = try graduates(
        of: base.calibrations.flatMap(\.tracks), tracks: tracks, start: base.start,
        columns: points)
    }
    return (0..<points).map { g in
      Preparation(
        start: base.start, years: base.years, fits: fits[g], completions: base.completions,
        calibrations: base.calibrations, centralGraduates: centralGraduates[g],
        fitRows: base.fitRows, warnings: base.warnings)
    }
  }

  /// Sets the completion of every calibrated track to its value (one, or one per path) in
  /// every year, then applies the track's completion shocks.
  func setCompletions(
    _ tracks: inout [CohortTrack], _ values: [[Double]?], shocks: ShockApplication
  ) {
    for (k, value) in values.enumerated() {
      guard let value else { continue }
      var series = Dictionary(uniqueKeysWithValues: tracks[k].completion.keys.map { ($0, value) })
      shocks.apply(.completion(track: tracks[k].name), to: &series)
      tracks[k].setCompletion(series)
    }
  }

  /// The central run's graduates of tracks `indices` in the projection years.
  private func graduates(of indices: [Int], tracks: [CohortTrack], start: Int)
    throws(SimulationError) -> [Int: [Int: Double]]
  {
    try graduates(of: indices, tracks: tracks, start: start, columns: 1)[0]
  }

  /// The graduates of tracks `indices` in the projection years, per column of a deterministic
  /// run of `columns` (design points side by side).
  private func graduates(of indices: [Int], tracks: [CohortTrack], start: Int, columns: Int)
    throws(SimulationError) -> [[Int: [Int: Double]]]
  {
    let info = scenario.info
    let cohort: CohortProjection
    do {
      cohort = try CohortEngine(
        system: CohortSystem(baseYear: info.baseYear, horizon: info.horizon, tracks: tracks),
        startYear: start
      ).run(paths: columns)
    } catch {
      throw .cohort(error, at: keyPath(of: error))
    }
    return (0..<columns).map { column in
      var out: [Int: [Int: Double]] = [:]
      for k in indices {
        for t in info.projectionYears {
          out[k, default: [:]][t] = cohort.graduates.value(row: k, year: t, path: column)
        }
      }
      return out
    }
  }
}
