import Testing

@testable import Forecast

/// Sectors that must be rejected, the error and words of its message.
struct DemandErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let sector: DemandSector
  let paths: Int
  let error: DemandError
  let message: [String]
  var testDescription: String { name }

  static let all: [DemandErrorCase] = [
    .init(
      name: "negative capacity given", sector: .init(
        name: "drones", specification: .capacity([2025: [10], 2026: [-5]])),
      paths: 1, error: .negativeCapacity(sector: "drones", year: 2026, path: 0, value: -5),
      message: ["drones", "2026", "negative"]),
    .init(
      name: "negative capacity on one path", sector: .init(
        name: "drones", specification: .capacity([2025: [10, -1], 2026: [1]])),
      paths: 2, error: .negativeCapacity(sector: "drones", year: 2025, path: 1, value: -1),
      message: ["drones", "2025", "negative"]),
    .init(
      name: "negative replacement", sector: .init(
        name: "CNC", specification: .employment(
          baseEmployment: [100], growth: [2025: [0], 2026: [0]],
          replacement: [2025: [0.1], 2026: [-0.1]], graduateShare: [2025: [0.5], 2026: [0.5]])),
      paths: 1, error: .negativeCapacity(sector: "CNC", year: 2026, path: 0, value: -5),
      message: ["CNC", "2026"]),
    .init(
      name: "missing growth", sector: .init(
        name: "CNC", specification: .employment(
          baseEmployment: [100], growth: [2025: [0]],
          replacement: [2025: [0.1], 2026: [0.1]], graduateShare: [2025: [0.5], 2026: [0.5]])),
      paths: 1, error: .missingValue(sector: "CNC", parameter: .growth, year: 2026),
      message: ["CNC", "growth", "2026"]),
    .init(
      name: "missing capacity", sector: .init(name: "x", specification: .capacity([2026: [1]])),
      paths: 1, error: .missingValue(sector: "x", parameter: .capacity, year: 2025),
      message: ["x", "capacity", "2025"]),
  ]
}

@Suite struct DemandErrorTests {
  @Test(arguments: DemandErrorCase.all)
  func rejected(_ c: DemandErrorCase) {
    let engine = DemandEngine(baseYear: 2024, horizon: 2, sectors: [c.sector])
    #expect(throws: c.error) { try engine.run(paths: c.paths) }
    for word in c.message {
      #expect("\(c.error)".contains(word), "\"\(c.error)\" lacks \"\(word)\"")
    }
  }

  /// With problems in two sectors, the earliest year's is reported, whatever the sector order.
  @Test func earliestYearFirst() {
    let engine = DemandEngine(
      baseYear: 2024, horizon: 2,
      sectors: [
        .init(name: "late", specification: .capacity([2025: [1], 2026: [-2]])),
        .init(name: "early", specification: .capacity([2025: [-1], 2026: [1]])),
      ])
    #expect(throws: DemandError.negativeCapacity(sector: "early", year: 2025, path: 0, value: -1)) {
      try engine.run()
    }
  }
}
