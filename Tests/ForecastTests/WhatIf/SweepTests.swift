import Foundation
import Testing

@testable import Forecast

/// `SweepAxis` parsing and `Sweep` grids on the steady and Monte Carlo fixtures.
@Suite struct SweepTests {
  static let steady = Result {
    try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
  }

  struct RangeCase: Sendable, CustomTestStringConvertible {
    let text: String
    let values: [Double]
    var testDescription: String { text }
  }

  /// Values equal (==) to the decimal literals: computed as start + i·step and rounded to
  /// the places written.
  @Test(arguments: [
    RangeCase(text: "0.45:0.60:0.05", values: [0.45, 0.5, 0.55, 0.6]),
    RangeCase(text: "0:1:0.25", values: [0, 0.25, 0.5, 0.75, 1]),
    RangeCase(text: "0.1:0.35:0.1", values: [0.1, 0.2, 0.3]),
    RangeCase(text: "0.1:0.7:0.1", values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]),
    RangeCase(text: "1:1:0.1", values: [1]),
    RangeCase(text: "-0.2:0.2:0.1", values: [-0.2, -0.1, 0, 0.1, 0.2]),
    RangeCase(text: "900:1100:100", values: [900, 1000, 1100]),
    RangeCase(text: "1e-3:3e-3:1e-3", values: [0.001, 0.002, 0.003]),
    RangeCase(text: " 0.5 : 0.6 : 0.05 ", values: [0.5, 0.55, 0.6]),
    RangeCase(text: "0.1,0.3,0.2", values: [0.1, 0.3, 0.2]),
    RangeCase(text: "7", values: [7]),
  ])
  func rangesAndLists(_ c: RangeCase) throws {
    let values = try SweepAxis.values(c.text, target: "t")
    #expect(values == c.values)
  }

  @Test func badValues() {
    let t = "t"
    #expect(throws: WhatIfError.nonPositiveStep(target: t, text: "0:1:0")) {
      try SweepAxis.values("0:1:0", target: t)
    }
    #expect(throws: WhatIfError.nonPositiveStep(target: t, text: "1:0:-0.1")) {
      try SweepAxis.values("1:0:-0.1", target: t)
    }
    #expect(throws: WhatIfError.emptyRange(target: t, text: "0.6:0.45:0.05")) {
      try SweepAxis.values("0.6:0.45:0.05", target: t)
    }
    #expect(throws: WhatIfError.badValue(target: t, text: "a")) {
      try SweepAxis.values("a:1:0.1", target: t)
    }
    #expect(throws: WhatIfError.badValue(target: t, text: "")) {
      try SweepAxis.values("0.1,,0.2", target: t)
    }
    #expect(throws: WhatIfError.badValue(target: t, text: "0:1")) {
      try SweepAxis.values("0:1", target: t)
    }
    #expect(throws: WhatIfError.badValue(target: t, text: "nan")) {
      try SweepAxis.values("nan", target: t)
    }
    #expect(throws: WhatIfError.badValue(target: t, text: "inf")) {
      try SweepAxis.values("0:inf:1", target: t)
    }
    #expect(throws: WhatIfError.gridTooLarge(points: 1e12 + 1, limit: Sweep.maximumPoints)) {
      try SweepAxis.values("0:1e12:1", target: t)
    }
  }

  @Test func targetsAreCheckedAgainstTheScenario() throws {
    let scenario = try Self.steady.get()
    #expect(throws: WhatIfError.setSyntax("sectors.lab.growth")) {
      try SweepAxis(parsing: "sectors.lab.growth", scenario: scenario)
    }
    #expect(throws: WhatIfError.setSyntax("=0.1")) {
      try SweepAxis(parsing: "=0.1", scenario: scenario)
    }
    do {
      _ = try SweepAxis(parsing: "sectors.lab.grwth=0.1", scenario: scenario)
      Issue.record("no error")
    } catch {
      guard case .unknownTarget(let option, let path, let nearest) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(option == .set && path == "sectors.lab.grwth")
      #expect(nearest.first == "sectors.lab.growth")
      #expect(error.message(naming: .flags).contains("simulate targets"))
    }
    // A well-formed path the scenario does not have: the studio is given by capacity.
    #expect(throws: WhatIfError.self) {
      try SweepAxis(parsing: "sectors.studio.growth=0.1", scenario: scenario)
    }
    let axis = try SweepAxis(parsing: "sectors.lab.growth = 0.1:0.3:0.1", scenario: scenario)
    #expect(axis.target == .growth(sector: "lab") && axis.values == [0.1, 0.2, 0.3])
  }

  @Test func gridOrderFirstAxisSlowest() throws {
    let scenario = try Self.steady.get()
    let sweep = try Sweep(
      scenario: scenario,
      axes: [
        SweepAxis(target: .driver("flat"), values: [900, 1000, 1100]),
        SweepAxis(target: .capacity(sector: "studio"), values: [100, 200]),
      ])
    #expect(sweep.pointCount == 6)
    #expect(
      (0..<6).map(sweep.point) == [
        [900, 100], [900, 200], [1000, 100], [1000, 200], [1100, 100], [1100, 200],
      ])
    #expect(sweep.label(3) == "steady[drivers.flat=1000,sectors.studio.capacity=200]")
    let shocked = sweep.scenario(at: 3)
    #expect(
      shocked.shocks.suffix(2) == [
        ShockSpec(target: .driver("flat"), from: 2021, operation: .set, value: 1000),
        ShockSpec(target: .capacity(sector: "studio"), from: 2021, operation: .set, value: 200),
      ])
  }

  @Test func gridLimits() throws {
    let scenario = try Self.steady.get()
    let axis = { (target: ShockTarget) in
      SweepAxis(target: target, values: (0..<100).map(Double.init))
    }
    #expect(throws: WhatIfError.duplicateTarget("drivers.flat")) {
      try Sweep(scenario: scenario, axes: [axis(.driver("flat")), axis(.driver("flat"))])
    }
    #expect(throws: WhatIfError.gridTooLarge(points: 1e6, limit: Sweep.maximumPoints)) {
      try Sweep(
        scenario: scenario,
        axes: [axis(.driver("flat")), axis(.survival), axis(.completion(track: "college"))])
    }
    let sweep = try Sweep(
      scenario: scenario, axes: [axis(.driver("flat")), axis(.completion(track: "college"))])
    #expect(sweep.rowCount(long: false) == 10_000 * 5 * 7)
    // Long: mean and difference per point, year and metric, after the unswept means.
    #expect(sweep.rowCount(long: true) == 10_000 * 5 * 7 * 2 + 5 * 7)
    #expect(throws: Never.self) { try sweep.checkOutputSize(long: false) }
    var many = scenario
    many.info.horizon = 50
    let big = try Sweep(
      scenario: many, axes: [axis(.driver("flat")), axis(.completion(track: "college"))])
    #expect(throws: WhatIfError.outputTooLarge(rows: 10_000 * 50 * 7, limit: Sweep.maximumRows)) {
      try big.checkOutputSize(long: false)
    }
  }

  /// Values follow the closed form and equal direct runs.
  ///
  /// graduates(2025) = 0.72 · intake; unplaced = N − science placed − min(studio, arts · 0.5)
  /// with science = 0.25 N and arts = 0.75 N. Each point also equals a direct run of its
  /// scenario, bit for bit.
  @Test func valuesFollowTheClosedFormAndDirectRuns() throws {
    let scenario = try Self.steady.get()
    let sweep = try Sweep(
      scenario: scenario,
      axes: [
        SweepAxis(target: .driver("flat"), values: [900, 1000, 1100]),
        SweepAxis(target: .capacity(sector: "studio"), values: [100, 400]),
      ],
      metrics: MetricSelection(parsing: "graduates,unplaced"))
    let result = try sweep.run()
    #expect(result.levels.isEmpty && result.statistics == ["mean"])
    for index in 0..<sweep.pointCount {
      let point = sweep.point(index)
      let n = 0.72 * point[0]
      let unplaced = n - 0.25 * n - min(point[1], 0.75 * n * 0.5)
      #expect(abs(result.value(point: index, year: 2025, metric: .graduates) - n) <= 1e-9 * n)
      #expect(abs(result.value(point: index, year: 2025, metric: .unplaced) - unplaced) <= 1e-9 * n)
      let direct = try Simulation(scenario: sweep.scenario(at: index)).run()
      for t in 2021...2025 {
        #expect(result.value(point: index, year: t, metric: .unplaced) == direct.balance(.unplaced, year: t))
      }
    }
    // The unswept scenario: intake 1000, studio 100, so 720 graduates and
    // 720 − 180 − 100 = 440 unplaced.
    #expect(abs(result.baseValue(year: 2025, metric: .graduates) - 720) <= 1e-9 * 720)
    #expect(abs(result.baseValue(year: 2025, metric: .unplaced) - 440) <= 1e-9 * 720)
    let table = result.table
    #expect(
      table.columns.map(\.name) == [
        "drivers.flat", "sectors.studio.capacity", "year", "metric", "value", "base_value",
        "difference",
      ])
    // Point 5 (1100, 400) in 2025: 792 graduates, 792 − 198 − 297 = 297 unplaced.
    let row = try #require(
      table.rows.first {
        $0.prefix(4) == [.number(1100), .number(400), .integer(2025), .text("unplaced")]
      })
    guard case .number(let base) = row[5], case .number(let difference) = row[6] else {
      Issue.record("base_value and difference are numbers: \(row)")
      return
    }
    #expect(abs(base - 440) <= 1e-9 * 720 && abs(difference - (297 - 440)) <= 1e-9 * 720)
    #expect(table.rows.count == 6 * 5 * 2)
    #expect(
      table.rows[0].prefix(4) == [.number(900), .number(100), .integer(2021), .text("graduates")])
    #expect(
      table.rows[10].prefix(4) == [.number(900), .number(400), .integer(2021), .text("graduates")])
    let long = result.longTable
    #expect(long.columns.map(\.name) == LongTable.columns)
    // The unswept scenario's means, then each point's mean and difference.
    #expect(long.rows.count == 5 * 2 + 6 * 5 * 2 * 2)
    #expect(long[row: 0, column: "scenario"] == .text("steady"))
    #expect(
      long[row: 10, column: "scenario"]
        == .text("steady[drivers.flat=900,sectors.studio.capacity=100]"))
    #expect(long[row: 11, column: "statistic"] == .text("difference"))
  }

  /// With P > 1 the quantile columns follow the scenario's levels and equal the fan table of
  /// the point's own run; two sweeps give the same table.
  @Test func monteCarloSweepMatchesTheFanTable() throws {
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/monte-carlo.toml").path)
    scenario.info.paths = 60
    let sweep = try Sweep(
      scenario: scenario,
      axes: [SweepAxis(target: .capacity(sector: "studio"), values: [50, 150, 250])])
    let result = try sweep.run()
    #expect(result.statistics == ["mean", "q05", "q25", "q50", "q75", "q95"])
    #expect(
      result.table.columns.map(\.name).suffix(8) == [
        "value", "q05", "q25", "q50", "q75", "q95", "base_value", "difference",
      ])
    #expect(result.longTable.rows.count == 5 * 7 + 3 * 5 * 7 * (6 + 1))
    let fan = try Simulation(scenario: sweep.scenario(at: 1)).run().table(.fan)
    let rows = result.table.rows.filter { $0[0] == .number(150) }
    #expect(rows.map { Array($0.dropFirst().dropLast(2)) } == fan.rows)
    // base_value is the unswept run's mean, bit for bit, and difference the point's minus it.
    let unswept = try Simulation(scenario: scenario).run()
    for row in rows {
      guard case .integer(let year) = row[1], case .text(let name) = row[2],
        let metric = BalanceMetric(rawValue: name), case .number(let mean) = row[3]
      else { continue }
      let base = unswept.balance(metric, year: year)
      #expect(row[row.count - 2] == .number(orEmpty: base))
      #expect(row[row.count - 1] == .number(orEmpty: mean - base))
    }
    #expect(try sweep.run().table == result.table)
  }

  /// `scale` over a span: intake ×0.9 and ×1.1 in 2021 only moves the 2023 graduates
  /// (the 2021 intake, two years on) by ∓72 from the unswept 720, and no other year.
  @Test func scaleOverASpanMovesOnlyItsCohort() throws {
    let scenario = try Self.steady.get()
    let sweep = try Sweep(
      scenario: scenario, axes: [SweepAxis(target: .driver("flat"), values: [0.9, 1.1])],
      metrics: MetricSelection(parsing: "graduates"), operation: .scale, from: 2021, to: 2021)
    #expect(!sweep.isDefaultShock)
    #expect(
      sweep.scenario(at: 1).shocks.last
        == ShockSpec(target: .driver("flat"), from: 2021, to: 2021, operation: .scale, value: 1.1))
    let result = try sweep.run()
    for (index, change) in [(0, -72.0), (1, 72.0)] {
      for t in 2021...2025 {
        let expected = 720 + (t == 2023 ? change : 0)
        #expect(abs(result.value(point: index, year: t, metric: .graduates) - expected) <= 1e-9 * 720)
        #expect(abs(result.baseValue(year: t, metric: .graduates) - 720) <= 1e-9 * 720)
      }
    }
    let add = try Sweep(
      scenario: scenario, axes: [SweepAxis(target: .driver("flat"), values: [100])],
      metrics: MetricSelection(parsing: "graduates"), operation: .add, from: 2022)
    // 1100 a year from 2022: 792 graduates from 2024.
    let added = try add.run()
    #expect(abs(added.value(point: 0, year: 2023, metric: .graduates) - 720) <= 1e-9 * 720)
    #expect(abs(added.value(point: 0, year: 2025, metric: .graduates) - 792) <= 1e-9 * 720)
  }

  @Test func badOpAndSpan() throws {
    let scenario = try Self.steady.get()
    #expect(throws: WhatIfError.unknownOperation("sclae", nearest: ["scale"])) {
      try Sweep.operation(parsing: "sclae")
    }
    #expect(try Sweep.operation(parsing: "add") == .add)
    #expect(throws: WhatIfError.reversedSpan(from: 2024, to: 2022)) {
      try Sweep(
        scenario: scenario, axes: [SweepAxis(target: .driver("flat"), values: [1])],
        from: 2024, to: 2022)
    }
    // The default first year is base_year + 1, so a last year at the base year is reversed.
    #expect(throws: WhatIfError.reversedSpan(from: 2021, to: 2020)) {
      try Sweep(scenario: scenario, axes: [SweepAxis(target: .driver("flat"), values: [1])], to: 2020)
    }
    #expect(
      WhatIfError.reversedSpan(from: 2024, to: 2022).message(naming: .flags)
        == "--to: expected a last year >= the first (--from 2024), found 2022")
  }

  @Test func warningsAreMergedAcrossPoints() {
    let merged = WarningDigest.merge([["a", "b"], ["a"], ["a", "c", "c"]], noun: "grid points") {
      "p\($0)"
    }
    #expect(merged == ["a", "p0: b", "p2: c"])
    let counted = WarningDigest.merge([["x"], ["x"], []], noun: "grid points") { "p\($0)" }
    #expect(counted == ["p0 (and 1 more of the 3 grid points): x"])
  }
}
