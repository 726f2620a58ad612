import Forecast
import Foundation

/// `forecast-bench sweep SCENARIO PATHS AxB [FILE]`: the fan table (mean and the scenario's
/// quantiles of every balance metric by year) of every point of a grid of `set` shocks from
/// base_year + 1: `sectors.ai_trainer.growth` takes A values i/100 (i = 0 ..< A), and
/// `tracks.undergraduate.entry.rate` B values (60 + j)/100, growth varying slowest.
///
/// `simulate sweep` is not there yet, so this goes through the library: the scenario is loaded
/// once; each point appends its two shocks to the scenario's and runs
/// `Simulation(scenario:).run(paths:)`, points concurrently (one batch of paths each, on
/// single-threaded BLAS). Every point draws the same random numbers (same seed, draws keyed by
/// path): common random numbers. Timed: from the loaded scenario to every point's fan table in
/// memory; writing FILE (CSV, the rows of montecarlo_numpy.py's sweep) comes after.
enum SweepBenchmark {
  static let targets = ["sectors.ai_trainer.growth", "tracks.undergraduate.entry.rate"]

  /// The grid's points, growth varying slowest.
  static func grid(_ a: Int, _ b: Int) -> [(growth: Double, rate: Double)] {
    (0..<a).flatMap { i in (0..<b).map { j in (Double(i) / 100, Double(60 + j) / 100) } }
  }

  /// One point's fan: metric-major, then year, then mean and quantiles.
  static func fan(_ projection: Projection, levels: [Double]) -> [Double] {
    var out: [Double] = []
    for t in projection.years {
      for m in Projection.balanceMetrics.indices {
        let values = projection.balance.values(row: m, year: t)
        out.append(Quantiles.mean(values))
        out += Quantiles.type7(values, levels: levels)
      }
    }
    return out
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
    let from = scenario.info.baseYear + 1
    guard let growth = ShockTarget(path: targets[0]), let rate = ShockTarget(path: targets[1]),
      scenario.validTargets.contains(growth), scenario.validTargets.contains(rate)
    else { fail("sweep: \(arguments[0]) lacks the targets \(targets)") }
    let points = grid(shape[0], shape[1])
    let levels = scenario.info.quantiles
    let results = Slots(count: points.count)
    let base = scenario
    let sweep = seconds {
      withSingleThreadedBLAS {
        DispatchQueue.concurrentPerform(iterations: points.count) { index in
          var point = base
          point.shocks += [
            ShockSpec(target: growth, from: from, operation: .set, value: points[index].growth),
            ShockSpec(target: rate, from: from, operation: .set, value: points[index].rate),
          ]
          do {
            let projection = try Simulation(scenario: point).run(paths: paths, keepPaths: false)
            results.put(.success(fan(projection, levels: levels)), at: index)
          } catch {
            results.put(.failure(error), at: index)
          }
        }
      }
    }
    let peak = statusKiB("VmHWM")
    var fans: [[Double]] = []
    for result in results.values {
      switch result {
      case .success(let values): fans.append(values)
      case .failure(let error): fail("sweep: \(error)")
      case nil: fail("sweep: a point did not finish")
      }
    }
    if arguments.count > 3 {
      try write(fans, points: points, scenario: scenario, to: arguments[3])
    }
    print(
      """
      {"tool": "forecast", "task": "sweep", "paths": \(paths), "grid": "\(arguments[2])", \
      "points": \(points.count), "load_s": \(load), "sweep_s": \(sweep), "peak_rss_kb": \(peak), \
      "via": "library: Simulation(scenario:).run(paths:) per point, points concurrently"}
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
        for metric in Projection.balanceMetrics {
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

/// One result slot per sweep point, filled from concurrent workers.
final class Slots: @unchecked Sendable {
  private var slots: [Result<[Double], any Error>?]
  private let lock = NSLock()

  init(count: Int) { slots = .init(repeating: nil, count: count) }

  func put(_ value: Result<[Double], any Error>, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Result<[Double], any Error>?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
