import Foundation
import Testing

/// A scenario shipped in `Scenarios/`, named by its file.
struct ShippedScenario: CustomTestStringConvertible, Sendable {
  let path: String
  var testDescription: String { URL(fileURLWithPath: path).lastPathComponent }

  static let folder = Simulate.packageRoot.appendingPathComponent("Scenarios")

  /// Every `Scenarios/*.toml`, sorted by name.
  static let all: [ShippedScenario] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted()
      .map { ShippedScenario(path: folder.appendingPathComponent($0).path) }
  }()

  static let baseline = ShippedScenario(path: folder.appendingPathComponent("china-baseline.toml").path)
}

/// The shipped scenarios end to end through the built `simulate`: they validate, run, write
/// every table with the columns of MODEL.md 9, pass their own `[[expect]]` entries, and their
/// tables agree with one another (MODEL.md 5 and 9).
@Suite struct ShippedScenarioTests {
  /// MODEL.md section 9, column for column.
  static let columns: [String: [String]] = [
    "supply": ["year", "track", "intake", "enrolled", "graduates", "continuing", "new_supply"],
    "demand": ["year", "sector", "employment", "openings", "capacity"],
    "balance": [
      "year", "graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies", "coverage",
    ],
    "matching": ["year", "field", "sector", "placed"],
    "fit": ["model", "term", "estimate", "std_error", "t", "p_value"],
  ]

  /// The tables of a run written as CSV into a fresh folder (removed by the caller).
  struct WrittenRun {
    let folder: URL
    let result: CommandResult
    func table(_ name: String) -> WrittenTable? {
      WrittenTable(file: folder.appendingPathComponent("\(name).csv"))
    }
  }

  static func runToFolder(_ scenario: ShippedScenario) throws -> WrittenRun {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-shipped-\(UUID().uuidString)")
    let result = try Simulate.run([
      "run", scenario.path, "--format", "csv", "--out", folder.path,
      "--tables", "supply,demand,balance,matching,fit",
    ])
    return WrittenRun(folder: folder, result: result)
  }

  /// |a − b| ≤ rtol · |b|.
  static func isRelativelyClose(_ a: Double, _ b: Double, _ rtol: Double) -> Bool {
    abs(a - b) <= rtol * abs(b)
  }

  @Test func theBaselineAndItsWhatIfsAreShipped() {
    let names = ShippedScenario.all.map(\.testDescription)
    #expect(names.contains("china-baseline.toml"))
    #expect(names.count >= 2, "only \(names)")
  }

  @Test(arguments: ShippedScenario.all)
  func validates(_ scenario: ShippedScenario) throws {
    let result = try Simulate.run(["validate", scenario.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("valid"))
  }

  @Test(arguments: ShippedScenario.all)
  func passesItsOwnChecks(_ scenario: ShippedScenario) throws {
    let result = try Simulate.run(["check", scenario.path, "--format", "csv"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").dropFirst()
    #expect(!rows.isEmpty, "no [[expect]] entries")
    #expect(rows.allSatisfy { $0.hasSuffix(",pass") }, "\(result.stdout)")
  }

  @Test(arguments: ShippedScenario.all)
  func writesEveryTableWithTheModelColumns(_ scenario: ShippedScenario) throws {
    let run = try Self.runToFolder(scenario)
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 0, "\(run.result.stderr)")
    #expect(run.result.stdout.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: run.folder.path).sorted()
    #expect(
      names == [
        "balance.csv", "demand.csv", "fit.csv", "matching.csv", "metadata.json", "supply.csv",
      ])
    for (name, columns) in Self.columns {
      let table = try #require(run.table(name), "\(name).csv unreadable or quoted")
      #expect(table.header == columns, "\(name).csv")
      #expect(table.rows.allSatisfy { $0.count == columns.count }, "\(name).csv: ragged rows")
    }
  }

  // Tolerances: the tables are written at full precision (shortest round-trip), so each check
  // compares doubles computed by the engine. Sums of up to 16 terms taken in another order
  // differ by a few ulps (~1e-15 relative); 1e-9 relative leaves a wide margin and still
  // catches a missing or doubled cell (the smallest non-zero placement is ~2e-4 of its year's
  // total). Bounds (placed ≤ capacity) hold in real arithmetic and may be passed by
  // rounding: 1e-12 relative.
  @Test(arguments: ShippedScenario.all)
  func tablesAgreeWithOneAnother(_ scenario: ShippedScenario) throws {
    let run = try Self.runToFolder(scenario)
    defer { try? FileManager.default.removeItem(at: run.folder) }
    try #require(run.result.status == 0, "\(run.result.stderr)")
    let balance = try #require(run.table("balance"))
    let supply = try #require(run.table("supply"))
    let demand = try #require(run.table("demand"))
    let matching = try #require(run.table("matching"))

    let metadata = try String(
      contentsOf: run.folder.appendingPathComponent("metadata.json"), encoding: .utf8)
    let years = balance.rows.compactMap { Int(balance.text($0, "year")) }
    try #require(!years.isEmpty)
    #expect(years == Array(years[0]...years[years.count - 1]), "years not consecutive: \(years)")

    let graduatesByTrack = supply.sumByYear("graduates")
    let newSupplyByTrack = supply.sumByYear("new_supply")
    let capacityBySector = demand.sumByYear("capacity")
    let placedByCell = matching.sumByYear("placed")
    for row in balance.rows {
      let year = Int(balance.text(row, "year")) ?? 0
      let graduates = balance.number(row, "graduates")
      let newSupply = balance.number(row, "new_supply")
      let capacity = balance.number(row, "capacity")
      let placed = balance.number(row, "placed")
      let unplaced = balance.number(row, "unplaced")
      let vacancies = balance.number(row, "vacancies")
      let coverage = balance.number(row, "coverage")
      let context: Comment = "\(scenario.testDescription) \(year)"

      #expect(Self.isRelativelyClose(placed + unplaced, newSupply, 1e-9), context)
      #expect(placed >= 0 && unplaced >= 0 && vacancies >= 0, context)
      #expect(placed <= capacity * (1 + 1e-12), context)
      #expect(placed <= newSupply * (1 + 1e-12), context)
      #expect(abs(vacancies - (capacity - placed)) <= 1e-9 * capacity, context)
      // Linear identities hold for means over paths too; coverage is the mean of the paths'
      // ratios (MODEL.md 7), which is capacity / new_supply only on one path.
      if metadata.contains("\"paths\": 1,") {
        #expect(Self.isRelativelyClose(coverage, capacity / newSupply, 1e-12), context)
      } else {
        #expect(coverage > 0 && abs(coverage / (capacity / newSupply) - 1) < 0.05, context)
      }

      #expect(Self.isRelativelyClose(placedByCell[year] ?? .nan, placed, 1e-9), context)
      #expect(Self.isRelativelyClose(graduatesByTrack[year] ?? .nan, graduates, 1e-9), context)
      #expect(Self.isRelativelyClose(newSupplyByTrack[year] ?? .nan, newSupply, 1e-9), context)
      #expect(Self.isRelativelyClose(capacityBySector[year] ?? .nan, capacity, 1e-9), context)
    }

    // The matching table has a row for every year, field and sector, zeros included.
    let fields = matching.distinct("field")
    let sectors = demand.distinct("sector")
    #expect(Set(matching.distinct("sector")) == Set(sectors))
    #expect(matching.rows.count == years.count * fields.count * sectors.count)
    for table in [supply, demand, matching] {
      #expect(Set(table.rows.compactMap { Int(table.text($0, "year")) }) == Set(years))
    }
  }

  // The Ministry of Education expects 12.7 million graduates in 2026 (Xinhua 2025-11-20); the
  // baseline is calibrated on the same concept and must come within 3% (its own [[expect]]).
  @Test func baselineGraduatesIn2026AreTheOfficialFigure() throws {
    let run = try Self.runToFolder(ShippedScenario.baseline)
    defer { try? FileManager.default.removeItem(at: run.folder) }
    try #require(run.result.status == 0, "\(run.result.stderr)")
    let balance = try #require(run.table("balance"))
    let row = try #require(balance.rows.first { balance.text($0, "year") == "2026" })
    let graduates = balance.number(row, "graduates")
    #expect(Self.isRelativelyClose(graduates, 12.7e6, 0.03), "\(graduates)")
  }

  @Test func baselineCarriesTheOfficialFigureAsAnExpectation() throws {
    let result = try Simulate.run(["check", ShippedScenario.baseline.path, "--format", "csv"])
    #expect(result.status == 0)
    let row = try #require(
      result.stdout.split(separator: "\n")
        .first { $0.hasPrefix("expect,china-baseline,balance,,2026,graduates,12700000,") },
      "\(result.stdout)")
    let cells = row.split(separator: ",", omittingEmptySubsequences: false)
    #expect(cells.count == 10)
    #expect(Self.isRelativelyClose(Double(cells[8]) ?? .nan, 0.02 * 12.7e6, 1e-12), "tolerance")
    #expect(cells.last == "pass")
  }
}
