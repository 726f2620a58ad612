import Foundation
import Testing

@testable import Forecast

/// What a command writes, described as a value: checked before a run, rendered whole.
struct OutputRequestTests {
  static func projection() throws -> Projection {
    try Simulation(scenario: try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)).run()
  }

  @Test func aChartDrawsTheFanAloneAndWide() {
    #expect(throws: RunOutput.Failure.chartNeedsFan(tables: ["balance"])) {
      try OutputRequest(tables: [.balance], format: .vegaLite)
    }
    #expect(throws: RunOutput.Failure.chartNotLong) {
      try OutputRequest(tables: [.fan], format: .vegaLite, shape: .long)
    }
  }

  @Test func standardOutputAndFilesHoldTheSameTables() throws {
    let projection = try Self.projection()
    let metadata = RunMetadata(projection: projection)
    let stream = try OutputRequest(tables: [.balance], format: .table(.csv))
    guard case .text(let text) = try stream.rendered(projection, metadata: metadata) else {
      Issue.record("standard output gives text")
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-request-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try OutputRequest(tables: [.balance], format: .table(.csv), destination: .directory(folder))
    #expect(try files.emit(projection, metadata: metadata) == "")
    #expect(try String(contentsOfFile: folder + "/balance.csv", encoding: .utf8) == text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["balance.csv", "metadata.json"])
  }

  @Test func aResultIsWrittenWideOrLong() throws {
    let wide = Table(columns: [.year("year"), .number("value")], rows: [[.integer(2026), .number(1.5)]])
    let long = Table(columns: [.text("statistic"), .number("value")], rows: [[.text("mean"), .number(1.5)]])
    #expect(ResultOutput(format: .csv).rendered(wide, long: long) == "year,value\n2026,1.5\n")
    #expect(ResultOutput(format: .csv, shape: .long).rendered(wide, long: long) == "statistic,value\nmean,1.5\n")
    // A result without a long form is written wide.
    #expect(ResultOutput(format: .csv, shape: .long).rendered(wide) == "year,value\n2026,1.5\n")
  }
}
