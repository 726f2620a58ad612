import Foundation
import Testing

/// `--out DIR` on compare, sweep, tornado, sensitivity and backtest: the table and its
/// metadata.json in the folder, nothing on standard output; the same bytes as standard output.
@Suite struct ResultOutCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let intake = Simulate.fixture("whatif/steady-intake.toml")
  static let uncertain = Simulate.fixture("whatif/steady-uncertain.toml")
  static let calibrated = Simulate.fixture("simulation/calibrated.toml")

  /// Each command's arguments and the file its result goes to.
  static let commands: [([String], String)] = [
    (["compare", steady, intake, "--metrics", "graduates"], "compare.csv"),
    (["sweep", steady, "--set", "drivers.flat=900,1100", "--metrics", "graduates"], "sweep.csv"),
    (["tornado", steady, "--metric", "unplaced", "--year", "2025"], "tornado.csv"),
    (["sensitivity", uncertain, "--method", "morris", "--years", "2025"], "sensitivity.csv"),
    (["compare", steady, intake, "--long"], "long.csv"),
  ]

  @Test(arguments: commands)
  func outWritesTheTableAndItsMetadata(arguments: [String], file: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let stream = try Simulate.run(arguments + ["--format", "csv"])
    #expect(stream.status == 0, "\(stream.stderr)")
    let written = try Simulate.run(arguments + ["--format", "csv", "--out", folder.path])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.isEmpty)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == [file, "metadata.json"].sorted())
    #expect(
      try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) == stream.stdout)
    let metadata = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("metadata.json"))) as? [String: Any])
    #expect(metadata["command"] as? String == arguments[0])
    let scenarios = try #require(metadata["scenarios"] as? [[String: Any]])
    #expect(scenarios.count == (arguments[0] == "compare" ? 2 : 1))
    #expect(scenarios.allSatisfy { (($0["scenario_files"] as? [Any])?.count ?? 0) >= 1 })
  }

  @Test func backtestOut() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["backtest", Self.calibrated, "--origins", "2019", "--horizon", "1", "--format", "csv"]
    let stream = try Simulate.run(arguments)
    #expect(stream.status == 0, "\(stream.stderr)")
    let written = try Simulate.run(arguments + ["--out", folder.path])
    #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
    // Every table in its own file; the accuracy table as standard output shows it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["accuracy.csv", "metadata.json", "origins.csv", "summary.csv"])
    #expect(
      try String(contentsOf: folder.appendingPathComponent("accuracy.csv"), encoding: .utf8)
        == stream.stdout)
    let metadata = try String(
      contentsOf: folder.appendingPathComponent("metadata.json"), encoding: .utf8)
    #expect(metadata.contains("\"origins\": \"2019\""))
  }

  @Test func outOnAFileIsBadInput() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-out-\(UUID().uuidString)")
    try Data("x".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    expectBadInput(
      try Simulate.run(["tornado", Self.steady, "--metric", "unplaced", "--year", "2025", "--out", file.path]),
      mentioning: ["--out", "is a file"])
  }
}
