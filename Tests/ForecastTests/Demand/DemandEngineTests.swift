import Foundation
import Testing

@testable import Forecast

/// A sector with constant growth, replacement and graduate share over the projection.
struct ConstantGrowthCase: CustomTestStringConvertible, Sendable {
  let name: String
  let base: Double
  let growth: Double
  let replacement: Double
  let graduateShare: Double
  var testDescription: String { name }

  static let all: [ConstantGrowthCase] = [
    .init(name: "AI trainers, fast growth", base: 50_000, growth: 0.25, replacement: 0.05,
      graduateShare: 0.6),
    .init(name: "CNC operators, no growth", base: 120_000, growth: 0, replacement: 0.08,
      graduateShare: 0.3),
    .init(name: "shrinking brand", base: 1_000_000, growth: -0.04, replacement: 0.1,
      graduateShare: 0.2),
  ]
}

func constantSector(_ c: ConstantGrowthCase, years: ClosedRange<Int>) -> DemandSector {
  func each(_ x: Double) -> [Int: [Double]] {
    Dictionary(uniqueKeysWithValues: years.map { ($0, [x]) })
  }
  return DemandSector(
    name: c.name,
    specification: .employment(
      baseEmployment: [c.base], growth: each(c.growth), replacement: each(c.replacement),
      graduateShare: each(c.graduateShare)))
}

@Suite struct DemandEngineTests {
  // E(t) = E0 (1+g)^(t − base) by repeated multiplication against pow: ≤ 10 roundings, so
  // 1e-13 relative. Openings and capacity are two more operations on those: same bound.
  @Test(arguments: ConstantGrowthCase.all)
  func constantGrowth(_ c: ConstantGrowthCase) throws {
    let engine = DemandEngine(
      baseYear: 2024, horizon: 10, sectors: [constantSector(c, years: 2025...2034)])
    let result = try engine.run()
    for year in result.years {
      let t = Double(year - 2024)
      let e = c.base * pow(1 + c.growth, t)
      let previous = c.base * pow(1 + c.growth, t - 1)
      let openings = max(e - previous, 0) + c.replacement * previous
      #expect(isClose(result.employment.value(row: 0, year: year), e, 1e-13))
      #expect(isClose(result.openings.value(row: 0, year: year), openings, 1e-13))
      let capacity = c.graduateShare * openings
      #expect(isClose(result.capacity.value(row: 0, year: year), capacity, 1e-13))
    }
  }

  // Paths carry their own growth: path p grows at g_p, and a single value is shared by all.
  // Exact: the same operations on the same numbers as a one-path run with that growth.
  @Test func growthPerPath() throws {
    let growth = [0.01, 0.05, -0.02]
    let years = 2025...2027
    let sector = DemandSector(
      name: "animation",
      specification: .employment(
        baseEmployment: [10_000],
        growth: Dictionary(uniqueKeysWithValues: years.map { ($0, growth) }),
        replacement: Dictionary(uniqueKeysWithValues: years.map { ($0, [0.07]) }),
        graduateShare: Dictionary(uniqueKeysWithValues: years.map { ($0, [0.5]) })))
    let all = try DemandEngine(baseYear: 2024, horizon: 3, sectors: [sector]).run(paths: 3)
    for (p, g) in growth.enumerated() {
      let one = try DemandEngine(
        baseYear: 2024, horizon: 3,
        sectors: [
          constantSector(
            .init(name: "animation", base: 10_000, growth: g, replacement: 0.07,
              graduateShare: 0.5), years: years)
        ]
      ).run()
      for year in years {
        let capacity = one.capacity.value(row: 0, year: year)
        let employment = one.employment.value(row: 0, year: year)
        #expect(all.capacity.value(row: 0, year: year, path: p) == capacity)
        #expect(all.employment.value(row: 0, year: year, path: p) == employment)
      }
    }
  }

  @Test func capacityGivenDirectly() throws {
    let sector = DemandSector(
      name: "other brands", specification: .capacity([2025: [300, 310], 2026: [320]]))
    let result = try DemandEngine(baseYear: 2024, horizon: 2, sectors: [sector]).run(paths: 2)
    #expect(result.capacity.values(row: 0, year: 2025) == [300, 310])
    #expect(result.capacity.values(row: 0, year: 2026) == [320, 320])
    #expect(result.employment.values(row: 0, year: 2025).allSatisfy { $0.isNaN })
    #expect(result.openings.values(row: 0, year: 2026).allSatisfy { $0.isNaN })
  }
}
