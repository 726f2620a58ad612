extension Simulation {
  /// The engine's tracks: observed intakes, rates by year, projection rules (MODEL.md 3).
  func cohortTracks(
    data: ScenarioData, parameters: ParameterResolver, start: Int, last: Int
  ) throws(SimulationError) -> [CohortTrack] {
    let base = scenario.info.baseYear
    let steps = (start + 1)...max(start + 1, last)
    let projection = (base + 1)...last
    var tracks: [CohortTrack] = []
    for spec in scenario.tracks {
      let observed = data.series[spec.intake]?.values ?? [:]
      var stepSeries: [PathValues] = []
      for (j, step) in spec.progression.enumerated() {
        // Each step draws from its own random source, so no two steps share draws.
        stepSeries.append(
          try parameters.series(
            step, years: steps, target: .progression(track: spec.name),
            source: "tracks.\(spec.name).progression[\(j)]"))
      }
      let completion = try parameters.series(
        spec.completion, years: steps,
        target: scenario.calibration == nil ? .completion(track: spec.name) : nil)
      let intake: CohortTrack.PathIntake
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
        intake = .exogenous(intakes)
      case .continuation(let from, let share):
        let shares = try parameters.series(
          share, years: projection, target: .continuationShare(track: spec.name))
        let source = scenario.tracks.firstIndex { $0.name == from } ?? 0
        intake = .continuation(source: source, share: shares)
      case .intakeDriver(let name):
        let intakes = try parameters.series(.driver(name), years: projection, target: nil)
        intake = .exogenous(intakes)
      }
      tracks.append(
        CohortTrack(
          name: spec.name, duration: spec.duration,
          firstYear: observed.keys.min() ?? start, observedIntakes: observed,
          progression: stepSeries, completion: completion, intake: intake, years: steps,
          fieldShares: spec.fields))
    }
    return tracks
  }

}
