import Foundation
import Testing

/// `simulate run --long` and `--format vega-lite` as real binaries.
@Suite struct RunLongAndChartTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let monteCarlo = Simulate.fixture("simulation/monte-carlo.toml")

  @Test func runLong() throws {
    let result = try Simulate.run(["run", Self.steady, "--long", "--format", "csv"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "scenario,year,table,key,metric,statistic,value,unit")
    #expect(lines.count == 1 + 25 + 30 + 35 + 20)
    #expect(lines[1] == "steady,2021,supply,college,intake,mean,1000,persons")
    #expect(lines.contains("steady,2021,balance,total,coverage,mean,1.1805555555555556,ratio"))
  }

  /// The fit table stays apart from the long table: one stream cannot hold both; files can.
  @Test func runLongKeepsFitApart() throws {
    let model = Simulate.fixture("simulation/model-driver.toml")
    let both = try Simulate.run(["run", model, "--tables", "balance,fit", "--long", "--format", "csv"])
    expectBadInput(both, mentioning: ["--out", "fit"])
    let alone = try Simulate.run(["run", model, "--tables", "fit", "--long", "--format", "csv"])
    #expect(alone.status == 0)
    #expect(alone.stdout.hasPrefix("scenario,model,term,statistic,value\n"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Simulate.run([
      "run", model, "--tables", "balance,fit", "--long", "--format", "csv", "--out", folder.path,
    ])
    #expect(files.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "fit.csv", "long.csv", "metadata.json",
      ])
  }

  @Test func runVegaLite() throws {
    let result = try Simulate.run([
      "run", Self.monteCarlo, "--tables", "fan", "--format", "vega-lite", "--paths", "20",
    ])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try Simulate.run([
      "run", Self.monteCarlo, "--tables", "fan", "--format", "vega-lite", "--out", folder.path,
    ])
    #expect(files.status == 0 && files.stdout.isEmpty)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "fan.vl.json", "metadata.json",
      ])
  }

  @Test func vegaLiteIsForTheFanTableOnly() throws {
    expectBadInput(
      try Simulate.run(["run", Self.monteCarlo, "--tables", "fan,balance", "--format", "vega-lite"]
      ),
      mentioning: ["vega-lite", "balance", "--tables fan"], "balance")
    expectBadInput(
      try Simulate.run([
        "run", Self.monteCarlo, "--tables", "fan", "--format", "vega-lite", "--long",
      ]),
      mentioning: ["--long"], "long")
    // Scenario files keep to the table formats.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "forecast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("chart.toml")
    try """
    extends = "\(Self.steady)"
    [output]
    format = "vega-lite"
    """.write(to: file, atomically: true, encoding: .utf8)
    expectBadInput(try Simulate.run(["run", file.path]), mentioning: ["output.format"], "scenario")
  }
}
