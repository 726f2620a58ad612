import Foundation
import Testing

@testable import Forecast

/// Shards of a global sensitivity analysis (its design points) and of a backtest (its
/// origins), merged, give the single-process result's bytes (MODEL.md 13), with uneven
/// splits and shards left empty.
@Suite struct AnalysisShardTests {
  static func load(_ name: String, paths: Int = 1) throws -> Scenario {
    var s = try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
    s.info.paths = paths
    return s
  }

  /// The steady fixture with two uncertain inputs (as GlobalSensitivityTests).
  static func analysis(_ method: GlobalSensitivity.Method, paths: Int = 1) throws -> GlobalSensitivity {
    var scenario = try load("steady", paths: paths)
    scenario.uncertain = [
      UncertainSpec(
        target: .completion(track: "college"), distribution: .normal(mean: 0.8, standardDeviation: 0.1)),
      UncertainSpec(
        target: .capacity(sector: "studio"), distribution: .triangular(lower: 50, mode: 100, upper: 150)),
    ]
    return try GlobalSensitivity(
      scenario: scenario, method: method, metrics: try MetricSelection(parsing: "unplaced,placed"))
  }

  /// Every rendering the command writes: text, CSV and the long form.
  static func renderings(_ result: SensitivityResult) -> [String] {
    [
      result.table.rendered(as: .text, style: RunOutput.style), result.table.rendered(as: .csv),
      result.longTable.rendered(as: .csv),
    ] + [result.warnings.joined(separator: "\n")]
  }

  /// Sobol N = 8 is 32 runs: 3 shards take 10, 11 and 11; 5 shards 6 or 7. Morris r = 4 is
  /// 12 runs, in 5 (2 or 3 each) and in 16 (four shards empty). With paths too.
  @Test(arguments: [
    (GlobalSensitivity.Method.sobol(baseSamples: 8, secondOrder: false), 3, 1),
    (.sobol(baseSamples: 8, secondOrder: true), 5, 1),
    (.morris(trajectories: 4, levels: 4), 5, 1),
    (.morris(trajectories: 4, levels: 4), 16, 1),
    (.sobol(baseSamples: 8, secondOrder: false), 3, 70),
  ])
  func mergedSensitivityIsTheSingleProcessOne(
    method: GlobalSensitivity.Method, shards: Int, paths: Int
  ) throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let analysis = try Self.analysis(method, paths: paths)
    var covered: [Range<Int>] = []
    for i in (0..<shards).reversed() {
      let outcome = try Shards.sensitivity(
        analysis, shard: ShardSpec(index: i, count: shards), directory: folder.url.path)
      covered.insert(outcome.items, at: 0)
    }
    #expect(covered.map(\.count).reduce(0, +) == analysis.runCount)
    guard case .sensitivity(let merged, _) = try Shards.merge([folder.url.path]) else {
      Issue.record("not a sensitivity analysis")
      return
    }
    #expect(Self.renderings(merged) == Self.renderings(try analysis.run()))
  }

  /// A shard of another design, or a missing one, does not merge.
  @Test func sensitivityShardsMustBelongTogether() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let sobol = try Self.analysis(.sobol(baseSamples: 8, secondOrder: false))
    let other = try Self.analysis(.sobol(baseSamples: 16, secondOrder: false))
    _ = try Shards.sensitivity(sobol, shard: ShardSpec(index: 0, count: 2), directory: folder.url.path)
    #expect(throws: ShardError.self) { try Shards.merge([folder.url.path]) }
    let foreign = try TemporaryFolder("forecast-shards")
    defer { foreign.remove() }
    _ = try Shards.sensitivity(other, shard: ShardSpec(index: 1, count: 2), directory: foreign.url.path)
    #expect(throws: ShardError.self) { try Shards.merge([folder.url.path, foreign.url.path]) }
    let resumed = try Shards.sensitivity(
      sobol, shard: ShardSpec(index: 0, count: 2), directory: folder.url.path, resume: true)
    #expect(resumed.resumed)
  }

  /// Every table a backtest writes, as text (in the command line's spelling of settings) and
  /// CSV.
  static func renderings(_ result: BacktestResult, naming names: SettingNames = .library) -> [String] {
    BacktestResult.TableName.allCases.flatMap { name in
      [
        result.table(name, naming: names).rendered(as: .text, style: .init(thousandsSeparators: true)),
        result.table(name, naming: names).rendered(as: .csv),
      ]
    }
  }

  /// Six origins, two of them rejected, in 4 shards (1, 2, 1, 2) and in 8 (two empty);
  /// five implausible-or-ok origins in 2; a run with paths (CRPS, intervals) in 3.
  @Test(arguments: [
    ("backtest-rejected", 2010...2015, 2, 4, 1),
    ("backtest-rejected", 2010...2015, 2, 8, 1),
    ("backtest-implausible", 2015...2019, 1, 2, 1),
    ("monte-carlo", 2014...2017, 3, 3, 40),
  ])
  func mergedBacktestIsTheSingleProcessOne(
    fixture: String, origins: ClosedRange<Int>, horizon: Int, shards: Int, paths: Int
  ) throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let backtest = Backtest(
      scenario: try Self.load(fixture, paths: paths), origins: origins, horizon: horizon,
      series: "graduates")
    for i in 0..<shards {
      _ = try Shards.backtest(backtest, shard: ShardSpec(index: i, count: shards), directory: folder.url.path)
    }
    guard case .backtest(let merged, _) = try Shards.merge([folder.url.path]) else {
      Issue.record("not a backtest")
      return
    }
    let single = try backtest.run()
    #expect(Self.renderings(merged) == Self.renderings(single))
    let names = SettingNames { "--\($0.rawValue)" }
    #expect(Self.renderings(merged, naming: names) == Self.renderings(single, naming: names))
    #expect(merged.origins.map(\.statusName) == single.origins.map(\.statusName))
  }
}
