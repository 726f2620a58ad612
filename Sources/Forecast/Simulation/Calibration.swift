/// Calibration of completion rates (MODEL.md 3). The cohort yield of track k,
/// y_k = c_k · Π_j p_k,j, is estimated by OLS without intercept:
///
///     own:    G_k(t) = y_k · I_k(t − L_k) + e(t)                          a track's own series
///     joint:  G(t) − Σ_own G_j(t) = Σ_{k not own} y_k · I_k(t − L_k) + e(t)   `[calibrate]`
///
/// over each fit's years, then c_k = y_k / Π_j p_k,j with the progression rates unshocked and
/// taken at base_year. Yields outside (0, 1] and completions above 1 are warned about, not
/// clamped; a joint fit of several tracks reports its yields' correlation and its design's
/// condition number, since one total carries them loosely.
enum Calibration {
  /// One fitted calibration: a track's own, or the joint one of the remaining tracks.
  struct Fit: Sendable {
    /// The random sources' prefix and the label of its warnings: `calibrate` or
    /// `tracks.K.calibrate`.
    let name: String
    /// Indices of its tracks in scenario order, in the order of its coefficients.
    let tracks: [Int]
    let result: RegressionResult
    /// Π_j p_k,j at base_year of each of its tracks.
    let products: [Double]
  }

  struct Outcome {
    let fits: [Fit]
    /// The calibrated completion of each track (scenario order), nil for a track no fit covers.
    let completions: [Double?]
    let warnings: [String]
    let fitRows: [FitRow]
  }

  static func run(
    scenario: Scenario, data: ScenarioData, parameters: ParameterResolver, tracks: [CohortTrack]
  ) throws(SimulationError) -> Outcome {
    let base = scenario.info.baseYear
    var fits: [Fit] = []
    var warnings: [String] = []
    var own: [(index: Int, series: ScenarioData.Series)] = []
    for (k, spec) in scenario.tracks.enumerated() {
      guard let calibration = spec.calibration else { continue }
      let name = "tracks.\(spec.name).calibrate"
      let series = try graduates(calibration, name: name, data: data)
      let (fit, skipped) = try fitYields(
        name: name, response: series, window: calibration.window.years(baseYear: base),
        tracks: [k], cohortTracks: tracks, subtracting: [], scenario: scenario,
        parameters: parameters)
      fits.append(fit)
      warnings += skipped
      own.append((k, series))
    }
    if let joint = scenario.calibration {
      let remaining = scenario.tracks.indices.filter { scenario.tracks[$0].calibration == nil }
      guard !remaining.isEmpty else {
        throw .calibration(
          at: "calibrate", "every track has its own calibration, so [calibrate] has no track left")
      }
      let series = try graduates(joint, name: "calibrate", data: data)
      let (fit, skipped) = try fitYields(
        name: "calibrate", response: series, window: joint.window.years(baseYear: base),
        tracks: remaining, cohortTracks: tracks, subtracting: own.map(\.series),
        scenario: scenario, parameters: parameters)
      fits.append(fit)
      warnings += skipped
    }
    var completions = [Double?](repeating: nil, count: scenario.tracks.count)
    for fit in fits {
      for (i, k) in fit.tracks.enumerated() {
        let spec = scenario.tracks[k]
        let yield = fit.result.estimates[i]
        let product = fit.products[i]
        guard product != 0 else {
          throw .cohort(
            .zeroProgressionProduct(track: spec.name),
            at: "tracks[\(k)] \"\(spec.name)\".progression")
        }
        let completion = yield / product
        if !(yield > 0 && yield <= 1) {
          warnings.append(
            "\(fit.name): the yield of track '\(spec.name)' is \(format(yield)), outside (0, 1]: "
              + "its graduates are not all from its own intakes (or the tracks do not match the "
              + "graduates series)"
              + (product == 1 ? "; so is its completion rate, its progression rates being 1" : ""))
        }
        // With every progression rate 1 the completion is the yield: one warning says both.
        if completion > 1 && product != 1 {
          warnings.append(
            "\(fit.name): the completion rate of track '\(spec.name)' comes out at "
              + "\(format(completion)), above 1")
        }
        completions[k] = completion
      }
      if fit.tracks.count > 1 { warnings.append(conditioning(fit, scenario: scenario)) }
      warnings += fit.result.warnings.map { "\(fit.name): \($0)" }
    }
    let rows = fits.flatMap { FitRow.rows(model: "calibrate", result: $0.result) }
    return Outcome(fits: fits, completions: completions, warnings: warnings, fitRows: rows)
  }

  private static func graduates(
    _ spec: CalibrationSpec, name: String, data: ScenarioData
  ) throws(SimulationError) -> ScenarioData.Series {
    guard let series = data.series[spec.graduates] else {
      throw .calibration(at: name, "no data series '\(spec.graduates)'")
    }
    return series
  }

  /// The OLS fit of `response` (minus the `subtracting` series) on the lagged intakes of
  /// `tracks`, and a warning naming the fit years left out.
  private static func fitYields(
    name: String, response series: ScenarioData.Series, window: ClosedRange<Int>, tracks: [Int],
    cohortTracks: [CohortTrack], subtracting: [ScenarioData.Series], scenario: Scenario,
    parameters: ParameterResolver
  ) throws(SimulationError) -> (Fit, [String]) {
    var rows: [[Double]] = []
    var response: [Double] = []
    var skipped: [Int] = []
    for t in window {
      let lagged = tracks.map { cohortTracks[$0].observedIntakes[t - cohortTracks[$0].duration] }
      let others = subtracting.map { $0.values[t] }
      guard let g = series.values[t], lagged.allSatisfy({ $0 != nil }),
        others.allSatisfy({ $0 != nil })
      else {
        skipped.append(t)
        continue
      }
      rows.append(lagged.map { $0 ?? .nan })
      response.append(others.reduce(g) { $0 - ($1 ?? 0) })
    }
    let names = tracks.map { scenario.tracks[$0].name }
    guard rows.count > tracks.count else {
      throw .calibration(
        at: name, Wording.count(rows.count, "fit year")
          + " with graduates and every lagged intake observed" + (subtracting.isEmpty ? "" : " (and the tracks' own graduates subtracted)")
          + ", fewer than the \(tracks.count + 1) needed for " + Wording.count(tracks.count, "yield")
          + " (years \(window.lowerBound)-\(window.upperBound)"
          + (skipped.isEmpty ? "" : "; missing: \(skipped.map(String.init).joined(separator: ", "))")
          + ")")
    }
    let model = LinearModel(
      design: Matrix(rowMajor: rows), response: response, termNames: names,
      responseName: series.name, hasIntercept: false)
    let result: RegressionResult
    do {
      result = try model.fit(strict: true)
    } catch {
      throw .calibration(at: name, "cannot fit the yields: \(error)")
    }
    var products: [Double] = []
    for k in tracks {
      var product = 1.0
      for step in scenario.tracks[k].progression { product *= try parameters.baseValue(step) }
      products.append(product)
    }
    let warning =
      skipped.isEmpty
      ? []
      : [
        "\(name): fit years without graduates or lagged intakes"
          + (subtracting.isEmpty ? "" : " or the tracks' own graduates") + " left out ("
          + Wording.count(skipped.count, "year") + "): "
          + skipped.map(String.init).joined(separator: ", ")
      ]
    return (Fit(name: name, tracks: tracks, result: result, products: products), warning)
  }

  /// The yields' largest correlation in absolute value and the design's condition number.
  private static func conditioning(_ fit: Fit, scenario: Scenario) -> String {
    let c = fit.result.covariance
    var worst = (0.0, 0, 1)
    for i in 0..<c.rows {
      for j in (i + 1)..<c.rows {
        let r = c[i, j] / (c[i, i] * c[j, j]).squareRoot()
        if abs(r) >= abs(worst.0) { worst = (r, i, j) }
      }
    }
    let a = scenario.tracks[fit.tracks[worst.1]].name
    let b = scenario.tracks[fit.tracks[worst.2]].name
    return "\(fit.name): a joint fit of " + Wording.count(fit.tracks.count, "track")
      + " on one total: the yields of '\(a)' and '\(b)' have correlation \(format(worst.0)), "
      + "the design's condition number is \(format(fit.result.conditionNumber)); where each "
      + "track's graduates are published, a track's own `calibrate` estimates its yield alone"
  }

  static func format(_ x: Double) -> String { Table.TextStyle(significantDigits: 4).format(x) }
}
