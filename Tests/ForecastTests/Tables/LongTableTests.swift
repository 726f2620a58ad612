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
    #expect(long.columns.map(\.kind) == [.text, .year, .text, .text, .text, .text, .number, .text])
    // Every value of these tables is in persons, except coverage, a ratio.
    #expect(
      long.rows.allSatisfy {
        long.cell("unit", of: $0)
          == .text(long.cell("metric", of: $0) == .text("coverage") ? "ratio" : "persons")
      })
    let byTable = Dictionary(grouping: long.rows) { Self.text(long.cell("table", of: $0)) }.mapValues(\.count)
    #expect(byTable == ["supply": 25, "demand": 30, "balance": 35, "matching": 20])
    #expect(long.rows.allSatisfy { long.cell("scenario", of: $0) == .text("steady") && long.cell("statistic", of: $0) == .text("mean") })
    let keys = Set(long.rows.map { "\(Self.text(long.cell("table", of: $0))):\(Self.text(long.cell("key", of: $0)))" })
    #expect(
      keys == [
        "supply:college", "demand:lab", "demand:studio", "balance:total",
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
        long.cell("metric", of: $0) == .text("graduates") && long.cell("key", of: $0) == .text("total") && long.cell("table", of: $0) == .text("fan")
          && long.cell("unit", of: $0) == .text("persons")
      })
  }

  /// The fit table keeps its own long table: scenario, model, term, statistic, value.
  @Test func fitHasItsOwnLongTable() throws {
    let projection = try Self.run("model-driver")
    #expect(projection.longTable([.fit]).rows.isEmpty)
    let fit = projection.longFitTable()
    #expect(fit.columns.map(\.name) == ["scenario", "model", "term", "statistic", "value"])
    #expect(fit.rows.count == 2 * 4)
    #expect(fit.rows.prefix(4).map { Self.text(fit.cell("statistic", of: $0)) } == ["estimate", "std_error", "t", "p_value"])
    let wide = projection.table(.fit)
    #expect(fit[row: 1, column: "value"] == wide[row: 0, column: "std_error"])
    #expect(fit.renderedCSV().hasPrefix("scenario,model,term,statistic,value\nmodel-driver,trend,(Intercept),estimate,"))
  }

  /// Text and Markdown show persons as whole persons and ratios with their digits; CSV keeps
  /// every digit.
  @Test func textRoundsPersonsOnly() {
    var long = LongTable()
    long.append(scenario: "s", year: 2026, table: "balance", metric: "graduates", statistic: "mean", value: 665.6, unit: .persons)
    long.append(scenario: "s", year: 2026, table: "balance", metric: "coverage", statistic: "mean", value: 0.8765, unit: .ratio)
    let table = long.table()
    let text = table.renderedText(style: RunOutput.style)
    #expect(text.contains(" 666  persons\n"))
    #expect(text.contains(" 0.8765  ratio\n"))
    #expect(!text.contains("665.6"))
    let markdown = table.renderedMarkdown(style: RunOutput.style)
    #expect(markdown.contains("666 | persons |"))
    #expect(markdown.contains("0.8765 | ratio   |"))
    let csv = table.renderedCSV()
    #expect(csv.contains(",665.6,persons\n") && csv.contains(",0.8765,ratio\n"))
  }

  /// A projection's text tables round persons (the wide balance table included) and leave
  /// coverage alone.
  @Test func wideTextRoundsPersons() throws {
    let projection = try Self.run("monte-carlo", paths: 20)
    let balance = projection.table(.balance)
    let text = balance.renderedText(style: RunOutput.style)
    let firstRow = text.split(separator: "\n")[3]
    let cells = firstRow.split(separator: " ")
    // year, six persons columns: integers; coverage keeps its fraction.
    #expect(cells.dropFirst().prefix(6).allSatisfy { !$0.contains(".") })
    if case .number(let coverage) = balance[row: 0, column: "coverage"] {
      #expect(cells.last.map(String.init) == RunOutput.style.format(coverage))
    }
  }
}
