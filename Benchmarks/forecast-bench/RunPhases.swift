import Forecast
import Foundation

/// `forecast-bench phases SCENARIO PATHS [BATCH]`: what `simulate run SCENARIO --paths PATHS
/// --format csv --tables fan` does, through the library, timed phase by phase (load the
/// scenario, simulate the paths, build the fan table, render it as CSV), with the peak
/// resident set size after each phase. The CSV is not printed.
enum RunPhases {
  static func main(_ arguments: [String]) throws {
    guard arguments.count >= 2, let paths = Int(arguments[1]), paths >= 1 else {
      fail("usage: forecast-bench phases SCENARIO PATHS [BATCH]")
    }
    let batch = arguments.count > 2 ? Int(arguments[2]) : nil
    var scenario: Scenario? = nil
    let load = try seconds { scenario = try ScenarioLoader.load(path: arguments[0]) }
    guard var scenario else { fail("no scenario") }
    scenario.info.paths = paths
    let loadedKiB = statusKiB("VmHWM")
    var projection: Projection? = nil
    let simulate = try seconds { projection = try Simulation(scenario: scenario).run(batchSize: batch, keepPaths: false) }
    guard let projection else { fail("no projection") }
    let simulatedKiB = statusKiB("VmHWM")
    var table: Table? = nil
    let fan = seconds { table = projection.table(.fan) }
    var csv = ""
    let render = seconds { csv = table?.renderedCSV() ?? "" }
    print(
      """
      {"tool": "forecast", "task": "phases", "paths": \(paths), \
      "batch": \(batch.map(String.init) ?? "\"auto\""), \
      "load_s": \(load), "simulate_s": \(simulate), "fan_s": \(fan), "csv_s": \(render), \
      "csv_bytes": \(csv.utf8.count), "peak_after_load_kb": \(loadedKiB), \
      "peak_after_simulate_kb": \(simulatedKiB), "peak_rss_kb": \(statusKiB("VmHWM"))}
      """)
  }
}
