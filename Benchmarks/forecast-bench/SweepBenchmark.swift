import Forecast
import Foundation

/// `forecast-bench sweep SCENARIO PATHS AxB [FILE]`: the fan table (mean and the scenario's
/// quantiles of every balance metric by year) of every point of a grid of `set` shocks from
/// base_year + 1: `sectors.ai_trainer.growth` takes A values i/100 (i = 0 ..< A), and
/// `tracks.undergraduate.entry.rate` B values (60 + j)/100, growth varying slowest.
///
/// It runs the library's `Sweep`, the code `simulate sweep` runs: the data files are read
/// once, each point's scenario gets its two `set` shocks, points run concurrently (one batch
/// of paths each, on single-threaded BLAS), every point on the same random numbers (same
/// seed, draws keyed by path). Timed: from the loaded scenario to every point's statistics in
/// memory; writing FILE (CSV, the rows of montecarlo_numpy.py's sweep) comes after. The
/// command line's own table rendering is left out, as the numpy side writes its CSV after
/// its timer too.
enum SweepBenchmark {
  static let targets = ["sectors.ai_trainer.growth", "tracks.undergraduate.entry.rate"]

  /// The grid's points, growth varying slowest.
  static func grid(_ a: Int, _ b: Int) -> [(growth: Double, rate: Double)] {
    (0..<a).flatMap { i in (0..<b).map { j in (Double(i) / 100, Double(60 + j) / 100) } }
  }

  static func main(_ arguments: [String]) throws {
    let shape = arguments.count >= 3 ? arguments[2].split(separator: "x").compactMap { Int($0) } : []
    guard arguments.count >= 3, let paths = Int(arguments[1]), paths >= 1, shape.count == 2 else {
      fail("usage: forecast-bench sweep SCENARIO PATHS AxB [FILE]")
    }
    var loaded: Scenario? = nil
    let load = try seconds { loaded = try ScenarioLoader.load(path: arguments[0]) }
    guard var scenario = loaded else { fail("no scenario") }
    scenario.info.paths = paths
    guard let growth = ShockTarget(path: targets[0]), let rate = ShockTarget(path: targets[1]),
      scenario.validTargets.contains(growth), scenario.validTargets.contains(rate)
    else { fail("sweep: \(arguments[0]) lacks the targets \(targets)") }
    let points = grid(shape[0], shape[1])
    let sweep = try Sweep(
      scenario: scenario,
      axes: [
        SweepAxis(target: growth, values: (0..<shape[0]).map { Double($0) / 100 }),
        SweepAxis(target: rate, values: (0..<shape[1]).map { Double(60 + $0) / 100 }),
      ])
    var result: SweepResult? = nil
    let elapsed = try seconds { result = try sweep.run() }
    let peak = statusKiB("VmHWM")
    guard let result else { fail("sweep: no result") }
    // Mean and quantiles per point, year and metric. With one path a sweep reports the mean
    // only; every quantile of one value is that value.
    let years = scenario.info.projectionYears
    let quantiles = scenario.info.quantiles.count
    let fans = points.indices.map { point in
      years.flatMap { t in
        BalanceMetric.allCases.flatMap { m in
          let mean = result.value(point: point, year: t, metric: m)
          return [mean] + (0..<quantiles).map { q in
            result.levels.isEmpty
              ? mean : result.value(point: point, year: t, metric: m, statistic: q + 1)
          }
        }
      }
    }
    if arguments.count > 3 {
      try write(fans, points: points, scenario: scenario, to: arguments[3])
    }
    print(
      """
      {"tool": "forecast", "task": "sweep", "paths": \(paths), "grid": "\(arguments[2])", \
      "points": \(points.count), "load_s": \(load), "sweep_s": \(elapsed), "peak_rss_kb": \(peak), \
      "via": "library: Sweep.run(), as simulate sweep"}
      """)
  }

  static func write(
    _ fans: [[Double]], points: [(growth: Double, rate: Double)], scenario: Scenario, to path: String
  ) throws {
    let columns = 1 + scenario.info.quantiles.count
    var text =
      (["point"] + targets + ["year", "metric", "mean"]
        + scenario.info.quantiles.map(quantileColumn)).joined(separator: ",") + "\n"
    for (p, fan) in fans.enumerated() {
      var cell = 0
      for t in scenario.info.projectionYears {
        for metric in BalanceMetric.names {
          let values = fan[cell..<(cell + columns)].map { "\($0)" }
          text += (["\(p)", "\(points[p].growth)", "\(points[p].rate)", "\(t)", metric] + values)
            .joined(separator: ",") + "\n"
          cell += columns
        }
      }
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}

/// A fan table's column name for a quantile level (MODEL.md 7): q05, q50, q2.5.
func quantileColumn(_ level: Double) -> String {
  let percent = level * 100
  if percent == percent.rounded() { return "q" + String(format: "%02d", Int(percent)) }
  return "q\(percent)"
}
