import Foundation
import Testing

@testable import Forecast

/// `GlobalSensitivity` on the steady fixture, where the balance is linear in two inputs.
///
/// Completion c ~ U(0.6, 1.0) and the studio's capacity K ~ U(50, 150), both `set`: from 2023
/// on, graduates = 1000 · 0.9 · c = 900 c; the lab takes its 25% science share with room to
/// spare (225 c) and the studio is full (K ≤ 150 < 0.75 · 0.5 · 900 c), so
///
///     unplaced = 675 c − K,   V = 675² · 0.4²/12 + 100²/12 = 6,075 + 833.3
///     S1 = ST:  c 0.879373,  K 0.120627;   graduates: c 1, K 0 (exactly: K does not enter)
///     Morris (unit-scaled steps): EE_c = 675 · 0.4 = 270, EE_K = −100, σ = 0 (exact, linear)
@Suite struct GlobalSensitivityTests {
  static func steady(_ uncertain: [UncertainSpec]? = nil) throws -> Scenario {
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
    scenario.uncertain =
      uncertain ?? [
        UncertainSpec(
          target: .completion(track: "college"), distribution: .uniform(lower: 0.6, upper: 1.0)),
        UncertainSpec(
          target: .capacity(sector: "studio"), distribution: .uniform(lower: 50, upper: 150)),
      ]
    return scenario
  }

  static let completionShare = 6075 / (6075 + 10000.0 / 12)

  @Test func sobolIndicesMatchTheClosedForm() throws {
    let analysis = try GlobalSensitivity(
      scenario: Self.steady(), method: .sobol(baseSamples: 1024, secondOrder: true),
      metrics: try MetricSelection(parsing: "graduates,unplaced"), years: 2025...2025)
    #expect(analysis.runCount == 1024 * 6)
    let result = try analysis.run()
    let cell = try #require(result.cells.first { $0.metric == .unplaced })
    let indices = try #require(cell.sobol)
    // Quasi-Monte Carlo error of these estimators on a linear function at N = 1,024 is of
    // order 1e-3; 0.01 leaves room and still fails for a wrong estimator (S1 of K would be 0).
    let shares = [Self.completionShare, 1 - Self.completionShare]
    for j in 0..<2 {
      #expect(abs(indices.firstOrder[j].estimate - shares[j]) < 0.01, "\(indices.firstOrder[j])")
      #expect(abs(indices.totalOrder[j].estimate - shares[j]) < 0.01, "\(indices.totalOrder[j])")
      let interval = try #require(indices.firstOrder[j].interval)
      #expect(interval.lower <= shares[j] + 0.01 && shares[j] - 0.01 <= interval.upper)
    }
    // No interaction in an additive function.
    #expect(abs(indices.secondOrder[0].index.estimate) < 0.01)
    let graduates = try #require(result.cells.first { $0.metric == .graduates }?.sobol)
    // K does not enter graduates: f(A_B^K) = f(A) run by run, so both numerators are 0.
    #expect(graduates.totalOrder[1].estimate == 0 && graduates.firstOrder[1].estimate == 0)
    #expect(abs(graduates.firstOrder[0].estimate - 1) < 0.01)
  }

  @Test func morrisEffectsAreExactOnALinearBalance() throws {
    let analysis = try GlobalSensitivity(
      scenario: Self.steady(), method: .morris(trajectories: 12, levels: 4),
      metrics: try MetricSelection(parsing: "unplaced"), years: 2024...2025)
    #expect(analysis.runCount == 12 * 3)
    let result = try analysis.run()
    #expect(result.cells.map(\.year) == [2024, 2025])
    let morris = try #require(result.cells.last?.morris)
    #expect(abs(morris.mean[0] - 270) < 1e-9 && abs(morris.absoluteMean[0] - 270) < 1e-9)
    #expect(abs(morris.mean[1] + 100) < 1e-9 && abs(morris.absoluteMean[1] - 100) < 1e-9)
    #expect(morris.standardDeviation.allSatisfy { $0 < 1e-9 })
  }

  /// A metric that no input moves has empty cells and one warning for all its years.
  @Test func aMetricThatDoesNotVaryHasEmptyCellsAndAWarning() throws {
    let scenario = try Self.steady([
      UncertainSpec(
        target: .capacity(sector: "studio"), distribution: .uniform(lower: 50, upper: 150))
    ])
    let result = try GlobalSensitivity(
      scenario: scenario, method: .sobol(baseSamples: 64, secondOrder: false),
      metrics: try MetricSelection(parsing: "graduates"), years: 2023...2025
    ).run()
    #expect(result.cells.allSatisfy { $0.sobol == nil })
    #expect(result.warnings == ["graduates in 2023-2025: does not vary with the inputs; its indices are empty"])
    let table = result.table
    #expect(table.columns.map(\.name) == [
      "year", "metric", "index", "input", "other", "estimate", "conf", "low", "high",
    ])
    #expect(table.rows.count == 3 * 2 && table.rows.allSatisfy { $0[5] == .empty })
  }

  /// Values are truncated to the domain of the drawn quantity: a rate's [0, 1].
  @Test func designValuesStayInTheTargetsDomain() throws {
    let scenario = try Self.steady([
      UncertainSpec(
        target: .completion(track: "college"), distribution: .uniform(lower: 0.9, upper: 1.2)),
      UncertainSpec(
        target: .capacity(sector: "studio"), operation: .scale,
        distribution: .normal(mean: 1, standardDeviation: 2)),
      UncertainSpec(
        target: .growth(sector: "lab"), operation: .add,
        distribution: .normal(mean: 0, standardDeviation: 0.01)),
    ])
    let analysis = try GlobalSensitivity(
      scenario: scenario, method: .sobol(baseSamples: 128, secondOrder: false), years: 2025...2025)
    let columns = (0..<3).map { c in (0..<analysis.runCount).map { analysis.points[$0, c] } }
    #expect(columns[0].allSatisfy { (0.9...1).contains($0) })
    #expect(columns[1].allSatisfy { $0 >= 0 } && columns[1].contains { $0 > 3 })
    #expect(columns[2].contains { $0 < 0 } && columns[2].allSatisfy(\.isFinite))
    // A design point adds one shock per input, after the scenario's own, from base_year + 1.
    let shocked = analysis.scenario(at: 5)
    #expect(shocked.shocks.count == scenario.shocks.count + 3)
    let last = try #require(shocked.shocks.last)
    #expect(last.from == 2021 && last.to == nil && last.operation == .add)
    #expect(last.value == analysis.points[5, 2])
  }

  @Test func badRequestsAreErrors() throws {
    var none = try Self.steady()
    none.uncertain = []
    #expect(throws: WhatIfError.noUncertainInputs("steady")) {
      try GlobalSensitivity(scenario: none, method: .sobol)
    }
    let scenario = try Self.steady()
    #expect(throws: WhatIfError.yearsOutOfRange(2024...2030, valid: 2021...2025)) {
      try GlobalSensitivity(scenario: scenario, method: .sobol, years: 2024...2030)
    }
    #expect(throws: WhatIfError.design(.baseSamplesNotPowerOfTwo(1000))) {
      try GlobalSensitivity(scenario: scenario, method: .sobol(baseSamples: 1000, secondOrder: false))
    }
    #expect(throws: WhatIfError.design(.tooFewTrajectories(1))) {
      try GlobalSensitivity(scenario: scenario, method: .morris(trajectories: 1, levels: 4))
    }
    #expect(throws: WhatIfError.unknownMethod("sobel")) {
      try GlobalSensitivity.Method(
        named: "sobel", baseSamples: 8, secondOrder: false, trajectories: 10, levels: 4)
    }
    do {
      _ = try GlobalSensitivity(
        scenario: scenario, method: .sobol(baseSamples: 1 << 26, secondOrder: false))
      Issue.record("a design beyond the output limit ran")
    } catch {
      guard case .designTooLarge(let runs, _, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(runs == (1 << 26) * 4)
    }
    // An empty list of metrics is a mistake, not every metric.
    for empty in ["", " ", "graduates,"] {
      #expect {
        try MetricSelection(parsing: empty)
      } throws: { error in
        guard case WhatIfError.unknownMetric(.metrics, "", _) = error else { return false }
        return true
      }
    }
    // Counts whose runs overflow an Int, and grids far beyond any analysis, are refused.
    #expect(throws: WhatIfError.self) {
      try GlobalSensitivity(scenario: scenario, method: .sobol(baseSamples: 1 << 62, secondOrder: false))
    }
    for levels in [Int.max - 1, 1 << 40, 1_002] {
      #expect(throws: WhatIfError.design(.invalidLevels(levels))) {
        try GlobalSensitivity(scenario: scenario, method: .morris(trajectories: 10, levels: levels))
      }
    }
    #expect(throws: WhatIfError.self) {
      try GlobalSensitivity(scenario: scenario, method: .morris(trajectories: Int.max, levels: 4))
    }
    // A range with no probability inside the target's domain.
    let outside = try Self.steady([
      UncertainSpec(
        target: .completion(track: "college"), distribution: .uniform(lower: 1.1, upper: 1.3))
    ])
    #expect(throws: WhatIfError.uncertainEntry(
      index: 0, .domainWithoutProbability(input: "tracks.college.completion", lower: 0, upper: 1))) {
      try GlobalSensitivity(scenario: outside, method: .sobol)
    }
    // The message names the entry by its place in the file's list.
    #expect(WhatIfError.uncertainEntry(
      index: 0, .domainWithoutProbability(input: "tracks.college.completion", lower: 0, upper: 1))
      .description.hasPrefix("uncertain[0]: uncertain input 'tracks.college.completion'"))
    #expect(throws: WhatIfError.badYears("2030-2026")) {
      try GlobalSensitivity.years(parsing: "2030-2026")
    }
    #expect(try GlobalSensitivity.years(parsing: " 2026-2030 ") == 2026...2030)
    #expect(try GlobalSensitivity.years(parsing: "2030") == 2030...2030)
    #expect(try GlobalSensitivity.years(parsing: "2026...2030") == 2026...2030)
  }

  /// Every long row names its input in `key`, and intervals are their own statistics.
  @Test func theLongTableIsSafeToPivot() throws {
    let result = try GlobalSensitivity(
      scenario: Self.steady(), method: .sobol(baseSamples: 64, secondOrder: true),
      metrics: try MetricSelection(parsing: "unplaced"), years: 2025...2025
    ).run()
    let long = result.longTable
    #expect(long.columns.map(\.name) == LongTable.columns)
    let keys = long.rows.map { $0[3] }
    #expect(!keys.contains(.text("")) && keys.contains(.text("tracks.college.completion & sectors.studio.capacity")))
    let statistics = Set(long.rows.compactMap { row -> String? in
      if case .text(let name) = row[5] { return name }
      return nil
    })
    #expect(
      statistics
        == ["S1", "S1_conf", "S1_low", "S1_high", "ST", "ST_conf", "ST_low", "ST_high", "S2",
          "S2_conf", "S2_low", "S2_high"])
    // 2 S1 + 2 ST + 1 S2, four statistics each.
    #expect(long.rows.count == 5 * 4)
  }
}
