/// Morris's elementary effects and their summaries, as `SALib.analyze.morris.analyze`.
///
/// M. D. Morris, Technometrics 33(2), 161–174 (1991); μ* from Campolongo, Cariboni & Saltelli,
/// Environ. Model. Softw. 22, 1509–1518 (2007). In trajectory t input j moves once, between
/// two consecutive runs; with y⁺ the output of the run where it is higher and y⁻ of the other,
///
///     EE_j(t) = (y⁺ − y⁻) / Δ,   Δ = p / (2(p − 1))
///
/// Δ in unit-cube terms whatever the input's scale (SALib's unscaled effects, `scaled=False`).
/// Over the r trajectories, μ_j = mean EE_j, μ*_j = mean |EE_j| and σ_j their standard
/// deviation (n − 1 denominator). The direction of each move is read from the points, as
/// SALib does; a run in which several inputs move credits the output change to each.
///
/// The interval of μ* is a `Bootstrap` over trajectories: each resample draws r trajectories
/// with replacement, the same for every input (SALib draws each input's separately).
public struct MorrisAnalysis: Sendable {
  /// The inputs' names.
  public let inputNames: [String]

  /// The design's runs, r(k + 1) of them, trajectory after trajectory.
  public let points: DesignPoints

  /// The number of grid levels p.
  public let levels: Int

  /// The bootstrap of the intervals.
  public let bootstrap: Bootstrap

  /// The analysis of trajectories `points` on a p-level grid (SALib's X and `num_levels`).
  ///
  /// - Throws: `SensitivityError.tooFewTrajectories` for fewer than two, `.invalidLevels`.
  public init(
    points: DesignPoints, levels: Int, inputNames: [String], bootstrap: Bootstrap = .standard
  ) throws(SensitivityError) {
    let k = inputNames.count
    precondition(
      points.columns == k && k > 0 && points.rows % (k + 1) == 0,
      "MorrisAnalysis: \(points.rows)×\(points.columns) points for \(k) inputs")
    guard points.rows / (k + 1) >= 2 else { throw .tooFewTrajectories(points.rows / (k + 1)) }
    guard levels >= 2 else { throw .invalidLevels(levels) }
    self.init(checkedPoints: points, levels: levels, inputNames: inputNames, bootstrap: bootstrap)
  }

  fileprivate init(
    checkedPoints points: DesignPoints, levels: Int, inputNames: [String], bootstrap: Bootstrap
  ) {
    self.inputNames = inputNames
    self.points = points
    self.levels = levels
    self.bootstrap = bootstrap
  }

  /// The number of trajectories r.
  public var trajectoryCount: Int { points.rows / (inputNames.count + 1) }

  /// The measures of one output, given its value in every run in design order.
  ///
  /// - Throws: `SensitivityError.nonFiniteOutput` for a NaN or infinite output.
  public func indices(outputs: [Double]) throws(SensitivityError) -> MorrisIndices {
    precondition(
      outputs.count == points.rows,
      "MorrisAnalysis: \(outputs.count) outputs for \(points.rows) runs")
    for (run, y) in outputs.enumerated() where !y.isFinite {
      throw .nonFiniteOutput(run: run, value: y)
    }
    let k = inputNames.count
    let r = trajectoryCount
    let delta = MorrisDesign.step(levels: levels)
    var effects = [[Double]](repeating: [Double](repeating: 0, count: r), count: k)
    for t in 0..<r {
      var higher = [Double](repeating: 0, count: k)
      var lower = [Double](repeating: 0, count: k)
      for run in 1...k {
        let now = t * (k + 1) + run
        for j in 0..<k {
          let change = points[now, j] - points[now - 1, j]
          if change > 0 {
            higher[j] += outputs[now]
            lower[j] += outputs[now - 1]
          } else if change < 0 {
            higher[j] += outputs[now - 1]
            lower[j] += outputs[now]
          }
        }
      }
      for j in 0..<k { effects[j][t] = (higher[j] - lower[j]) / delta }
    }
    let resamples = (0..<bootstrap.resamples).map { bootstrap.units(resample: $0, count: r) }
    return MorrisIndices(
      inputNames: inputNames, elementaryEffects: effects,
      mean: effects.map { SampleStatistics.mean($0) },
      absoluteMean: effects.map { SampleStatistics.mean($0.lazy.map(abs)) },
      standardDeviation: effects.map { SampleStatistics.sampleStandardDeviation($0) },
      absoluteMeanInterval: effects.map { ee in
        bootstrap.interval(
          resamples.map { units in SampleStatistics.mean(units.lazy.map { abs(ee[$0]) }) })
      })
  }
}

extension MorrisDesign {
  /// The analysis of this design's outputs.
  public func analysis(bootstrap: Bootstrap = .standard) -> MorrisAnalysis {
    // The design has r ≥ 2 trajectories and an even p ≥ 2, so the analysis cannot throw.
    MorrisAnalysis(
      checkedPoints: points, levels: levels, inputNames: inputs.map(\.name), bootstrap: bootstrap)
  }
}
