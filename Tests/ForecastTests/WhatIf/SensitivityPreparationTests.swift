import Foundation
import Testing

@testable import Forecast

/// A sensitivity analysis works out the scenario's fits and calibrations once for all its
/// design points when the points' shocks cannot change them: the indices, every run's outputs
/// and the warnings are the same bytes as when every point prepares itself.
@Suite struct SensitivityPreparationTests {
  static func scenario(paths: Int) throws -> Scenario {
    let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var scenario = try ScenarioLoader.load(
      path: root.appendingPathComponent("Scenarios/china-sensitivity.toml").path)
    scenario.info.paths = paths
    return scenario
  }

  static func same(_ analysis: GlobalSensitivity) throws {
    let shared = try analysis.run(reusingPreparation: true)
    let own = try analysis.run(reusingPreparation: false)
    #expect(shared.outputs.count == own.outputs.count)
    let different = zip(shared.outputs, own.outputs).enumerated().flatMap { run, pair in
      zip(pair.0, pair.1).enumerated().compactMap { cell, values in
        values.0.bitPattern == values.1.bitPattern ? nil : "run \(run) cell \(cell): \(values.0) != \(values.1)"
      }
    }
    #expect(different.isEmpty, "\(different.count) outputs differ, first \(different.prefix(3))")
    #expect(shared.table.renderedCSV() == own.table.renderedCSV())
    #expect(shared.warnings == own.warnings)
  }

  /// One path, and 70 paths (the calibrations' draws, scaled by each point's own central
  /// graduates), Sobol and Morris.
  @Test(arguments: [1, 70]) func sharedPreparationGivesTheSameBytes(paths: Int) throws {
    let scenario = try Self.scenario(paths: paths)
    #expect(scenario.uncertain.count == 8)
    let sobol = try GlobalSensitivity(scenario: scenario, method: .sobol(baseSamples: 8, secondOrder: false))
    #expect(Simulation(scenario: scenario).preparationCarriesOver(
      adding: Array(sobol.scenario(at: 0).shocks.suffix(8))))
    try Self.same(sobol)
    try Self.same(
      GlobalSensitivity(scenario: scenario, method: .morris(trajectories: 3, levels: 4)))
  }

  /// Shocks that can change a fit or a calibration: from base_year (the calibration reads
  /// base-year rates), on the births (lagged births enter the entry-rate formula), and on a
  /// driver that a model formula names.
  @Test func shocksThatReachTheFitsDoNotShareIt() throws {
    var scenario = try Self.scenario(paths: 1)
    let base = scenario.info.baseYear
    let simulation = Simulation(scenario: scenario)
    let later = ShockSpec(
      target: .growth(sector: "other_brands"), from: base + 1, operation: .set, value: 0.03)
    #expect(simulation.preparationCarriesOver(adding: [later]))
    #expect(!simulation.preparationCarriesOver(adding: [
      ShockSpec(target: .growth(sector: "other_brands"), from: base, operation: .set, value: 0.03)
    ]))
    #expect(!simulation.preparationCarriesOver(adding: [
      later, ShockSpec(target: .births, from: base + 1, operation: .scale, value: 0.9),
    ]))
    // A model driver whose formula names the driver ai_growth.
    scenario.drivers.append(
      DriverSpec(
        name: "linked", form: .model(formula: "enroll_pg / grads_bzk ~ ai_growth", window: .last(4), weights: nil)))
    let linked = Simulation(scenario: scenario)
    #expect(!linked.preparationCarriesOver(adding: [
      ShockSpec(target: .driver("ai_growth"), from: base + 1, operation: .scale, value: 2)
    ]))
    #expect(linked.preparationCarriesOver(adding: [
      ShockSpec(target: .driver("uav_growth"), from: base + 1, operation: .scale, value: 2)
    ]))
  }
}
