import Testing

@testable import Forecast

struct YieldCase: CustomTestStringConvertible, Sendable {
  let name: String
  let completion: Double
  let progression: [Double]
  let yield: Double
  var testDescription: String { name }

  static let all: [YieldCase] = [
    .init(name: "one-year track", completion: 0.9, progression: [], yield: 0.9),
    .init(name: "bachelor", completion: 0.8, progression: [0.9, 0.95, 1], yield: 0.684),
    .init(name: "no attrition", completion: 1, progression: [1, 1], yield: 1),
  ]
}

@Suite struct CohortYieldTests {
  // A product of ≤ 4 short decimals: exact to a few ulps, 1e-15 relative.
  @Test(arguments: YieldCase.all)
  func yieldAndInverse(_ c: YieldCase) throws {
    let y = CohortYield.yield(completion: c.completion, progression: c.progression)
    #expect(isClose(y, c.yield, 1e-15))
    let back = try CohortYield.completion(yield: y, progression: c.progression, track: c.name)
    #expect(isClose(back, c.completion, 1e-15))
  }

  @Test func zeroProgressionThrows() {
    #expect(throws: CohortError.zeroProgressionProduct(track: "phd")) {
      try CohortYield.completion(yield: 0.5, progression: [0.9, 0], track: "phd")
    }
  }
}
