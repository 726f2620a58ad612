import Testing

@testable import Forecast

extension Charts {
  /// Nice ticks and year ticks against hand-worked cases.
  @Suite struct NiceTicksTests {
    struct TickCase: Sendable, CustomTestStringConvertible {
      let name: String
      let range: ClosedRange<Double>
      let targetCount: Int
      let values: [Double]
      let fractionDigits: Int
      var testDescription: String { name }
    }

    // step = nice(span / (count − 1)), rounded: f < 1.5 → 1, < 3 → 2, < 7 → 5, else 10.
    static let cases: [TickCase] = [
      // 1 / 5 = 0.2 → 2·10⁻¹.
      TickCase(
        name: "unit interval", range: 0...1, targetCount: 6,
        values: [0, 0.2, 0.4, 0.6, 0.8, 1], fractionDigits: 1),
      // 12.7e6 / 5 = 2.54e6 → 2e6; ⌈12.7 / 2⌉ = 7 → 14e6.
      TickCase(
        name: "graduates to 12.7 million", range: 0...12.7e6, targetCount: 6,
        values: [0, 2e6, 4e6, 6e6, 8e6, 10e6, 12e6, 14e6], fractionDigits: 0),
      // 100 / 5 = 20 → 2·10¹.
      TickCase(
        name: "percent scale", range: 0...100, targetCount: 6,
        values: [0, 20, 40, 60, 80, 100], fractionDigits: 0),
      // 7.9 / 5 = 1.58 → 2; ⌊−3.2 / 2⌋ = −2, ⌈4.7 / 2⌉ = 3.
      TickCase(
        name: "straddling zero", range: -3.2...4.7, targetCount: 6,
        values: [-4, -2, 0, 2, 4, 6], fractionDigits: 0),
      // 68,778 / 5 = 13,756 → 1e4; 21 to 29 ten-thousands.
      TickCase(
        name: "capacity, zero excluded", range: 211_416...280_194, targetCount: 6,
        values: [210_000, 220_000, 230_000, 240_000, 250_000, 260_000, 270_000, 280_000, 290_000],
        fractionDigits: 0),
      // 0.0025231 / 4 = 0.00063 → 5·10⁻⁴; 38 to 44 steps, written as exact decimals.
      TickCase(
        name: "coverage ratio", range: 0.0190818...0.0216049, targetCount: 5,
        values: [0.019, 0.0195, 0.02, 0.0205, 0.021, 0.0215, 0.022], fractionDigits: 4),
      // 0.6 / 0.2 is 2.9999...: snapped, so no extra tick below 0.6.
      TickCase(
        name: "ends on ticks", range: 0.6...1.4, targetCount: 5,
        values: [0.6, 0.8, 1, 1.2, 1.4], fractionDigits: 1),
      // An empty range at zero becomes −1…1: 2 / 4 = 0.5.
      TickCase(
        name: "empty range at zero", range: 0...0, targetCount: 5,
        values: [-1, -0.5, 0, 0.5, 1], fractionDigits: 1),
      // 7 / 6 = 1.17 → 1: 0 to 7 by 1 (integers stay integers).
      TickCase(
        name: "small counts", range: 0...7, targetCount: 7,
        values: [0, 1, 2, 3, 4, 5, 6, 7], fractionDigits: 0),
    ]

    @Test(arguments: cases) func ticks(_ c: TickCase) {
      let ticks = NiceTicks(covering: c.range, targetCount: c.targetCount)
      #expect(ticks.values == c.values)
      #expect(ticks.fractionDigits == c.fractionDigits)
      #expect(ticks.domain.lowerBound <= c.range.lowerBound)
      #expect(ticks.domain.upperBound >= c.range.upperBound)
    }

    /// Heckbert's `nicenum`, both roundings.
    @Test func niceNumber() {
      #expect(NiceTicks.niceNumber(12.7, round: false) == 20)
      #expect(NiceTicks.niceNumber(0.25, round: true) == 0.2)
      #expect(NiceTicks.niceNumber(3.2, round: true) == 5)
      #expect(NiceTicks.niceNumber(1.4, round: true) == 1)
      #expect(NiceTicks.niceNumber(7, round: true) == 10)
      #expect(NiceTicks.niceNumber(5, round: false) == 5)
      #expect(NiceTicks.niceNumber(5.1, round: false) == 10)
    }

    struct YearCase: Sendable, CustomTestStringConvertible {
      let name: String
      let years: ClosedRange<Int>
      let maximumCount: Int
      let values: [Int]
      var testDescription: String { name }
    }

    static let yearCases: [YearCase] = [
      YearCase(
        name: "history and projection", years: 2015...2040, maximumCount: 8,
        values: [2015, 2020, 2025, 2030, 2035, 2040]),
      YearCase(
        name: "projection only", years: 2026...2040, maximumCount: 8,
        values: [2026, 2028, 2030, 2032, 2034, 2036, 2038, 2040]),
      YearCase(
        name: "five years", years: 2023...2027, maximumCount: 8,
        values: [2023, 2024, 2025, 2026, 2027]),
      // Steps of 10 give 10 ticks: too many; 20 is the next in 1, 2, 5, 10, 20, 50.
      YearCase(
        name: "a century", years: 1949...2050, maximumCount: 8,
        values: [1960, 1980, 2000, 2020, 2040]),
      YearCase(name: "one year", years: 2025...2025, maximumCount: 8, values: [2025]),
    ]

    @Test(arguments: yearCases) func yearTicks(_ c: YearCase) {
      #expect(YearTicks(years: c.years, maximumCount: c.maximumCount).values == c.values)
    }
  }
}
