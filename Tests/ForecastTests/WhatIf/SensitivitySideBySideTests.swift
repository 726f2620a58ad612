import Foundation
import Testing

@testable import Forecast

/// Design points with paths run side by side, the columns of one batch being every point's
/// paths (`Simulation.runPointsSideBySide`): every point's balance metrics on every path, its
/// outputs and the analysis's warnings are the same bits as when each point runs on its own.
/// 70 and 130 paths: neither a whole number of blocks of 64.
@Suite struct SensitivitySideBySideTests {
  /// Every path's balance metrics of the largest side-by-side batch's points against each
  /// point's own run: equal bit for bit, and the batch did run side by side (no fallback);
  /// one path too, where the columns are the points.
  @Test(arguments: [1, 70, 130]) func everyPathIsThePointsOwn(paths: Int) throws {
    let scenario = try SensitivityPreparationTests.scenario(paths: paths)
    let analysis = try GlobalSensitivity(
      scenario: scenario, method: .sobol(baseSamples: 4, secondOrder: false))
    let data = try analysis.data()
    let shared = try #require(analysis.sharedPreparation(data: data))
    let batches = analysis.sideBySideBatches(0..<analysis.runCount)
    let runs = try #require(batches.max { $0.count < $1.count })
    #expect(runs.count > 1)
    let added = analysis.inputs.count
    let preparations = try runs.map { try analysis.pointPreparation($0, shared: shared, data: data) }
    let values = (0..<added).map { i in runs.map { analysis.points[$0, i] } }
    let side = try #require(
      Simulation(scenario: analysis.scenario(at: runs[0])).runPointsSideBySide(
        added: added, values: values, data: data, prepared: shared))
    #expect(side.count == runs.count)
    var different: [String] = []
    for (g, run) in runs.enumerated() {
      let own = try Simulation(scenario: analysis.scenario(at: run)).run(
        batchSize: paths, data: data, prepared: preparations[g])
      #expect(side[g].warnings == own.warnings)
      for year in scenario.info.projectionYears {
        for metric in BalanceMetric.allCases {
          let a = side[g].balance.values(row: metric.row, year: year)
          let b = own.balanceValues(metric, year: year)
          if a.map(\.bitPattern) != b.map(\.bitPattern) { different.append("run \(run) \(year) \(metric)") }
        }
      }
    }
    #expect(different.isEmpty, "\(different.count) differ, first \(different.prefix(3))")
  }

  /// Sobol and Morris designs side by side and one by one: the same outputs, table and
  /// warnings.
  @Test(arguments: [70, 130]) func designsGiveTheSameBytes(paths: Int) throws {
    let scenario = try SensitivityPreparationTests.scenario(paths: paths)
    let sobol = try GlobalSensitivity(
      scenario: scenario, method: .sobol(baseSamples: 4, secondOrder: false))
    #expect(Simulation(scenario: scenario).pointsRunSideBySide(
      adding: Array(sobol.scenario(at: 0).shocks.suffix(8))))
    try SensitivityPreparationTests.same(sobol)
    try SensitivityPreparationTests.same(
      GlobalSensitivity(scenario: scenario, method: .morris(trajectories: 2, levels: 4)))
  }

  /// Points whose draws are clamped on some paths: the AI-trainer graduate share drawn around
  /// 0.8 and scaled by up to 1.2 passes 1 on some paths of some points. Those batches run
  /// their points one by one, so the clamp warnings count each point's own path-years.
  @Test func clampedPointsWarnAsOnTheirOwn() throws {
    var scenario = try SensitivityPreparationTests.scenario(paths: 70)
    let target = ShockTarget.graduateShare(sector: "ai_trainer")
    scenario.shocks.append(
      ShockSpec(
        target: target, from: scenario.info.baseYear + 1, operation: .set, value: 0.8, sd: 0.1))
    let index = try #require(scenario.uncertain.firstIndex { $0.target == target })
    scenario.uncertain[index] = UncertainSpec(
      target: target, operation: .scale, distribution: .uniform(lower: 0.8, upper: 1.2))
    let analysis = try GlobalSensitivity(
      scenario: scenario, method: .sobol(baseSamples: 4, secondOrder: false))
    let result = try analysis.run(reusingPreparation: true)
    #expect(result.warnings.contains { $0.contains("clamped") }, "\(result.warnings)")
    try SensitivityPreparationTests.same(analysis)
  }
}
