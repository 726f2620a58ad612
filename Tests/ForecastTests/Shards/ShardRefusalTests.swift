import Foundation
import Testing

@testable import Forecast

/// Shards that do not make one run are refused with a message naming the files and the
/// paths at fault: gaps, overlaps, shards of another run, damaged and foreign files; and a
/// resumed shard keeps only a result that verifies.
@Suite struct ShardRefusalTests {
  static func shards(
    _ count: Int, paths: Int = 1000, seed: Int? = nil, in folder: TemporaryFolder
  ) throws -> [String] {
    var scenario = try ShardMergeTests.scenario("monte-carlo", paths: paths)
    if let seed { scenario.info.seed = seed }
    return try ShardMergeTests.runShards(scenario, count: count, in: folder)
  }

  func refusal(_ paths: [String]) -> ShardError? {
    do {
      _ = try Shards.merge(paths)
      return nil
    } catch {
      return error
    }
  }

  @Test func gapNamesTheMissingShardAndPaths() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let paths = try Self.shards(3, in: folder)
    let error = refusal([paths[0], paths[2]])
    #expect(error == .gap(items: 320..<640, noun: "paths", missing: ["1/3"]))
    #expect(error?.description.contains("no shard covers paths 320–639 (missing: shard 1/3)") == true)
    #expect(refusal([paths[0], paths[1]]) == .gap(items: 640..<1000, noun: "paths", missing: ["2/3"]))
  }

  @Test func overlapNamesBothFiles() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let three = try Self.shards(3, in: folder)
    let other = try TemporaryFolder("forecast-shards")
    defer { other.remove() }
    let two = try Self.shards(2, in: other)
    // 0/2 covers paths 0-511, 1/3 starts at 320.
    #expect(refusal([two[0], three[1], three[2]]) == .overlap(items: 320..<512, noun: "paths", path: two[0], other: three[1]))
    #expect(refusal(three + [three[1]]) == .overlap(items: 320..<640, noun: "paths", path: three[1], other: three[1]))
  }

  @Test func shardsOfAnotherRunAreRefused() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let paths = try Self.shards(2, in: folder)
    let other = try TemporaryFolder("forecast-shards")
    defer { other.remove() }
    let reseeded = try Self.shards(2, seed: 7, in: other)
    // The readable field that differs is named, not the hash of the resolved scenario.
    #expect(
      refusal([paths[0], reseeded[1]])
        == .mismatch(path: reseeded[1], other: paths[0], field: "seed", found: "7",
          expected: "\(try ShardFile.read(paths[0]).identity.seed)"))
    let more = try TemporaryFolder("forecast-shards")
    defer { more.remove() }
    let longer = try Self.shards(2, paths: 2000, in: more)
    if case .mismatch = refusal([paths[0], longer[1]]) {} else { Issue.record("paths differ: not refused") }
  }

  /// A flipped byte anywhere after the checksum line, a truncation, another file, another
  /// version: each is refused by name, before anything is merged.
  @Test func damagedAndForeignFilesAreRefused() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let paths = try Self.shards(2, in: folder)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: paths[1])))
    for position in [bytes.count / 2, bytes.count - 1, 100] {
      var flipped = bytes
      flipped[position] ^= 0x01
      try Data(flipped).write(to: URL(fileURLWithPath: paths[1]))
      guard case .damaged(let path, let reason) = refusal(paths) else {
        Issue.record("byte \(position) flipped: not refused")
        continue
      }
      #expect(path == paths[1] && reason.contains("SHA-256"))
    }
    try Data(bytes.prefix(bytes.count - 10)).write(to: URL(fileURLWithPath: paths[1]))
    if case .damaged = refusal(paths) {} else { Issue.record("truncated: not refused") }
    let csv = try folder.write("table.shard", "year,value\n2020,1\n")
    #expect(refusal([paths[0], csv]) == .notAShard(path: csv))
    var future = bytes
    future[15] = UInt8(ascii: "9")
    try Data(future).write(to: URL(fileURLWithPath: paths[1]))
    #expect(refusal(paths) == .unsupportedVersion(path: paths[1], found: "9", supported: 2))
    let missing = folder.path("nothing.shard")
    #expect(refusal([paths[0], missing]) == .unreadable(path: missing, reason: "no such file"))
    #expect(refusal([]) == .noShards)
  }

  /// A body that passes its checksum but does not fit its header (written by another
  /// program) is refused too, never a crash.
  @Test func inconsistentBodiesAreRefused() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let paths = try Self.shards(2, in: folder)
    let file = try ShardFile.read(paths[0])
    for cut in [1, 9, file.results.count / 2] {
      let edited = ShardFile(
        identity: file.identity, spec: file.spec, items: file.items,
        results: Array(file.results.dropLast(cut)))
      try Data(edited.encoded()).write(to: URL(fileURLWithPath: paths[0]))
      guard case .damaged(let path, _) = refusal(paths) else {
        Issue.record("cut \(cut): not refused")
        continue
      }
      #expect(path == paths[0])
    }
  }

  /// A body whose scenario settings were edited and its checksum made good again: values no
  /// scenario can have are refused as damage, and settings that differ from the other
  /// shards' as a mismatch, never a crash or a merged table of the edited settings.
  @Test func editedSettingsAreRefused() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let paths = try Self.shards(3, paths: 300, in: folder)
    let original = try ShardFile.read(paths[0])
    var reader = ShardReader(original.results)
    let info = try reader.info()
    let rest = Array(original.results[reader.offset...])
    func edited(_ change: (inout ScenarioInfo) -> Void) throws -> ShardError? {
      var changed = info
      change(&changed)
      var w = ShardWriter()
      w.info(changed)
      let file = ShardFile(
        identity: original.identity, spec: original.spec, items: original.items, results: w.bytes + rest)
      try Data(file.encoded()).write(to: URL(fileURLWithPath: paths[0]))
      return refusal(paths)
    }
    for change in [
      { (i: inout ScenarioInfo) in i.baseYear = Int.max }, { $0.horizon = 0 }, { $0.paths = 0 },
      { $0.quantiles = [.nan] }, { $0.quantiles = [2] }, { $0.quantiles = [] },
      { $0.quantiles = [0.5, 0.5] },
    ] as [(inout ScenarioInfo) -> Void] {
      guard case .damaged(let path, _) = try edited(change) else {
        Issue.record("an impossible setting was not refused as damage")
        continue
      }
      #expect(path == paths[0])
    }
    for change in [{ (i: inout ScenarioInfo) in i.horizon = 3 }, { $0.quantiles = [0.9] }] as [(inout ScenarioInfo) -> Void] {
      guard case .mismatch(let path, _, let field, _, _) = try edited(change) else {
        Issue.record("a setting that differs from the other shards' was not refused")
        continue
      }
      #expect(field == "scenario settings" && path == paths[1])
    }
  }

  @Test func resumeKeepsOnlyAVerifiedResult() throws {
    let folder = try TemporaryFolder("forecast-shards")
    defer { folder.remove() }
    let scenario = try ShardMergeTests.scenario("monte-carlo", paths: 300)
    let spec = try ShardSpec(index: 1, count: 2)
    let first = try Shards.run(scenario, shard: spec, directory: folder.url.path, resume: true)
    #expect(!first.resumed && first.replaced == nil)
    let written = try Data(contentsOf: URL(fileURLWithPath: first.path))
    let again = try Shards.run(scenario, shard: spec, directory: folder.url.path, resume: true)
    #expect(again.resumed && again.path == first.path)
    // Damaged: rerun and replaced, with the reason.
    var bytes = [UInt8](written)
    bytes[bytes.count - 3] ^= 0xff
    try Data(bytes).write(to: URL(fileURLWithPath: first.path))
    let repaired = try Shards.run(scenario, shard: spec, directory: folder.url.path, resume: true)
    #expect(!repaired.resumed && repaired.replaced?.contains("damaged") == true)
    // The same results again (the header records the BLAS threads, which tests change).
    #expect(try ShardFile.read(first.path).results == ShardFile.decode([UInt8](written), path: "").results)
    // Another run's result under the same name: rerun.
    var reseeded = scenario
    reseeded.info.seed = 9
    let other = try Shards.run(reseeded, shard: spec, directory: folder.url.path, resume: true)
    #expect(!other.resumed && other.replaced?.contains("another run") == true)
    // Without resume, a verified result is computed again all the same.
    let fresh = try Shards.run(reseeded, shard: spec, directory: folder.url.path)
    #expect(!fresh.resumed)
  }

  @Test func specsAndEnvironment() throws {
    #expect(try ShardSpec(parsing: "2/4") == ShardSpec(index: 2, count: 4))
    for bad in ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", ""] {
      #expect(throws: ShardError.self, "\(bad)") { try ShardSpec(parsing: bad) }
    }
    let slurm = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "2"]
    #expect(try ShardSpec.fromEnvironment(slurm) == ShardSpec(index: 3, count: 4))
    #expect(try ShardSpec.fromEnvironment(["JOB_COMPLETION_INDEX": "6"], count: 8) == ShardSpec(index: 6, count: 8))
    #expect(throws: ShardError.noShardInEnvironment(countGiven: false)) { try ShardSpec.fromEnvironment([:]) }
    #expect(throws: ShardError.badEnvironment(variable: "JOB_COMPLETION_INDEX", found: "x")) {
      try ShardSpec.fromEnvironment(["JOB_COMPLETION_INDEX": "x"], count: 2)
    }
    #expect(throws: ShardError.self) { try ShardSpec.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], count: 2) }
    #expect(!ShardError.noShardInEnvironment(countGiven: false).description.contains("--"))
  }

  /// Array variables out of range, a step below 1, a task id that is not the array's, or a
  /// Slurm task count that disagrees with the shard count are refused, naming the variables.
  @Test func environmentOutOfRange() throws {
    let base = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"]
    func refused(_ extra: [String: String], count: Int? = nil) -> ShardError? {
      do {
        _ = try ShardSpec.fromEnvironment(base.merging(extra) { $1 }, count: count)
        return nil
      } catch { return error }
    }
    #expect(refused(["SLURM_ARRAY_TASK_MIN": "-9223372036854775808"])
      == .badEnvironment(variable: "SLURM_ARRAY_TASK_MIN", found: "-9223372036854775808"))
    #expect(refused(["SLURM_ARRAY_TASK_ID": "9223372036854775807", "SLURM_ARRAY_TASK_MIN": "1"])
      == .badEnvironment(variable: "SLURM_ARRAY_TASK_ID", found: "9223372036854775807"))
    #expect(refused(["SLURM_ARRAY_TASK_STEP": "0"]) == .badEnvironment(variable: "SLURM_ARRAY_TASK_STEP", found: "0"))
    // Id 3 of an array 0, 2, 4 is not one of its tasks.
    let odd = refused(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_STEP": "2"])
    #expect(odd?.description.contains("SLURM_ARRAY_TASK_STEP=2") == true)
    #expect(try ShardSpec.fromEnvironment(
      base.merging(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_STEP": "2"]) { $1 }) == ShardSpec(index: 2, count: 3))
    // With a shard count, the Slurm id is worked out the same way, and the array's size must agree.
    let offset = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "3", "SLURM_ARRAY_TASK_COUNT": "3"]
    #expect(try ShardSpec.fromEnvironment(offset, count: 3) == ShardSpec(index: 2, count: 3))
    #expect(refused(["SLURM_ARRAY_TASK_COUNT": "3"], count: 4)?.description.contains("SLURM_ARRAY_TASK_COUNT=3") == true)
    // An index out of range names the variable it came from, not a command-line setting.
    let high = refused(["SLURM_ARRAY_TASK_ID": "7"])
    #expect(high?.description.contains("SLURM_ARRAY_TASK_ID=7") == true)
    #expect(high?.description.contains("shard") == true)
    let k8s = (try? ShardSpec.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], count: 3)) == nil
    #expect(k8s)
    #expect(Shards.fileName(command: "run", spec: try ShardSpec(index: 3, count: 12)) == "run-0003-of-0012.shard")
  }
}
