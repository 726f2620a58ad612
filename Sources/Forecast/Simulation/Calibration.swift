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
    let base = scenario.info.baseYear
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
          + "fewer than the \(tracks.count + 1) needed for " + Wording.count(tracks.count, "yield") + " "
          + "(missing: \(skipped.map(String.init).joined(separator: ", ")))")
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
      var product = 1.0
      for step in spec.progression {
        product *= try parameters.series(step, years: base...base, target: nil)[base] ?? .nan
      }
      let yield = result.estimates[k]
      let completion = yield / product
      if !(yield > 0 && yield <= 1) {
        warnings.append(
          "calibrate: the yield of track '\(spec.name)' is \(format(yield)), outside (0, 1]: "
            + "its graduates are not all from its own intakes (or the tracks do not match the "
            + "graduates series)")
      }
      if completion > 1 {
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

/// Counts years where a rate of a track lies outside [0, 1] (MODEL.md 7: warned, not clamped).
enum RangeCheck {
  static func outOfUnitInterval(tracks: [CohortTrack]) -> [String] {
    var warnings: [String] = []
    for track in tracks {
      var years = Set<Int>()
      for (t, rates) in track.progression where rates.contains(where: { !(0...1).contains($0) }) {
        years.insert(t)
      }
      for (t, c) in track.completion where !(0...1).contains(c) { years.insert(t) }
      if case .continuation(_, let shares) = track.projectedIntake {
        for (t, q) in shares where !(0...1).contains(q) { years.insert(t) }
      }
      if !years.isEmpty {
        warnings.append(
          "track '\(track.name)': a progression, completion or continuation rate lies outside "
            + "[0, 1] in \(years.count) \(years.count == 1 ? "year" : "years") "
            + "(\(spans(years.sorted())))")
      }
    }
    return warnings
  }

  /// Sorted years as spans: "1999–2005, 2010".
  static func spans(_ years: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < years.count {
      var end = index
      while end + 1 < years.count && years[end + 1] == years[end] + 1 { end += 1 }
      parts.append(end == index ? "\(years[index])" : "\(years[index])–\(years[end])")
      index = end + 1
    }
    return parts.joined(separator: ", ")
  }
}
