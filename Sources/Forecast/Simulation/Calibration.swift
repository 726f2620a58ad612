/// Calibration of completion rates (MODEL.md 3): the cohort yield of track k,
/// y_k = c_k · Π_j p_k,j, estimated by OLS without intercept of observed total graduates on
/// lagged observed intakes,
///
///     G(t) = Σ_k y_k · I_k(t − L_k) + e(t),   t in the fit years,
///
/// then c_k = y_k / Π_j p_k,j with the progression rates unshocked and taken at base_year.
/// Yields outside (0, 1] and completions above 1 are warned about, not clamped.
enum Calibration {
  struct Outcome {
    let result: RegressionResult
    let completions: [Double]
    let warnings: [String]
  }

  static func run(
    _ spec: CalibrationSpec, scenario: Scenario, data: ScenarioData,
    parameters: ParameterResolver, tracks: [CohortTrack]
  ) throws(SimulationError) -> Outcome {
    guard let graduates = data.series[spec.graduates] else {
      throw .calibration("no data series '\(spec.graduates)'")
    }
    var rows: [[Double]] = []
    var response: [Double] = []
    var skipped: [Int] = []
    for t in spec.years {
      let lagged = tracks.map { $0.observedIntakes[t - $0.duration] }
      guard let g = graduates.values[t], lagged.allSatisfy({ $0 != nil }) else {
        skipped.append(t)
        continue
      }
      rows.append(lagged.map { $0 ?? .nan })
      response.append(g)
    }
    guard rows.count > tracks.count else {
      throw .calibration(
        Wording.count(rows.count, "fit year") + " with graduates and every lagged intake observed, "
          + "fewer than the \(tracks.count + 1) needed for " + Wording.count(tracks.count, "yield")
          + (skipped.isEmpty
            ? ": widen [calibrate] years"
            : " (missing: \(skipped.map(String.init).joined(separator: ", ")))"))
    }
    let model = LinearModel(
      design: Matrix(rowMajor: rows), response: response, termNames: tracks.map(\.name),
      responseName: spec.graduates, hasIntercept: false)
    let result: RegressionResult
    do {
      result = try model.fit(strict: true)
    } catch {
      throw .calibration("cannot fit the yields: \(error)")
    }
    var warnings: [String] = []
    if !skipped.isEmpty {
      warnings.append(
        "calibrate: fit years without graduates or lagged intakes left out: "
          + skipped.map(String.init).joined(separator: ", "))
    }
    var completions: [Double] = []
    for (k, spec) in scenario.tracks.enumerated() {
      var progression: [Double] = []
      for step in spec.progression { progression.append(try parameters.baseValue(step)) }
      let product = progression.reduce(1, *)
      let yield = result.estimates[k]
      let completion: Double
      do {
        completion = try CohortYield.completion(
          yield: yield, progression: progression, track: spec.name)
      } catch {
        throw .cohort(error, at: "tracks[\(k)] \"\(spec.name)\".progression")
      }
      if !(yield > 0 && yield <= 1) {
        warnings.append(
          "calibrate: the yield of track '\(spec.name)' is \(format(yield)), outside (0, 1]: "
            + "its graduates are not all from its own intakes (or the tracks do not match the "
            + "graduates series)"
            + (product == 1 ? "; so is its completion rate, its progression rates being 1" : ""))
      }
      // With every progression rate 1 the completion is the yield: one warning says both.
      if completion > 1 && product != 1 {
        warnings.append(
          "calibrate: the completion rate of track '\(spec.name)' comes out at "
            + "\(format(completion)), above 1")
      }
      completions.append(completion)
    }
    warnings += result.warnings.map { "calibrate: \($0)" }
    return Outcome(result: result, completions: completions, warnings: warnings)
  }

  static func format(_ x: Double) -> String { Table.TextStyle(significantDigits: 4).format(x) }
}
