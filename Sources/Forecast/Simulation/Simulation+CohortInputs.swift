extension Simulation {
  /// The engine's tracks: observed intakes, rates by year, projection rules (MODEL.md 3).
  func cohortTracks(
    data: ScenarioData, parameters: ParameterResolver, start: Int, last: Int
  ) throws(SimulationError) -> [CohortTrack] {
    let base = scenario.info.baseYear
    let steps = (start + 1)...max(start + 1, last)
    let projection = (base + 1)...last
    var inputs: [(spec: TrackSpec, steps: [PathValues], completion: PathValues, intake: CohortTrack.PathIntake)] = []
    for spec in scenario.tracks {
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
        target: scenario.isCalibrated(track: spec.name) ? nil : .completion(track: spec.name))
      let intake: CohortTrack.PathIntake
      switch spec.rule {
      case .entry(let age, let rate):
        let rates = try parameters.series(rate, years: projection, target: .entryRate(track: spec.name))
        let survival = try parameters.series(
          scenario.population?.survival ?? .number(1), years: projection, target: .survival)
        let births = try birthSeries(data: data, parameters: parameters, age: age, track: spec.name, projection: projection)
        var intakes: PathValues = [:]
        for t in projection {
          intakes[t] = (survival[t] ?? [.nan]).combined(with: rates[t] ?? [.nan], *)
            .combined(with: births[t - age] ?? [.nan], *)
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
      inputs.append((spec, stepSeries, completion, intake))
    }
    if parameters.context.isStochastic { rescaleContinuations(&inputs, clamps: parameters.clamps) }
    return inputs.map { input in
      let observed = data.series[input.spec.intake]?.values ?? [:]
      return CohortTrack(
        name: input.spec.name, duration: input.spec.duration,
        firstYear: observed.keys.min() ?? start, observedIntakes: observed,
        progression: input.steps, completion: input.completion, intake: input.intake,
        years: steps, fieldShares: input.spec.fields)
    }
  }

  /// On a path where the continuation shares out of one track sum past 1 (draws and shocks
  /// together), they are rescaled to sum to 1 (MODEL.md 7) and counted in a warning; shares
  /// the same on every path are the scenario's own and left to the engine's check.
  private func rescaleContinuations(
    _ inputs: inout [(spec: TrackSpec, steps: [PathValues], completion: PathValues, intake: CohortTrack.PathIntake)],
    clamps: ClampLog
  ) {
    var bySource: [Int: [Int]] = [:]
    for (k, input) in inputs.enumerated() {
      if case .continuation(let source, _) = input.intake { bySource[source, default: []].append(k) }
    }
    for source in bySource.keys.sorted() {
      guard let members = bySource[source], members.count > 1 else { continue }
      var shares = members.map { k -> PathValues in
        if case .continuation(_, let share) = inputs[k].intake { return share }
        return [:]
      }
      let name = "tracks.\(scenario.tracks[source].name) continuation shares"
      guard clamps.rescale(&shares, parameter: name) else { continue }
      for (i, k) in members.enumerated() { inputs[k].intake = .continuation(source: source, share: shares[i]) }
    }
  }

}
