import ArgumentParser
import Forecast

/// `--shock`, shared by the commands that run scenarios: one-line shocks applied after the
/// scenario's own.
struct ShockOptions: ParsableArguments {
  @Option(
    name: .customLong("shock"),
    help: ArgumentHelp(
      "A shock after the scenario's own: TARGET set|scale|add VALUE [FROM[-TO]] [sd=SD] "
        + "(repeatable; default span base_year + 1 on; see `simulate targets`).",
      valueName: "LINE"))
  var lines: [String] = []

  /// The scenario with the command line's shocks after its own, or exit 2 naming the line
  /// (and `file`, when a command runs several scenarios).
  func apply(to scenario: Scenario, file: String? = nil) throws -> Scenario {
    do {
      return try scenario.adding(shockLines: lines)
    } catch {
      throw failBadInput(error, in: file)
    }
  }
}
