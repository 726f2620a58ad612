import Foundation
import Testing

@testable import Forecast

/// A result of several runs written with its provenance: the table (or its long form) and
/// `metadata.json`, in a folder, whole; or the same text on standard output.
struct ResultOutputTests {
  static func steady() throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
  }

  static let wide = Table(
    columns: [.year("year"), .number("value", unit: .persons)], rows: [[.integer(2026), .number(665.6)]])
  static let long = Table(
    columns: [.text("statistic"), .number("value")], rows: [[.text("mean"), .number(1.5)]])

  @Test func filesHoldWhatStandardOutputWould() throws {
    let folder = try TemporaryFolder("forecast-result")
    defer { folder.remove() }
    let metadata = ResultMetadata(command: "compare", scenarios: [try Self.steady()])
    let text = try ResultOutput(format: .csv).emit(Self.wide, name: "compare", metadata: metadata)
    #expect(text == "year,value\n2026,665.6\n")
    let written = try ResultOutput(format: .csv, destination: .directory(folder.url.path))
      .emit(Self.wide, long: Self.long, name: "compare", metadata: metadata)
    #expect(written.isEmpty)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        == ["compare.csv", "metadata.json"])
    #expect(try String(contentsOfFile: folder.path("compare.csv"), encoding: .utf8) == text)
    let longFolder = try TemporaryFolder("forecast-result-long")
    defer { longFolder.remove() }
    _ = try ResultOutput(format: .tsv, shape: .long, destination: .directory(longFolder.url.path))
      .emit(Self.wide, long: Self.long, name: "compare", metadata: metadata)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: longFolder.url.path).sorted()
        == ["long.tsv", "metadata.json"])
    // Text rounds persons, as every text table does.
    #expect(ResultOutput(format: .text).rendered(Self.wide).contains("666"))
  }

  /// The metadata names the command, its settings, every scenario with the SHA-256 of its
  /// file and data as the loader read them, and the shocks given beside the files.
  @Test func metadataTracesEveryInput() throws {
    let steady = try Self.steady()
    let shocked = try steady.adding(shockLines: ["drivers.flat scale 1.1 2021"])
    let metadata = ResultMetadata(
      command: "compare", scenarios: [steady, shocked],
      settings: [.init("metrics", "graduates")], warnings: ["a warning"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(metadata.json.utf8)) as? [String: Any])
    #expect(object["command"] as? String == "compare")
    #expect(object["tool_version"] as? String == RunMetadata.toolVersion)
    #expect(object["seed"] as? Int == steady.info.seed)
    #expect((object["settings"] as? [String: String]) == ["metrics": "graduates"])
    #expect((object["warnings"] as? [String]) == ["a warning"])
    let scenarios = try #require(object["scenarios"] as? [[String: Any]])
    #expect(scenarios.count == 2)
    let file = try #require((scenarios[0]["scenario_files"] as? [[String: String]])?.first)
    let bytes = try Data(contentsOf: Fixtures.url("simulation/steady.toml"))
    #expect(file["sha256"] == FileDigest(path: "", bytes: bytes).sha256)
    #expect((scenarios[0]["data_files"] as? [Any])?.count == steady.dataFilePaths.count)
    #expect(scenarios[0]["shocks"] == nil)
    let shocks = try #require(scenarios[1]["shocks"] as? [[String: Any]])
    #expect(shocks.first?["given"] as? String == "drivers.flat scale 1.1 2021")
  }

  @Test func aFileWhereTheFolderShouldBeIsRefused() throws {
    let folder = try TemporaryFolder("forecast-result-file")
    defer { folder.remove() }
    let file = try folder.write("taken", "x")
    #expect(throws: RunOutput.Failure.notADirectory(path: file)) {
      try ResultOutput(format: .csv, destination: .directory(file)).emit(
        Self.wide, name: "sweep", metadata: ResultMetadata(command: "sweep", scenarios: []))
    }
  }
}
