import Foundation
import Testing

/// `simulate plot` as a user runs it: every chart of the baseline written as SVG, the same
/// chart as Vega-Lite, and bad requests refused with exit 2 and a message naming the flag.
@Suite struct PlotCommandTests {
  static let baseline = ShippedScenario.baseline.path
  static let boom = ShippedScenario.folder.appendingPathComponent("ai-trainer-boom.toml").path

  static func folder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-plot-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesSVGAndVegaLite() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let svg = dir.appendingPathComponent("supply.svg").path
    let result = try Simulate.run(
      ["plot", Self.baseline, "--chart", "supply", "--paths", "20", "--out", svg],
      environment: ["SOURCE_DATE_EPOCH": "1767312000"])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(text.hasPrefix("<?xml") && text.contains("Graduates and new labour supply, 2000–2040"))
    #expect(text.contains("2026-01-02") && text.contains("90% interval"))
    let json = dir.appendingPathComponent("compare.vl.json").path
    let compare = try Simulate.run([
      "plot", Self.baseline, Self.boom, "--chart", "compare", "--metrics", "capacity,unplaced",
      "--years", "2026-2035", "--out", json,
    ])
    #expect(compare.status == 0, "\(compare.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
    #expect(object?["vconcat"] != nil)
  }

  @Test(arguments: [
    (["--chart", "suply"], "did you mean supply?"),
    (["--chart", "compare"], "name at least one alternative"),
    (["--chart", "supply", "--years", "2040-2020"], "--years: expected a year"),
    (["--chart", "fan", "--metrics", "grads"], "--metrics: no balance metric"),
    (["--chart", "supply", "--years", "1900-1950"], "--years: 1900-1950 holds no year"),
    (["--chart", "tornado", "--delta", "2"], "--delta"),
    (["--chart", "backtest", "--origins", "2010"], "origin"),
  ])
  func badRequestsExit2(_ arguments: [String], _ message: String) throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("chart.svg").path
    let result = try Simulate.run(["plot", Self.baseline] + arguments + ["--out", out])
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func outNeedsAFormat() throws {
    let result = try Simulate.run(["plot", Self.baseline, "--chart", "supply", "--out", "chart.png"])
    #expect(result.status == 2 && result.stderr.contains("--format svg"))
    let two = try Simulate.run(["plot", Self.baseline, Self.boom, "--chart", "supply", "--out", "x.svg"])
    #expect(two.status == 2 && two.stderr.contains("only compare takes alternatives"))
  }
}

/// `simulate report` as a user runs it: one HTML file, written whole; bad input exit 2.
@Suite struct ReportCommandTests {
  @Test func writesOnePage() throws {
    let dir = PlotCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("report.html").path
    let result = try Simulate.run(["report", PlotCommandTests.baseline, "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    let missing = try Simulate.run(["report", "nope.toml", "--out", out])
    #expect(missing.status == 2 && missing.stderr.contains("nope.toml"))
    let folder = try Simulate.run(["report", PlotCommandTests.baseline, "--out", dir.path])
    #expect(folder.status == 2, "\(folder.stderr)")
  }
}
