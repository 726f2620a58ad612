import Foundation
import Testing

@testable import Forecast

/// Sweep grid points side by side (`Sweep.runSideBySide`, `Simulation.runPointsSideBySide`)
/// and each on its own give the same tables and warnings, bit for bit: on one path, and on 70
/// and 130 paths (neither a whole number of blocks of 64), with an axis on a continuation
/// share's driver (batches of one value of it) and points whose draws are clamped.
@Suite struct SweepSideBySideTests {
  static func sweep(paths: Int, clamped: Bool = false) throws -> Sweep {
    var scenario = try SensitivityPreparationTests.scenario(paths: paths)
    let share = ShockTarget.graduateShare(sector: "ai_trainer")
    if clamped {
      // Drawn around 0.8 and scaled by up to 1.2: past 1 on some paths of some points.
      scenario.shocks.append(
        ShockSpec(
          target: share, from: scenario.info.baseYear + 1, operation: .set, value: 0.8, sd: 0.1))
    }
    return try Sweep(
      scenario: scenario,
      axes: [
        SweepAxis(target: share, values: clamped ? [0.9, 1.0, 1.2] : [0.8, 1.0, 1.1]),
        SweepAxis(target: .driver("pg_share"), values: [0.9, 1.1]),
        SweepAxis(target: .growth(sector: "other_brands"), values: [0.5, 1.5]),
      ],
      operation: .scale)
  }

  static func same(_ sweep: Sweep) throws {
    #expect(sweep.sharedPreparation(data: try sweep.data()) != nil)
    let side = try sweep.run(sideBySide: true)
    let own = try sweep.run(sideBySide: false)
    let different = zip(side.points, own.points).enumerated().flatMap { index, pair in
      zip(pair.0.statistics, pair.1.statistics).enumerated().compactMap { cell, values in
        values.0.bitPattern == values.1.bitPattern
          ? nil : "point \(index) cell \(cell): \(values.0) != \(values.1)"
      }
    }
    #expect(different.isEmpty, "\(different.count) statistics differ, first \(different.prefix(3))")
    #expect(side.points.map(\.warnings) == own.points.map(\.warnings))
    #expect(side.table.renderedCSV() == own.table.renderedCSV())
    #expect(side.longTable.renderedCSV() == own.longTable.renderedCSV())
    #expect(side.warnings == own.warnings)
  }

  @Test(arguments: [1, 70, 130]) func sideBySideGivesTheSameBytes(paths: Int) throws {
    let sweep = try Self.sweep(paths: paths)
    // pg_share sets a continuation share: batches of one of its values, 6 points each.
    let batches = sweep.sideBySideBatches(0..<sweep.pointCount)
    #expect(batches.map(\.count) == [6, 6])
    // The batches do run side by side rather than falling back to one run per point.
    let data = try sweep.data()
    let shared = try #require(sweep.sharedPreparation(data: data))
    for batch in batches {
      let values = (0..<3).map { a in batch.map { sweep.point($0)[a] } }
      #expect(
        Simulation(scenario: sweep.scenario(at: batch[0])).runPointsSideBySide(
          added: 3, values: values, data: data, prepared: shared) != nil)
    }
    try Self.same(sweep)
  }

  @Test func clampedPointsWarnAsOnTheirOwn() throws {
    let sweep = try Self.sweep(paths: 70, clamped: true)
    let result = try sweep.run(sideBySide: true)
    #expect(result.warnings.contains { $0.contains("clamped") }, "\(result.warnings)")
    try Self.same(sweep)
  }
}
