import Foundation
import Testing
@testable import Forecast

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct CheckTests {
  static func projection(_ name: String) throws -> (Projection, RunMetadata) {
    let path = Fixtures.url("simulation/\(name).toml").path
    let projection = try Simulation(scenario: try ScenarioLoader.load(path: path)).run()
    return (projection, RunMetadata(projection: projection))
  }

  func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
  }

  @Test func expectationsPassAndFailByTolerance() throws {
    let (p, _) = try Self.projection("expectations")
    let results = try ExpectationResult.evaluate(p)
    #expect(results.map(\.passed) == [true, false])
    #expect(results[1].actual == 1900 && results[1].tolerance == 50)
    let table = ExpectationResult.table(results)
    #expect(table.columns.map(\.name) == [
      "scenario", "table", "key", "year", "column", "expected", "actual", "tolerance", "result",
    ])
  }

  @Test func expectationOnAMissingRowIsBadInput() throws {
    var (p, _) = try Self.projection("steady")
    var scenario = p.scenario
    scenario.expectations = [Expectation(table: .balance, column: "graduates", year: 2099, value: 1)]
    p = try Simulation(scenario: scenario).run()
    #expect(throws: CheckError.unknownRow(scenario: "steady", index: 0, table: "balance", key: nil, year: 2099)) {
      try ExpectationResult.evaluate(p)
    }
  }

  /// An empty cell (studio is given by capacity: no employment) could never pass: bad input,
  /// not a failure. The loader flags this case too; the run catches every other empty cell.
  @Test func expectationOnAnEmptyCellIsBadInput() throws {
    var (p, _) = try Self.projection("steady")
    var scenario = p.scenario
    scenario.expectations = [Expectation(table: .demand, key: "studio", column: "employment", year: 2022, value: 1)]
    p = try Simulation(scenario: scenario).run()
    let expected = CheckError.emptyCell(
      scenario: "steady", index: 0, table: "demand", key: "studio", year: 2022, column: "employment", always: true)
    #expect(throws: expected) { try ExpectationResult.evaluate(p) }
    #expect(expected.description.hasPrefix(
      "steady: expect[0]: table 'demand' leaves column 'employment' of 'studio' empty in every year"))
  }

  /// A snapshot perturbed in one cell is reported with exactly that cell, and no input change.
  @Test func perturbedSnapshotCellIsReported() throws {
    let (p, metadata) = try Self.projection("steady")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Snapshot.record(p, metadata: metadata, to: directory)
    let clean = try Snapshot.compare(p, metadata: metadata, in: directory)
    #expect(clean.changes.isEmpty && clean.inputChanges.isEmpty)

    let file = (Snapshot.folder(directory, scenario: "steady") as NSString).appendingPathComponent("supply.csv")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let edited = text.replacingOccurrences(of: "2023,college,1000,1900,720", with: "2023,college,1000,1900,720.5")
    #expect(edited != text)
    try edited.write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)
    let moved = try Snapshot.compare(p, metadata: metadata, in: directory)
    #expect(moved.changes.count == 1)
    let change = try #require(moved.changes.first)
    #expect(change.table == "supply" && change.key == "college" && change.year == 2023)
    #expect(change.column == "graduates" && change.old == 720.5 && change.new == 720)
    #expect(moved.inputChanges.isEmpty)
  }

  /// A changed data file is named, so a data revision is told apart from a code change.
  @Test func changedInputIsNamed() throws {
    let (p, metadata) = try Self.projection("steady")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Snapshot.record(p, metadata: metadata, to: directory)
    let manifest = (Snapshot.folder(directory, scenario: "steady") as NSString).appendingPathComponent("manifest.json")
    let text = try String(contentsOfFile: manifest, encoding: .utf8)
    let digest = try #require(metadata.dataFiles.first?.sha256)
    try text.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64))
      .write(toFile: manifest, atomically: true, encoding: .utf8)
    let comparison = try Snapshot.compare(p, metadata: metadata, in: directory)
    #expect(comparison.inputChanges.count == 1)
    #expect(comparison.inputChanges.first?.hasPrefix("data file data/intake.csv changed") == true)
  }

  @Test func toleranceRulesAreMostSpecificFirst() {
    let settings = CheckSettings(
      rtol: 1e-9,
      rules: [.init(table: "balance", rtol: 1e-6), .init(table: "balance", column: "coverage", atol: 0.1)])
    #expect(settings.tolerance(table: "balance", column: "coverage") == (1e-9, 0.1))
    #expect(settings.tolerance(table: "balance", column: "placed") == (1e-6, 0))
    #expect(settings.tolerance(table: "supply", column: "intake") == (1e-9, 0))
  }

  @Test func junitIsXMLWithTheExpectedCounts() throws {
    let (p, metadata) = try Self.projection("expectations")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = ScenarioRun(projection: p, metadata: metadata)
    var report = CheckReport()
    try report.check([run], snapshots: directory, update: true)
    try report.check([run], snapshots: directory, update: false)
    let document = try XMLDocument(xmlString: report.junit.xml)
    let root = try #require(document.rootElement())
    // 2 expectations twice, then 6 snapshot tables (fan included); one expectation fails each time.
    #expect(root.attribute(forName: "tests")?.stringValue == "10")
    #expect(root.attribute(forName: "failures")?.stringValue == "2")
    #expect(try document.nodes(forXPath: "//testcase").count == 10)
    #expect(report.failed && report.failedExpectations == 2 && report.movedCells == 0)
  }
}
