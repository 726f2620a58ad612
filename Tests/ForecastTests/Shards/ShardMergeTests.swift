import Foundation
import Testing

@testable import Forecast

/// Shards merged give the single-process run's bytes (MODEL.md 13): every table and the
/// metadata of a run, the table of a sweep, with paths and points split unevenly.
@Suite struct ShardMergeTests {
  static func scenario(_ name: String, paths: Int) throws -> Scenario {
    var s = try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
    s.info.paths = paths
    return s
  }

  /// Every shard of `count` of `scenario`'s run, written into `folder`; their paths.
  static func runShards(_ scenario: Scenario, count: Int, in folder: TemporaryFolder) throws -> [String] {
    try (0..<count).map { i in
      try Shards.run(scenario, shard: ShardSpec(index: i, count: count), directory: folder.url.path).path
    }
  }

  /// The files a single-process `run --out` writes: every table as CSV, and the metadata.
  static func files(_ projection: Projection, metadata: RunMetadata) throws -> [String] {
    try RunOutput.files(projection, tables: RunTable.allCases, format: .csv, metadata: metadata)
      .map { "\($0.name)\n\($0.contents)" }
  }

  struct Split: Sendable, CustomTestStringConvertible {
    let fixture: String
    let paths: Int
    let shards: Int
    var testDescription: String { "\(fixture) \(paths) paths in \(shards)" }
  }

  /// 1,000 paths are 16 blocks (the last of 40 paths): 3 shards take 5, 5 and 6 blocks, 7
  /// shards 2 or 3. 129 paths are two blocks, the second of 65 (a last block of one path
  /// joins the one before). 100 paths in 4 shards leave two shards without paths.
  @Test(arguments: [
    Split(fixture: "monte-carlo", paths: 1000, shards: 3),
    Split(fixture: "monte-carlo", paths: 1000, shards: 7),
    Split(fixture: "mc-continuation", paths: 1000, shards: 3),
    Split(fixture: "monte-carlo", paths: 129, shards: 3),
    Split(fixture: "monte-carlo", paths: 100, shards: 4),
    Split(fixture: "monte-carlo", paths: 1, shards: 2),
  ])
  func mergedRunIsTheSingleProcessRun(_ split: Split) throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let scenario = try Self.scenario(split.fixture, paths: split.paths)
    let paths = try Self.runShards(scenario, count: split.shards, in: folder)
    guard case .run(let merged, let metadata) = try Shards.merge(paths.reversed()) else {
      Issue.record("not a run")
      return
    }
    let single = try Simulation(scenario: scenario).run(keepPaths: false)
    // The metadata names the shards' BLAS; tests change the thread count as they run.
    #expect(metadata.blas.kernel == BLASInfo.current.kernel)
    let expected = RunMetadata(projection: single, blas: metadata.blas)
    #expect(try Self.files(merged, metadata: metadata) == Self.files(single, metadata: expected))
    #expect(merged.warnings == single.warnings)
    #expect(merged.balance == single.balance)
  }

  /// Shocks given beside the scenario and a projected series travel in the shards: the
  /// merged metadata lists them as the single-process run's does, byte for byte.
  @Test func mergedRunKeepsItsAddedShocksAndProjectedSeries() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let scenario = try Self.scenario("projected-births", paths: 200).adding(shockLines: [
      "population.births scale 0.5 2025", "drivers.rate add 0.01 2026-2028 sd=0.005",
    ])
    let paths = try Self.runShards(scenario, count: 3, in: folder)
    guard case .run(let merged, let metadata) = try Shards.merge(paths) else {
      Issue.record("not a run")
      return
    }
    let single = try Simulation(scenario: scenario).run(keepPaths: false)
    let expected = RunMetadata(projection: single, blas: metadata.blas)
    #expect(metadata == expected)
    #expect(metadata.json.contains(#""given": "drivers.rate add 0.01 2026-2028 sd=0.005""#))
    #expect(metadata.json.contains(#""projected_series": ["births"]"#))
    #expect(try Self.files(merged, metadata: metadata) == Self.files(single, metadata: expected))
  }

  /// The shards of a run cover its blocks in order, each once, as MODEL.md 13 divides them.
  @Test func shardsTakeWholeBlocks() throws {
    let ranges = try (0..<3).map { Shards.paths(try ShardSpec(index: $0, count: 3), of: 1000) }
    #expect(ranges == [0..<320, 320..<640, 640..<1000])
    let seven = try (0..<7).map { Shards.paths(try ShardSpec(index: $0, count: 7), of: 1000) }
    #expect(seven.map(\.count) == [128, 128, 128, 192, 128, 128, 168])
    #expect(Shards.paths(try ShardSpec(index: 2, count: 3), of: 129) == 64..<129)
    let empty = try (0..<4).map { Shards.paths(try ShardSpec(index: $0, count: 4), of: 100) }
    #expect(empty == [0..<0, 0..<64, 64..<64, 64..<100])
  }

  static func sweep(paths: Int) throws -> Sweep {
    try Sweep(
      scenario: try scenario("monte-carlo", paths: paths),
      axes: [
        SweepAxis(target: .driver("flat"), values: [900, 950, 1000, 1050, 1100]),
        SweepAxis(target: .growth(sector: "lab"), values: [0.05, 0.1]),
      ])
  }

  /// 10 grid points in 3 shards (3, 3, 4) and in 7 (1 or 2 each), with paths and without.
  @Test(arguments: [(3, 64), (7, 64), (3, 1), (7, 130)])
  func mergedSweepIsTheSingleProcessSweep(shards: Int, paths: Int) throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let sweep = try Self.sweep(paths: paths)
    for i in 0..<shards {
      _ = try Shards.sweep(sweep, shard: ShardSpec(index: i, count: shards), directory: folder.url.path)
    }
    guard case .sweep(let merged, _) = try Shards.merge([folder.url.path]) else {
      Issue.record("not a sweep")
      return
    }
    let single = try sweep.run()
    #expect(merged.table.rendered(as: .csv) == single.table.rendered(as: .csv))
    #expect(merged.longTable.rendered(as: .csv) == single.longTable.rendered(as: .csv))
    #expect(merged.table.rendered(as: .text, style: RunOutput.style) == single.table.rendered(as: .text, style: RunOutput.style))
    #expect(merged.warnings == single.warnings)
  }

  /// A sweep's op and span travel in its shards: the merge is the single-process `scale`
  /// over 2022-2023, and a shard of another op does not merge with it.
  @Test func mergedSweepKeepsItsOpAndSpan() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let sweep = try Sweep(
      scenario: try Self.scenario("monte-carlo", paths: 64),
      axes: [SweepAxis(target: .driver("flat"), values: [0.9, 1, 1.1])], operation: .scale,
      from: 2022, to: 2023)
    for i in 0..<2 {
      _ = try Shards.sweep(sweep, shard: ShardSpec(index: i, count: 2), directory: folder.url.path)
    }
    guard case .sweep(let merged, _) = try Shards.merge([folder.url.path]) else {
      Issue.record("not a sweep")
      return
    }
    #expect(merged.sweep.operation == .scale && merged.sweep.from == 2022 && merged.sweep.to == 2023)
    #expect(merged.table.rendered(as: .csv) == (try sweep.run()).table.rendered(as: .csv))
    let other = try TemporaryFolder("forecast-shards")
    defer { other.remove() }
    let add = try Sweep(
      scenario: sweep.scenario, axes: sweep.axes, operation: .add, from: 2022, to: 2023)
    let first = try Shards.sweep(sweep, shard: ShardSpec(index: 0, count: 2), directory: other.url.path)
    let second = try Shards.sweep(add, shard: ShardSpec(index: 1, count: 2), directory: other.url.path)
    _ = (first, second)
    #expect(throws: ShardError.self) { try Shards.merge([other.url.path]) }
  }
}
