import Foundation
import Testing

@testable import Forecast

/// The pandas and R recipes of docs/whatif.md, run as written on the long table of the
/// shipped baseline: their totals must be the projection's own. Each runs where its tool is
/// installed (`make test` installs pandas and R's readr and tidyr when it can) and is
/// skipped, saying so, where it is not. The Excel recipe rests on the identity check below.
@Suite struct PivotRecipeTests {
  static let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func projection() throws -> Projection {
    let scenario = try ScenarioLoader.load(
      path: root.appendingPathComponent("Scenarios/china-baseline.toml").path)
    return try Simulation(scenario: scenario).run()
  }

  /// The code block of docs/whatif.md whose info string is `LANGUAGE recipe`.
  static func recipe(_ language: String) throws -> String {
    let text = try String(
      contentsOf: root.appendingPathComponent("docs/whatif.md"), encoding: .utf8)
    let fence = "```\(language) recipe\n"
    let start = try #require(text.range(of: fence), "docs/whatif.md has no \(fence)")
    let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
    return String(text[start.upperBound..<end.lowerBound])
  }

  /// The totals the recipes print, from the projection itself: 2026 balance graduates,
  /// supply graduates summed over tracks, demand employment summed over the sectors that
  /// have it.
  static func expected(_ projection: Projection) -> [String: Double] {
    func sum(_ name: RunTable, _ column: String) -> Double {
      let table = projection.table(name)
      return table.rows.reduce(0) { total, row in
        guard table.cell("year", of: row) == .integer(2026),
          case .number(let x) = table.cell(column, of: row), !x.isNaN
        else { return total }
        return total + x
      }
    }
    return [
      "balance_graduates": projection.balance(.graduates, year: 2026),
      "supply_graduates": sum(.supply, "graduates"),
      "demand_employment": sum(.demand, "employment"),
    ]
  }

  /// Runs `tool` on `script` in a folder holding the baseline's `long.csv`; its printed
  /// `name value` lines.
  static func run(_ tool: [String], script: String, extension ext: String) throws -> [String: Double] {
    let projection = try projection()
    let folder = try TemporaryFolder("forecast-recipe")
    defer { folder.remove() }
    try folder.write(
      "long.csv",
      try RunOutput.long(projection, tables: RunTable.defaults(paths: 1), format: .csv))
    let scriptPath = try folder.write("recipe.\(ext)", script)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = tool + [scriptPath]
    process.currentDirectoryURL = folder.url
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(
      process.terminationStatus == 0,
      "\(tool[0]) exited with \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self))")
    var values: [String: Double] = [:]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
    }
    return values
  }

  /// The recipe's totals equal the projection's to 1e-12 relative: the tools add the same
  /// numbers in another order, a few ulps apart at most.
  static func check(_ values: [String: Double], against projection: Projection) {
    let expected = expected(projection)
    #expect(Set(values.keys) == Set(expected.keys))
    for (name, truth) in expected {
      let value = values[name] ?? .nan
      #expect(abs(value - truth) <= 1e-12 * abs(truth), "\(name): \(value), expected \(truth)")
    }
    // The balance total is the sum of the tracks: the long table neither drops nor doubles.
    #expect(abs(expected["balance_graduates"]! - expected["supply_graduates"]!) <= 1e-6)
  }

  @Test(.enabled(if: Tools.pandas, "pandas is not installed (pip install pandas)"))
  func pandasRecipe() throws {
    let values = try Self.run(["python3"], script: try Self.recipe("python"), extension: "py")
    Self.check(values, against: try Self.projection())
  }

  @Test(.enabled(if: Tools.tidyverseR, "R with readr and tidyr is not installed"))
  func rRecipe() throws {
    let values = try Self.run(["Rscript"], script: try Self.recipe("r"), extension: "R")
    Self.check(values, against: try Self.projection())
  }

  /// Excel's PivotTable sums the rows of each cell: right only when the six identifying
  /// columns are unique, so that every cell is one row; and no key is empty.
  @Test func identityIsUniqueForExcel() throws {
    let projection = try Self.projection()
    let long = projection.longTable(RunTable.allCases).table()
    let identities = long.rows.map { $0.prefix(6).map { "\($0)" }.joined(separator: "|") }
    #expect(Set(identities).count == long.rows.count)
    #expect(long.rows.allSatisfy { long.cell("key", of: $0) != .text("") })
  }

  /// Whether the recipes' tools are installed.
  enum Tools {
    static let pandas = succeeds(["python3", "-c", "import pandas"])
    static let tidyverseR = succeeds(["Rscript", "-e", "library(readr); library(tidyr)"])

    static func succeeds(_ arguments: [String]) -> Bool {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { return false }
      process.waitUntilExit()
      return process.terminationStatus == 0
    }
  }
}
