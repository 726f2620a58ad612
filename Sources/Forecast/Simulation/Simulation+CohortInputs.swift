extension Simulation {
  /// The engine's tracks: observed intakes, rates by year, projection rules (MODEL.md 3).
  /// Rates that differ between paths go to each track's `pathRates`.
  func cohortTracks(
    data: ScenarioData, parameters: ParameterResolver, start: Int, last: Int
  ) throws(SimulationError) -> [CohortTrack] {
    let base = scenario.info.baseYear
    let steps = (start + 1)...max(start + 1, last)
    let projection = (base + 1)...last
    var tracks: [CohortTrack] = []
    for spec in scenario.tracks {
      let observed = data.series[spec.intake]?.values ?? [:]
      var varying = CohortPathRates()
      var stepSeries: [PathValues] = []
      for (j, step) in spec.progression.enumerated() {
        // Each step its own random source: one shared name gave every step the same draws.
        stepSeries.append(
          try parameters.series(
            step, years: steps, target: .progression(track: spec.name),
            source: "tracks.\(spec.name).progression[\(j)]"))
      }
      var progression: [Int: [Double]] = [:]
      for t in steps {
        let values = stepSeries.map { $0[t] ?? [.nan] }
        progression[t] = values.map { $0[0] }
        if values.contains(where: { $0.count > 1 }) { varying.progression[t] = values }
      }
      let completion = try parameters.series(
        spec.completion, years: steps,
        target: scenario.calibration == nil ? .completion(track: spec.name) : nil)
      let rule: CohortTrack.IntakeRule
      switch spec.rule {
      case .entry(let age, let rate):
        let rates = try parameters.series(rate, years: projection, target: .entryRate(track: spec.name))
        let survival = try parameters.series(
          scenario.population?.survival ?? .number(1), years: projection, target: .survival)
        let births = scenario.population?.births ?? ""
        var intakes: PathValues = [:]
        for t in projection {
          let b = try data.value(births, t - age, for: "the entry of track '\(spec.name)' in \(t)")
          intakes[t] = (survival[t] ?? [.nan]).combined(with: rates[t] ?? [.nan], *).map { b * $0 }
        }
        rule = .exogenous(intakes.mapValues { $0[0] })
        varying.intake = intakes.filter { $0.value.count > 1 }
      case .continuation(let from, let share):
        let shares = try parameters.series(
          share, years: projection, target: .continuationShare(track: spec.name))
        let source = scenario.tracks.firstIndex { $0.name == from } ?? 0
        rule = .continuation(source: source, share: shares.mapValues { $0[0] })
        varying.continuationShare = shares.filter { $0.value.count > 1 }
      case .intakeDriver(let name):
        let intakes = try parameters.series(.driver(name), years: projection, target: nil)
        rule = .exogenous(intakes.mapValues { $0[0] })
        varying.intake = intakes.filter { $0.value.count > 1 }
      }
      var track = CohortTrack(
        name: spec.name, duration: spec.duration,
        firstYear: observed.keys.min() ?? start, observedIntakes: observed,
        progression: progression, completion: [:], projectedIntake: rule,
        fieldShares: spec.fields)
      track.pathRates = varying
      track.setCompletion(completion)
      tracks.append(track)
    }
    return tracks
  }

}

extension CohortTrack {
  /// Sets c_k by year from per-path values: path 0's in `completion`, all paths' in
  /// `pathRates` where they differ.
  mutating func setCompletion(_ values: PathValues) {
    completion = values.mapValues { $0[0] }
    pathRates.completion = values.filter { $0.value.count > 1 }
  }
}
