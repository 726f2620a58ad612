import Foundation
import Testing
@testable import Forecast

/// Corrupt `year` columns (Fixtures/simulation/bad-years) are errors at their line and column,
/// never a crash (`Int(1e300)`) or a silent merge (2019.5 read as 2019, a year given twice).
@Suite struct YearColumnTests {
  static func path(_ name: String) -> String { Fixtures.url("simulation/bad-years/\(name)").path }

  @Test func recordLinesCountBlankAndQuotedLines() throws {
    #expect(try CSVReader.recordLines(contentsOf: Self.path("huge-year.csv")) == [2, 4, 5])
    #expect(try CSVReader.recordLines(contentsOf: Self.path("duplicate-year.csv")) == [2, 3, 5, 6])
  }

  @Test(arguments: [
    ("huge-year.csv", 4, "1e+300"),
    ("fractional-year.csv", 4, "2019.5"),
  ])
  func yearThatIsNotAWholeYearInRange(file: String, line: Int, found: String) throws {
    let table = try CSVReader.read(contentsOf: Self.path(file))
    #expect(throws: DataYearError.notAYear(file: Self.path(file), line: line, column: 1, found: found)) {
      try YearColumn(table)
    }
  }

  @Test(arguments: [Double.infinity, -1e20, 99_999, 999, 2020.000001])
  func outOfRangeOrFractionalYears(year: Double) throws {
    let table = DataTable(source: "<memory>", numeric: ["year": [2020, year], "x": [1, 2]])
    #expect(throws: DataYearError.self) { try YearColumn(table) }
  }

  @Test func textYearIsNamedWithItsLine() throws {
    let table = try CSVReader.parse(Array("year,x\n2020,1\ntwenty,2\n".utf8), source: "<memory>")
    #expect(throws: DataYearError.notAYear(file: "<memory>", line: 3, column: 1, found: "\"twenty\"")) {
      try YearColumn(table)
    }
  }

  @Test func duplicateYearNamesTheYearAndEveryLine() throws {
    let file = Self.path("duplicate-year.csv")
    let table = try CSVReader.read(contentsOf: file)
    let years = try YearColumn(table)
    #expect(throws: DataYearError.duplicateYear(file: file, valueColumn: "intake", year: 2019, lines: [3, 6])) {
      try years.series(table.numericColumn(named: "intake") ?? [], named: "intake")
    }
    // graduates has no value on the second 2019 row: one value per year, no error.
    let graduates = try years.series(table.numericColumn(named: "graduates") ?? [], named: "graduates")
    #expect(graduates == [2018: 720, 2019: 720, 2020: 720])
  }

  @Test func valueWithoutAYearIsAnError() throws {
    let table = DataTable(source: "<memory>", numeric: ["year": [2020, .nan], "x": [1, 2]])
    let years = try YearColumn(table)
    #expect(throws: DataYearError.missingYear(file: "<memory>", line: 3, column: 1, valueColumn: "x")) {
      try years.series([1, 2], named: "x")
    }
    #expect(try years.series([1, .nan], named: "x") == [2020: 1])
  }

  @Test func messagesNameFileLineAndColumn() {
    let notAYear = DataYearError.notAYear(file: "d.csv", line: 5, column: 1, found: "1e+300")
    #expect(notAYear.description == "d.csv:5:1: expected a year (a whole number in 1000...9999), found 1e+300")
    let duplicate = DataYearError.duplicateYear(file: "d.csv", valueColumn: "intake", year: 2019, lines: [3, 6])
    #expect(duplicate.description.hasPrefix("d.csv: year 2019 appears on lines 3 and 6, each with a value in column 'intake'"))
  }

  /// The scenario loader reports the bad year against the data series, so `validate` sees it;
  /// and the simulation's own read of the data (a scenario built in code) fails the same way.
  @Test(arguments: ["huge-year.csv", "fractional-year.csv", "duplicate-year.csv"])
  func scenarioWithACorruptYearIsBadInput(file: String) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenarioFile = directory.appendingPathComponent("s.toml")
    try """
      extends = "\(Fixtures.url("simulation/steady.toml").path)"
      [scenario]
      name = "s"
      [data.intake]
      file = "\(Self.path(file))"
      column = "intake"
      """.write(to: scenarioFile, atomically: true, encoding: .utf8)
    do {
      _ = try ScenarioLoader.load(path: scenarioFile.path)
      Issue.record("\(file) loaded")
    } catch {
      #expect(error.description.contains("data.intake"), "\(error)")
      let place =
        file == "duplicate-year.csv" ? "year 2019 on lines 3 and 6 of \(Self.path(file))" : "at \(Self.path(file)):4:1"
      #expect(error.description.contains(place), "\(error)")
    }
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
    scenario.dataSeries = scenario.dataSeries.map { spec in
      spec.name == "intake" ? DataSeriesSpec(name: "intake", file: Self.path(file), column: "intake") : spec
    }
    #expect {
      _ = try ScenarioData(scenario: scenario)
    } throws: { error in
      guard case SimulationError.dataYears(series: "intake", _) = error else { return false }
      return true
    }
  }
}
