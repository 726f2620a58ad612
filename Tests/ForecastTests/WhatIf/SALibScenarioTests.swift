import Foundation
import Testing

@testable import Forecast

/// SALib on a shipped scenario: `china-sensitivity`'s Sobol and Morris designs and outputs are
/// handed to SALib (`Fixtures/sensitivity/salib_check.py`), which must make the same Saltelli
/// design and find the same indices. Runs where `python3` imports SALib (`.ci/run` installs
/// it with pip; `pip install SALib` anywhere else); skipped, saying so, where it cannot.
@Suite(.enabled(if: SALibCheck.available, "SALib is not installed (pip install SALib)"))
struct SALibScenarioTests {
  static func scenario() throws -> Scenario {
    let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try ScenarioLoader.load(
      path: root.appendingPathComponent("Scenarios/china-sensitivity.toml").path)
  }

  /// The outputs compared: a metric in a year each.
  static let cells: [(BalanceMetric, Int)] = [(.unplaced, 2030), (.graduates, 2030), (.placed, 2035)]

  static func request(_ analysis: GlobalSensitivity, _ result: SensitivityResult) -> [String: Any] {
    let inputs = analysis.inputs.map { input -> [String: Any] in
      var entry: [String: Any] = ["name": input.name]
      switch input.distribution {
      case .uniform(let a, let b): entry["distribution"] = "uniform"; entry["parameters"] = [a, b]
      case .triangular(let a, let m, let b):
        entry["distribution"] = "triangular"; entry["parameters"] = [a, m, b]
      case .normal(let m, let s): entry["distribution"] = "normal"; entry["parameters"] = [m, s]
      }
      if let domain = input.domain, case .normal = input.distribution {
        entry["domain"] = [domain.lowerBound, domain.upperBound]
      }
      return entry
    }
    let points = analysis.points
    var outputs: [String: [Double]] = [:]
    for (metric, year) in cells {
      outputs["\(metric.rawValue) \(year)"] = result.outputs(year: year, metric: metric)
    }
    var request: [String: Any] = [
      "inputs": inputs, "outputs": outputs,
      "points": (0..<points.rows).map { Array(points.row($0)) },
    ]
    switch analysis.method {
    case .sobol(let n, _):
      request["method"] = "sobol"; request["base_samples"] = n; request["skip"] = n
    case .morris(_, let p): request["method"] = "morris"; request["levels"] = p
    }
    return request
  }

  static func analyse(_ method: GlobalSensitivity.Method) throws
    -> (GlobalSensitivity, SensitivityResult, [String: Any])
  {
    let analysis = try GlobalSensitivity(
      scenario: scenario(), method: method,
      metrics: try MetricSelection(parsing: "graduates,placed,unplaced"), years: 2030...2035)
    let result = try analysis.run()
    let reply = try SALibCheck.run(request(analysis, result))
    return (analysis, result, reply)
  }

  /// Same design to 1e-14 of each input's scale (uniforms are bit for bit; a triangular's
  /// square roots may differ in the last bit between SciPy and Forecast); same Y, so the same
  /// S1 and ST to 1e-9 absolute (indices are O(1); the sums differ only in rounding order),
  /// and SALib's estimate lies within Forecast's bootstrap interval.
  @Test func sobolIndicesAgreeWithSALib() throws {
    let (analysis, result, reply) = try Self.analyse(.sobol(baseSamples: 64, secondOrder: false))
    #expect(reply["design_rows"] as? Int == analysis.runCount)
    let difference = try #require(reply["design_max_difference"] as? Double)
    #expect(difference <= 1e-14)
    let results = try #require(reply["results"] as? [String: [String: [Double]]])
    for (metric, year) in Self.cells {
      let salib = try #require(results["\(metric.rawValue) \(year)"])
      let ours = try #require(result.cells.first { $0.metric == metric && $0.year == year }?.sobol)
      for (name, indices) in [("S1", ours.firstOrder), ("ST", ours.totalOrder)] {
        let theirs = try #require(salib[name])
        for (j, index) in indices.enumerated() {
          let label = "\(metric.rawValue) \(year) \(name) \(analysis.inputs[j].name)"
          #expect(abs(index.estimate - theirs[j]) <= 1e-9, "\(label): \(index.estimate) vs \(theirs[j])")
          let interval = try #require(index.interval)
          #expect(abs(index.estimate - theirs[j]) <= interval.halfWidth + 1e-9, "\(label)")
        }
      }
    }
  }

  /// Morris on Forecast's design: SALib finds the same mu, mu_star and sigma (1e-9 relative).
  @Test func morrisMeasuresAgreeWithSALib() throws {
    let (analysis, result, reply) = try Self.analyse(.morris(trajectories: 10, levels: 4))
    let results = try #require(reply["results"] as? [String: [String: [Double]]])
    for (metric, year) in Self.cells {
      let salib = try #require(results["\(metric.rawValue) \(year)"])
      let ours = try #require(result.cells.first { $0.metric == metric && $0.year == year }?.morris)
      for (name, values) in [
        ("mu", ours.mean), ("mu_star", ours.absoluteMean), ("sigma", ours.standardDeviation),
      ] {
        let theirs = try #require(salib[name])
        for j in values.indices {
          let scale = max(abs(theirs[j]), 1e-6 * (ours.absoluteMean.max() ?? 1))
          #expect(
            abs(values[j] - theirs[j]) <= 1e-9 * scale,
            "\(metric.rawValue) \(year) \(name) \(analysis.inputs[j].name): \(values[j]) vs \(theirs[j])")
        }
      }
    }
  }
}

/// Runs `Fixtures/sensitivity/salib_check.py` with `python3`.
enum SALibCheck {
  static let available: Bool = {
    guard let status = try? run(arguments: ["-c", "import SALib"], input: Data()).status else {
      return false
    }
    return status == 0
  }()

  static func run(arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
    let folder = try TemporaryFolder("forecast-salib")
    defer { folder.remove() }
    let inputFile = folder.url.appendingPathComponent("request.json")
    try input.write(to: inputFile)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  /// SALib's answer to `request`.
  static func run(_ request: [String: Any]) throws -> [String: Any] {
    let script = Fixtures.url("sensitivity/salib_check.py").path
    let (status, output) = try run(
      arguments: [script], input: try JSONSerialization.data(withJSONObject: request))
    try #require(status == 0, "salib_check.py exited with \(status)")
    return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
  }
}
