import Forecast
import Foundation

/// `forecast-bench phases SCENARIO PATHS [BATCH]`: what `simulate run SCENARIO --paths PATHS
/// --format csv --tables fan` does, through the library, timed phase by phase (load the
/// scenario, simulate the paths, build the fan table, render it as CSV), with the peak
/// resident set size after each phase. The CSV is not printed. Then the fan's quantiles
/// alone, by `Quantiles.type7` and by `QuantileSelection.type7`, which must agree bit for bit.
enum RunPhases {
  static func main(_ arguments: [String]) throws {
    guard arguments.count >= 2, let paths = Int(arguments[1]), paths >= 1 else {
      fail("usage: forecast-bench phases SCENARIO PATHS [BATCH]")
    }
    let batch = arguments.count > 2 ? Int(arguments[2]) ?? Simulation.defaultBatchSize : Simulation.defaultBatchSize
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
    // The fan's quantiles alone, by sorting (what the table does) and by selection.
    let levels = scenario.info.quantiles
    let cells = projection.years.flatMap { t in
      Projection.balanceMetrics.indices.map { projection.balance.values(row: $0, year: t) }
    }
    var sorted: [[Double]] = []
    var selected: [[Double]] = []
    let sortTime = seconds { sorted = cells.map { Quantiles.type7($0, levels: levels) } }
    let selectTime = seconds { selected = cells.map { QuantileSelection.type7($0, levels: levels) } }
    print(
      """
      {"tool": "forecast", "task": "phases", "paths": \(paths), "batch": \(batch), \
      "load_s": \(load), "simulate_s": \(simulate), "fan_s": \(fan), "csv_s": \(render), \
      "csv_bytes": \(csv.utf8.count), "quantiles_sort_s": \(sortTime), \
      "quantiles_select_s": \(selectTime), "quantiles_same": \(sorted == selected), \
      "peak_after_load_kb": \(loadedKiB), \
      "peak_after_simulate_kb": \(simulatedKiB), "peak_rss_kb": \(statusKiB("VmHWM"))}
      """)
  }
}
