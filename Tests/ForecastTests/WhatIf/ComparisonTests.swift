import Foundation
import Testing

@testable import Forecast

/// `Comparison` on the small fixtures, against closed forms.
///
/// Tolerance 1e-9 relative (as in
/// SimulationTests: a handful of products of exact small numbers); zeros are exact.
@Suite struct ComparisonTests {
  static func load(_ relative: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url(relative).path)
  }

  func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1) }

  @Test(arguments: ["simulation/steady.toml", "simulation/monte-carlo.toml"])
  func aScenarioAgainstItselfDiffersByExactlyZero(_ file: String) throws {
    let scenario = try Self.load(file)
    let result = try Comparison(base: scenario, alternatives: [scenario]).run()
    #expect(result.comparison.labels == [scenario.info.name + "#2"])
    #expect(result.comparison.notes.isEmpty)
    #expect(result.levels.count == (scenario.info.paths > 1 ? 5 : 0))
    #expect(result.rows.count == 5 * 7)
    for row in result.rows {
      #expect(row.mean == row.baseMean || (row.mean.isNaN && row.baseMean.isNaN))
      #expect(row.difference == 0 && row.difference.sign == .plus, "\(row)")
      #expect(row.percentDifference == 0, "\(row)")
      #expect(row.differenceQuantiles.allSatisfy { $0 == 0 }, "\(row)")
    }
  }

  /// 10% more intake from 2021.
  ///
  /// Graduates 720 → 792 from 2023, new supply the same; placed rises by the science share
  /// (198 − 180 = 18; the studio stays full at 100), so unplaced rises by 72 − 18 = 54.
  /// Capacity does not move.
  @Test func scaledIntakeGivesTheClosedFormDifference() throws {
    let result = try Comparison(
      base: Self.load("simulation/steady.toml"),
      alternatives: [Self.load("whatif/steady-intake.toml")],
      metrics: MetricSelection(parsing: "graduates,new_supply,unplaced,capacity")
    ).run()
    #expect(result.rows.count == 5 * 4)
    for row in result.rows {
      let moved = row.year >= 2023
      switch row.metric {
      case "graduates", "new_supply":
        #expect(close(row.baseMean, 720) && close(row.difference, moved ? 72 : 0), "\(row)")
        #expect(close(row.percentDifference, moved ? 10 : 0), "\(row)")
      case "unplaced":
        #expect(close(row.baseMean, 440) && close(row.difference, moved ? 54 : 0), "\(row)")
        #expect(close(row.percentDifference, moved ? 100 * 54 / 440 : 0), "\(row)")
      case "capacity":
        #expect(row.difference == 0, "\(row)")
      default:
        Issue.record("unexpected metric \(row.metric)")
      }
    }
  }

  /// Common random numbers: the alternative runs with the base's seed and 200 paths, and
  /// only demand moves, so graduates and new supply are equal path by path (every
  /// difference quantile exactly 0) while capacity differs.
  @Test func pairedDifferencesAreExactlyZeroWhereTheAlternativeDoesNotReach() throws {
    let comparison = Comparison(
      base: try Self.load("simulation/monte-carlo.toml"),
      alternatives: [try Self.load("whatif/monte-carlo-lab.toml")])
    #expect(comparison.alternatives[0].info.paths == 200)
    #expect(comparison.alternatives[0].info.seed == 42)
    #expect(comparison.notes.count == 1)
    #expect(comparison.notes[0].contains("200 paths (its own: 10)"))
    #expect(comparison.notes[0].contains("seed 42 (its own: 99)"))
    let result = try comparison.run()
    #expect(result.quantileColumns == ["diff_q05", "diff_q25", "diff_q50", "diff_q75", "diff_q95"])
    for row in result.rows where ["graduates", "new_supply"].contains(row.metric) {
      #expect(row.difference == 0 && row.differenceQuantiles == [0, 0, 0, 0, 0], "\(row)")
    }
    let capacity = result.rows.filter { $0.metric == "capacity" }
    #expect(capacity.allSatisfy { $0.difference > 0 && $0.differenceQuantiles[0] > 0 })
  }

  /// The percentage difference of a zero base is an empty cell; a year the alternative does
  /// not have leaves its cells empty.
  @Test func percentageOfAZeroBaseIsEmpty() throws {
    let scenario = try Self.load("simulation/steady.toml")
    let comparison = Comparison(
      base: scenario, alternatives: [scenario], metrics: try MetricSelection(parsing: "graduates"))
    func series(_ values: [Double], years: ClosedRange<Int>) -> PathSeries {
      PathSeries(
        years: years, names: ["graduates"], paths: 1,
        matrices: values.map { Matrix(rows: 1, columns: 1, columnMajor: [$0]) })
    }
    let result = ComparisonResult(
      comparison: comparison, base: series([0, 0, 5, 5, 5], years: 2021...2025),
      alternatives: [series([1, 2, 3, 4], years: 2021...2024)], warnings: [])
    #expect(result.rows.map(\.difference)[0..<4] == [1, 2, -2, -1])
    #expect(result.rows[0].percentDifference.isNaN && result.rows[2].percentDifference == -40)
    #expect(result.rows[4].mean.isNaN && result.rows[4].baseMean == 5)
    let table = result.table
    #expect(
      table[row: 0, column: "pct_difference"] == .empty
        && table[row: 2, column: "pct_difference"] == .number(-40))
    #expect(table[row: 4, column: "mean"] == .empty)
  }

  @Test func wideAndLongLayouts() throws {
    let base = try Self.load("simulation/monte-carlo.toml")
    let result = try Comparison(
      base: base,
      alternatives: [try Self.load("whatif/monte-carlo-lab.toml"), base],
      metrics: MetricSelection(parsing: "capacity,unplaced")
    ).run()
    #expect(
      result.table.columns.map(\.name)
        == [
          "year", "metric", "scenario", "mean", "base_mean", "difference", "pct_difference",
          "diff_q05", "diff_q25", "diff_q50", "diff_q75", "diff_q95",
        ])
    #expect(result.table.rows.count == 5 * 2 * 2)
    let long = result.longTable
    #expect(long.columns.map(\.name) == LongTable.columns)
    // Per year and metric: the base's mean, then per alternative mean, difference,
    // pct_difference and five quantiles.
    #expect(long.rows.count == 5 * 2 * (1 + 2 * 8))
    #expect(
      long.rows[0] == [
        .text("monte-carlo"), .integer(2021), .text("balance"), .text("total"), .text("capacity"),
        .text("mean"), long[row: 9, column: "value"], .text("persons"),
      ])
    #expect(long[row: 3, column: "statistic"] == .text("pct_difference") && long[row: 3, column: "unit"] == .text("percent"))
    #expect(
      long[row: 1, column: "scenario"] == .text("monte-carlo-lab")
        && long[row: 1, column: "statistic"] == .text("mean"))
    #expect(
      long[row: 9, column: "scenario"] == .text("monte-carlo#2")
        && long[row: 9, column: "statistic"] == .text("mean"))
    let statistics = long.rows.prefix(17).map { row -> String in
      if case .text(let s) = row[5] { return s }
      return ""
    }
    #expect(
      statistics
        == ["mean"]
        + Array(
          repeating: [
            "mean", "difference", "pct_difference", "diff_q05", "diff_q25", "diff_q50", "diff_q75",
            "diff_q95",
          ], count: 2
        ).flatMap { $0 })
  }

  @Test func metricSelectionErrors() throws {
    #expect(
      throws: WhatIfError.unknownMetric(option: .metrics, name: "unplacd", nearest: ["unplaced"])
    ) {
      try MetricSelection(parsing: "graduates,unplacd")
    }
    #expect(throws: WhatIfError.self) { try MetricSelection(parsing: "graduates,,placed") }
    #expect(try MetricSelection(parsing: nil) == .all)
    #expect(
      try MetricSelection(parsing: "placed, placed,graduates").names == ["placed", "graduates"])
    let message = WhatIfError.unknownMetric(
      option: .metrics, name: "unplacd", nearest: ["unplaced"]
    ).description
    #expect(message.contains("did you mean unplaced") && message.contains("coverage"))
  }
}
