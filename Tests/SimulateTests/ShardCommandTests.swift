import Foundation
import Testing

/// `--shard`, `--shard-dir`, `--resume` and `simulate merge` as a user runs them: the merged
/// output set is the single-process run's byte for byte, the array job's environment picks
/// the shard, and bad specs, missing or damaged shards exit 2 with their names.
@Suite struct ShardCommandTests {
  let scenario = Simulate.fixture("simulation/monte-carlo.toml")

  func folder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("shard-cli-\(UUID().uuidString)").path
  }

  /// Every file of a folder by name, with its bytes.
  func contents(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
    return out
  }

  @Test func slurmArrayMergedEqualsTheSingleRun() throws {
    let root = folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    for task in 3...5 {
      // An array --array=3-5: indices 0-2 of 3.
      let result = try Simulate.run(
        ["run", scenario, "--paths", "700", "--shard-dir", "\(root)/shards"],
        environment: [
          "SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "3",
        ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stderr.contains("shard \(task - 3)/3"))
    }
    let merged = try Simulate.run(["merge", "\(root)/shards", "--out", "\(root)/merged", "--format", "csv"])
    #expect(merged.status == 0, "\(merged.stderr)")
    let single = try Simulate.run(["run", scenario, "--paths", "700", "--out", "\(root)/single", "--format", "csv"])
    #expect(single.status == 0)
    let a = try contents("\(root)/merged")
    let b = try contents("\(root)/single")
    #expect(a.count == 6 && a == b)
    let resumed = try Simulate.run(
      ["run", scenario, "--paths", "700", "--shard", "1/3", "--shard-dir", "\(root)/shards", "--resume"])
    #expect(resumed.status == 0 && resumed.stderr.contains("verified result kept"))
  }

  /// `run --shock ... --shard` then `merge --out`: the same folder, metadata.json and its
  /// `shocks` included, as `run --shock ... --out`.
  @Test func shardsOfARunWithShocksMergeToItsMetadata() throws {
    let root = folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let given = ["--paths", "300", "--shock", "drivers.flat scale 1.1 2022-2024"]
    for i in 0..<2 {
      let result = try Simulate.run(
        ["run", scenario] + given + ["--shard", "\(i)/2", "--shard-dir", "\(root)/shards"])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let merged = try Simulate.run(["merge", "\(root)/shards", "--out", "\(root)/merged"])
    #expect(merged.status == 0, "\(merged.stderr)")
    let single = try Simulate.run(["run", scenario] + given + ["--out", "\(root)/single"])
    #expect(single.status == 0, "\(single.stderr)")
    let a = try contents("\(root)/merged")
    let b = try contents("\(root)/single")
    let metadata = String(decoding: b["metadata.json"] ?? Data(), as: UTF8.self)
    #expect(metadata.contains(#""given": "drivers.flat scale 1.1 2022-2024""#))
    #expect(a["metadata.json"] == b["metadata.json"])
    #expect(a == b)
  }

  /// `sweep`, `sensitivity` and `backtest` in uneven shards, one of them from Slurm's
  /// environment: `merge` prints the bytes the single process prints, and with `--out` writes
  /// the same folder, metadata.json included.
  @Test(arguments: [
    [
      "sweep", Simulate.fixture("simulation/monte-carlo.toml"), "--set", "drivers.flat=900,1000,1100",
      "--paths", "64", "--shock", "sectors.lab.growth set 0.2 2022",
    ],
    ["sensitivity", Simulate.fixture("whatif/steady-uncertain.toml"), "--samples", "8", "--format", "csv"],
    ["sensitivity", Simulate.fixture("whatif/steady-uncertain.toml"), "--method", "morris", "--trajectories", "3"],
    [
      "backtest", Simulate.fixture("simulation/backtest-rejected.toml"), "--origins", "2010...2015",
      "--horizon", "2", "--series", "graduates",
    ],
  ])
  func analysisShardsMergeToTheSingleOutput(command: [String]) throws {
    let root = folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    for i in 0..<4 {
      let shard = i == 3 ? [] : ["--shard", "\(i)/4"]
      let result = try Simulate.run(
        command + shard + ["--shard-dir", "\(root)/shards"],
        environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    let format = command.contains("csv") ? ["--format", "csv"] : []
    let merged = try Simulate.run(["merge", "\(root)/shards"] + format)
    #expect(merged.status == 0, "\(merged.stderr)")
    let single = try Simulate.run(command)
    #expect(single.status == 0, "\(single.stderr)")
    #expect(!merged.stdout.isEmpty && merged.stdout == single.stdout)
    let mergedOut = try Simulate.run(["merge", "\(root)/shards", "--out", "\(root)/merged"] + format)
    #expect(mergedOut.status == 0, "\(mergedOut.stderr)")
    let singleOut = try Simulate.run(command + ["--out", "\(root)/single"])
    #expect(singleOut.status == 0, "\(singleOut.stderr)")
    let a = try contents("\(root)/merged")
    let b = try contents("\(root)/single")
    #expect(a.keys.contains("metadata.json") && a == b, "\(a.keys.sorted()) \(b.keys.sorted())")
    let resumed = try Simulate.run(
      command + ["--shard", "1/4", "--shard-dir", "\(root)/shards", "--resume"])
    #expect(resumed.status == 0 && resumed.stderr.contains("verified result kept"))
    expectBadInput(
      try Simulate.run(["merge", "\(root)/shards/\(command[0])-0001-of-0004.shard"]),
      mentioning: ["no shard covers"])
  }

  @Test(arguments: [
    (["--shard", "3/3", "--shard-dir", "x"], "--shard"),
    (["--shard", "one", "--shard-dir", "x"], "expected I/N"),
    (["--shard", "0/2"], "--shard-dir"),
    (["--shards", "2", "--shard-dir", "x"], "JOB_COMPLETION_INDEX"),
    (["--shard-dir", "x"], "SLURM_ARRAY_TASK_ID"),
    (["--resume"], "--resume"),
    (["--shard", "0/2", "--shard-dir", "x", "--out", "y"], "--out"),
  ])
  func badShardOptionsAreBadInput(arguments: [String], word: String) throws {
    let result = try Simulate.run(
      ["run", scenario] + arguments,
      environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": "", "SLURM_ARRAY_TASK_COUNT": ""])
    expectBadInput(result, mentioning: [word], arguments.joined(separator: " "))
  }

  @Test func missingAndDamagedShardsAreBadInput() throws {
    let root = folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    for i in 0..<2 {
      let result = try Simulate.run(
        ["run", scenario, "--paths", "300", "--shard", "\(i)/2", "--shard-dir", root])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let first = "\(root)/run-0000-of-0002.shard"
    expectBadInput(try Simulate.run(["merge", first]), mentioning: ["no shard covers paths 128–299", "1/2"])
    var bytes = try Data(contentsOf: URL(fileURLWithPath: first))
    bytes[bytes.count - 1] ^= 1
    try bytes.write(to: URL(fileURLWithPath: first))
    expectBadInput(try Simulate.run(["merge", root]), mentioning: [first, "damaged", "--resume"])
    expectBadInput(try Simulate.run(["merge", scenario]), mentioning: ["not a shard result"])
  }
}
