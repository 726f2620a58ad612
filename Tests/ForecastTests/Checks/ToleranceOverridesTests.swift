import Foundation
import Testing
@testable import Forecast

/// Command-line snapshot tolerances: command line > scenario `[check]` > default, rtol and
/// atol resolved apart; bad values and unknown tables or columns are errors with the nearest
/// valid name.
@Suite struct ToleranceOverridesTests {
  static let scenario = CheckSettings(
    rtol: 1e-8, atol: 0,
    rules: [.init(table: "balance", rtol: 1e-6), .init(table: "balance", column: "coverage", atol: 0.1)])

  @Test func commandLineBeatsScenarioBeatsDefault() throws {
    let none = ToleranceOverrides()
    #expect(none.tolerance(table: "balance", column: "coverage", over: Self.scenario) == (1e-8, 0.1))
    #expect(none.tolerance(table: "balance", column: "placed", over: Self.scenario) == (1e-6, 0))
    #expect(none.tolerance(table: "supply", column: "intake", over: CheckSettings()) == (1e-9, 0))

    let global = try ToleranceOverrides(rtol: 1e-3, atol: nil, tolerances: [])
    #expect(global.tolerance(table: "balance", column: "placed", over: Self.scenario) == (1e-3, 0))
    #expect(global.tolerance(table: "balance", column: "coverage", over: Self.scenario) == (1e-3, 0.1))

    let specific = try ToleranceOverrides(
      rtol: 1e-3, atol: 2, tolerances: ["balance=0.2", "balance.coverage=0.5", "supply.intake = 0"])
    #expect(specific.tolerance(table: "balance", column: "coverage", over: Self.scenario) == (0.5, 2))
    #expect(specific.tolerance(table: "balance", column: "placed", over: Self.scenario) == (0.2, 2))
    #expect(specific.tolerance(table: "supply", column: "intake", over: Self.scenario) == (0, 2))
    #expect(specific.tolerance(table: "demand", column: "capacity", over: Self.scenario) == (1e-3, 2))
  }

  @Test(arguments: [
    ("balance.coverge=1e-6", "--tolerance: expected a value column of balance: graduates, new_supply, capacity, placed, unplaced, vacancies, coverage, found 'balance.coverge'; did you mean 'balance.coverage'?"),
    ("suply=1e-6", "--tolerance: expected a table (supply, demand, balance, matching, fan, fit) or TABLE.COLUMN, found 'suply'; did you mean 'supply'?"),
    ("balance.coverage", "--tolerance: expected TABLE.COLUMN=RTOL or TABLE=RTOL (for example balance.coverage=1e-6), found 'balance.coverage'"),
    ("balance.coverage=-1", "--tolerance: expected a relative tolerance ≥ 0 after '=' (for example balance.coverage=1e-6), found '-1'"),
    ("balance.coverage=nan", "--tolerance: expected a relative tolerance ≥ 0 after '=' (for example balance.coverage=1e-6), found 'nan'"),
    ("balance.coverage=lots", "--tolerance: expected a relative tolerance ≥ 0 after '=' (for example balance.coverage=1e-6), found 'lots'"),
  ])
  func badToleranceIsNamed(text: String, message: String) {
    #expect {
      _ = try ToleranceOverrides(rtol: nil, atol: nil, tolerances: [text])
    } throws: { error in
      (error as? CheckError)?.message(naming: .flags) == message
    }
  }

  @Test(arguments: [Double.nan, .infinity, -1e-9])
  func badGlobalToleranceIsAnError(value: Double) {
    #expect(throws: CheckError.self) { _ = try ToleranceOverrides(rtol: value, atol: nil, tolerances: []) }
    #expect(throws: CheckError.self) { _ = try ToleranceOverrides(rtol: nil, atol: value, tolerances: []) }
  }

  /// One supply cell moved by 0.5 in 720 (relative 6.9e-4): beyond the default, within
  /// rtol 1e-3 given either way, and beyond again when the column's rule is tighter.
  @Test func overridesDecideWhetherACellMoved() throws {
    let (p, metadata) = try CheckTests.projection("steady")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Snapshot.record(p, metadata: metadata, to: directory)
    let file = directory + "/steady/supply.csv"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "2023,college,1000,1900,720", with: "2023,college,1000,1900,720.5")
      .write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)
    func moved(_ overrides: ToleranceOverrides) throws -> Int {
      try Snapshot.compare(p, metadata: metadata, in: directory, overrides: overrides).changes.count
    }
    #expect(try moved(ToleranceOverrides()) == 1)
    #expect(try moved(ToleranceOverrides(rtol: 1e-3, atol: nil, tolerances: [])) == 0)
    #expect(try moved(ToleranceOverrides(rtol: nil, atol: 0.5, tolerances: [])) == 0)
    #expect(try moved(ToleranceOverrides(rtol: nil, atol: nil, tolerances: ["supply.graduates=1e-3"])) == 0)
    #expect(try moved(ToleranceOverrides(rtol: nil, atol: nil, tolerances: ["supply=1e-3"])) == 0)
    #expect(try moved(ToleranceOverrides(rtol: 1e-3, atol: nil, tolerances: ["supply.graduates=1e-6"])) == 1)
  }
}
