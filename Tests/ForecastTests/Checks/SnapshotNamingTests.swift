import Foundation
import Testing
@testable import Forecast

/// Snapshot folders and input hashes: two scenario files with one name clash instead of
/// overwriting each other, inputs are keyed by their path relative to the scenario (two
/// `intake.csv` in different folders are two inputs), and several snapshots are written all
/// or none.
@Suite struct SnapshotNamingTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)")

  /// A scenario file at `relative` under `root`, extending steady.toml, named `name`, reading
  /// its intake and graduates from `intakeFile` and `graduatesFile` (relative to it).
  func scenario(
    _ relative: String, name: String, intakeFile: String = "", graduatesFile: String = ""
  ) throws -> ScenarioRun {
    let file = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    var text = """
      extends = "\(Fixtures.url("simulation/steady.toml").path)"
      [scenario]
      name = "\(name)"

      """
    for (series, path) in [("intake", intakeFile), ("graduates", graduatesFile)] where !path.isEmpty {
      text += "[data.\(series)]\nfile = \"\(path)\"\ncolumn = \"\(series)\"\n"
    }
    try text.write(to: file, atomically: true, encoding: .utf8)
    let projection = try Simulation(scenario: try ScenarioLoader.load(path: file.path)).run()
    return ScenarioRun(
      projection: projection,
      metadata: RunMetadata(projection: projection))
  }

  @Test func twoScenarioFilesWithOneNameClash() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let a = try scenario("a/base.toml", name: "base")
    let b = try scenario("b/base.toml", name: "base")
    let snapshots = root.appendingPathComponent("snapshots").path
    #expect(throws: CheckError.snapshotNameClash(name: "base", files: [a.file, b.file], folder: snapshots + "/base")) {
      try Snapshot.record([a, b], to: snapshots)
    }
    #expect(!FileManager.default.fileExists(atPath: snapshots))
    var report = CheckReport()
    #expect(throws: CheckError.self) { try report.check([a, b], snapshots: snapshots, update: false) }
    // The same file twice is one scenario, not a clash.
    try Snapshot.record([a, a], to: snapshots)
  }

  /// Two data files named intake.csv: a change to the second was hidden behind the first when
  /// inputs were keyed by base name.
  @Test func inputsAreKeyedByRelativePath() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    for folder in ["data-a", "data-b"] {
      try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: Fixtures.url("simulation/data/intake.csv"),
        to: root.appendingPathComponent("\(folder)/intake.csv"))
    }
    let run = try scenario(
      "scenarios/two.toml", name: "two", intakeFile: "../data-a/intake.csv",
      graduatesFile: "../data-b/intake.csv")
    let snapshots = root.appendingPathComponent("snapshots").path
    try Snapshot.record([run], to: snapshots)
    let manifest = snapshots + "/two/manifest.json"
    let digest = try #require(run.metadata.dataFiles.last?.sha256)
    let text = try String(contentsOfFile: manifest, encoding: .utf8)
    // Only the second file's digest (data-b) changes: the last occurrence in the manifest.
    let range = try #require(text.range(of: digest, options: .backwards))
    try text.replacingCharacters(in: range, with: String(repeating: "0", count: 64))
      .write(toFile: manifest, atomically: true, encoding: .utf8)
    let comparison = try Snapshot.compare(run.projection, metadata: run.metadata, in: snapshots)
    #expect(comparison.inputChanges.count == 1, "\(comparison.inputChanges)")
    #expect(comparison.inputChanges.first?.hasPrefix("data file ../data-b/intake.csv changed") == true)
  }

  @Test func relativePaths() {
    #expect(Snapshot.relativePath("/p/s/data/a.csv", from: "/p/s") == "data/a.csv")
    #expect(Snapshot.relativePath("/p/data/a.csv", from: "/p/s") == "../data/a.csv")
    #expect(Snapshot.relativePath("/p/s/x.toml", from: "/p/s/") == "x.toml")
    #expect(Snapshot.relativePath("a.csv", from: "/p") == "a.csv")
  }

  /// A file where a folder must go fails the write: nothing else stays behind, not even the
  /// folders created for the other files.
  @Test func failedWriteLeavesNothing() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try "x".write(to: root.appendingPathComponent("blocker"), atomically: true, encoding: .utf8)
    #expect(throws: RunOutput.Failure.self) {
      try RunOutput.write(
        [(name: "first/one.csv", contents: "a\n"), (name: "blocker/two.csv", contents: "b\n")],
        to: root.path)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["blocker"])
  }
}
