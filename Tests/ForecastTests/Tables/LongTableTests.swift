import Foundation
import Testing

@testable import Forecast

/// `Projection.longTable`: the columns, keys, statistics and row counts of the long form.
@Suite struct LongTableTests {
  static func run(_ name: String, paths: Int? = nil) throws -> Projection {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
    return try Simulation(scenario: scenario).run(paths: paths)
  }

  static func text(_ cell: Table.Cell) -> String {
    if case .text(let s) = cell { return s }
    return "?"
  }

  /// steady: 5 years, 1 track, 2 sectors, 2 fields: supply 5·1·5, demand 5·2·3, balance
  /// 5·7, matching 5·2·2·1 rows; no fitted model.
  @Test func rowCountsAndKeys() throws {
    let projection = try Self.run("steady")
    let long = projection.longTable([.supply, .demand, .balance, .matching, .fit]).table()
    #expect(long.columns.map(\.name) == LongTable.columns)
    #expect(long.columns.map(\.kind) == [.text, .year, .text, .text, .text, .text, .number])
    let byTable = Dictionary(grouping: long.rows) { Self.text(long.cell("table", of: $0)) }.mapValues(\.count)
    #expect(byTable == ["supply": 25, "demand": 30, "balance": 35, "matching": 20])
    #expect(long.rows.allSatisfy { long.cell("scenario", of: $0) == .text("steady") && long.cell("statistic", of: $0) == .text("mean") })
    let keys = Set(long.rows.map { "\(Self.text(long.cell("table", of: $0))):\(Self.text(long.cell("key", of: $0)))" })
    #expect(
      keys == [
        "supply:college", "demand:lab", "demand:studio", "balance:",
        "matching:science/lab", "matching:science/studio", "matching:arts/lab",
        "matching:arts/studio",
      ])
    // The studio's employment does not exist (it is given by capacity): an empty value.
    let employment = long.rows.first {
      long.cell("table", of: $0) == .text("demand") && long.cell("key", of: $0) == .text("studio") && long.cell("metric", of: $0) == .text("employment")
    }
    #expect(employment.map { long.cell("value", of: $0) } == .empty)
    // The balance rows hold the balance table's cells.
    let balance = projection.table(.balance)
    let graduates2023 = long.rows.first {
      long.cell("year", of: $0) == .integer(2023) && long.cell("table", of: $0) == .text("balance") && long.cell("metric", of: $0) == .text("graduates")
    }
    #expect(
      graduates2023.map { long.cell("value", of: $0) } == balance[row: 2, column: "graduates"])
    // Every (scenario, year, table, key, metric, statistic) is unique: pivots need no reshaping.
    let identities = long.rows.map { $0.prefix(6).map { "\($0)" }.joined(separator: "|") }
    #expect(Set(identities).count == long.rows.count)
  }

  /// The fan table: the metric is the row's balance metric, the statistic its column.
  @Test func fanRowsCarryTheirStatistic() throws {
    let projection = try Self.run("monte-carlo", paths: 20)
    let long = projection.longTable([.fan]).table()
    #expect(long.rows.count == 5 * 7 * 6)
    #expect(
      long.rows.prefix(6).map { Self.text(long.cell("statistic", of: $0)) } == ["mean", "q05", "q25", "q50", "q75", "q95"])
    #expect(
      long.rows.prefix(6).allSatisfy {
        long.cell("metric", of: $0) == .text("graduates") && long.cell("key", of: $0) == .text("") && long.cell("table", of: $0) == .text("fan")
      })
  }

  /// The fit table has no year: empty, key model/term, statistic `value`.
  @Test func fitRowsHaveNoYear() throws {
    let projection = try Self.run("model-driver")
    let long = projection.longTable([.fit]).table()
    #expect(long.rows.count == 2 * 4)
    #expect(long.rows.allSatisfy { long.cell("year", of: $0) == .empty && long.cell("statistic", of: $0) == .text("value") })
    #expect(long.rows.map { Self.text(long.cell("key", of: $0)) }.first == "trend/(Intercept)")
    #expect(
      long.rows.map { Self.text(long.cell("metric", of: $0)) }.prefix(4) == ["estimate", "std_error", "t", "p_value"])
    let csv = long.renderedCSV()
    #expect(
      csv.hasPrefix(
        "scenario,year,table,key,metric,statistic,value\nmodel-driver,,fit,trend/(Intercept),estimate,"
      ))
  }
}
