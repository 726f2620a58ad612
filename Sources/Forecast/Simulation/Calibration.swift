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
      var product = 1.0
      for step in spec.progression {
        product *= try parameters.baseValue(step)
      }
      let yield = result.estimates[k]
      let completion = yield / product
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

/// Counts the years and path-years where a rate of a track lies outside [0, 1] (MODEL.md 7:
/// warned, not clamped).
enum RangeCheck {
  /// One track's rates outside [0, 1].
  struct Count: Sendable {
    let track: String
    var years: Set<Int>
    var pathYears: Int
  }

  /// - Parameters:
  ///   - paths: the batch's paths; a rate shared by all of them counts once per path.
  ///   - calibrated: the completion rate calibration gave each track; a year that keeps it is
  ///     not counted again (the calibration has warned about it).
  static func count(tracks: [CohortTrack], paths: Int, calibrated: [String: Double] = [:]) -> [Count] {
    tracks.map { track in
      var years = Set<Int>()
      var pathYears = 0
      func note(_ t: Int, _ values: [Double]) {
        let outside = values.filter { !(0...1).contains($0) }.count * (values.count == 1 ? paths : 1)
        if outside > 0 {
          years.insert(t)
          pathYears += outside
        }
      }
      let varying = track.pathRates
      for (t, rates) in track.progression {
        if let steps = varying.progression[t] { note(t, steps.flatMap { $0 }) } else { note(t, rates) }
      }
      for (t, c) in track.completion where varying.completion[t] != nil || calibrated[track.name] != c {
        note(t, varying.completion[t] ?? [c])
      }
      if case .continuation(_, let shares) = track.projectedIntake {
        for (t, q) in shares { note(t, varying.continuationShare[t] ?? [q]) }
      }
      return Count(track: track.name, years: years, pathYears: pathYears)
    }
  }

  /// The warnings for counts summed over a run's batches.
  static func warnings(_ counts: [Count], paths: Int) -> [String] {
    counts.compactMap { count in
      guard !count.years.isEmpty else { return nil }
      let n = count.years.count
      let where_ =
        paths > 1
        ? "in \(count.pathYears) path-years of \(n) \(n == 1 ? "year" : "years")"
        : "in \(n) \(n == 1 ? "year" : "years")"
      return "track '\(count.track)': a progression, completion or continuation rate lies outside "
        + "[0, 1] \(where_) (\(spans(count.years.sorted())))"
    }
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
