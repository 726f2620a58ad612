import ArgumentParser
import Forecast
import Foundation

/// `--paths` and `--seed`, shared by the commands that run scenarios, and the progress bar.
struct MonteCarloOptions: ParsableArguments {
  @Option(help: "Monte Carlo paths (overrides the scenario's `paths`; 1 is deterministic).")
  var paths: Int?

  @Option(help: "Random seed (overrides the scenario's `seed`).")
  var seed: Int?

  func validate() throws {
    if let seed, seed < 0 {
      throw failBadInput("--seed: expected a whole number >= 0, found \(seed)")
    }
    if let paths, !(1...ScenarioInfo.maximumPaths).contains(paths) {
      throw failBadInput(
        "--paths: expected a whole number from 1 to \(ScenarioInfo.maximumPaths), found \(paths)")
    }
  }

  /// The scenario with the command line's paths and seed.
  func apply(to scenario: Scenario) -> Scenario {
    var scenario = scenario
    if let paths { scenario.info.paths = paths }
    if let seed { scenario.info.seed = seed }
    return scenario
  }

  /// Runs `scenario`, with a progress bar on a terminal's standard error.
  func run(_ scenario: Scenario) throws(SimulationError) -> Projection {
    try ProgressBar.showing(total: scenario.info.paths, label: scenario.info.name) {
      progress throws(SimulationError) in
      try Simulation(scenario: scenario).run(keepPaths: false, progress: progress)
    }
  }
}
