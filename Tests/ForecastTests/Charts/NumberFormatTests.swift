import Testing

@testable import Forecast

extension Charts {
  /// Label formatting: grouping, scaled units, percents, one set of decimals per axis.
  @Suite struct NumberFormatTests {
    struct FormatCase: Sendable, CustomTestStringConvertible {
      let name: String
      let format: NumberFormat
      let value: Double
      let text: String
      var testDescription: String { name }
    }

    static let cases: [FormatCase] = [
      FormatCase(
        name: "grouped millions", format: NumberFormat(.grouped), value: 12_700_000,
        text: "12,700,000"),
      FormatCase(
        name: "grouped rounds up a group", format: NumberFormat(.grouped), value: 999.5,
        text: "1,000"),
      FormatCase(
        name: "negative takes U+2212", format: NumberFormat(.grouped), value: -1234.5,
        text: "\u{2212}1,235"),
      FormatCase(
        name: "negative zero is zero", format: NumberFormat(.grouped, decimals: 1),
        value: -0.01, text: "0.0"),
      FormatCase(
        name: "decimal half rounds as written", format: NumberFormat(.grouped, decimals: 2),
        value: 0.145, text: "0.15"),
      FormatCase(
        name: "million as a word", format: NumberFormat(.scaled(.million, .word), decimals: 1),
        value: 12.7e6, text: "12.7 million"),
      FormatCase(
        name: "million as a symbol", format: NumberFormat(.scaled(.million, .symbol), decimals: 1),
        value: 61.2e6, text: "61.2 M"),
      FormatCase(
        name: "million, unit in the title",
        format: NumberFormat(.scaled(.million, .none), decimals: 0), value: 14e6, text: "14"),
      FormatCase(
        name: "thousands", format: NumberFormat(.scaled(.thousand, .symbol)), value: 211_416,
        text: "211 k"),
      FormatCase(
        name: "billions", format: NumberFormat(.scaled(.billion, .word), decimals: 2),
        value: 1.234e9, text: "1.23 billion"),
      FormatCase(
        name: "grouped scaled", format: NumberFormat(.scaled(.thousand, .none)), value: 1_234_567,
        text: "1,235"),
      FormatCase(
        name: "percent, one decimal", format: NumberFormat(.percent, decimals: 1), value: 0.019,
        text: "1.9%"),
      FormatCase(
        name: "percent, two decimals", format: NumberFormat(.percent, decimals: 2),
        value: 0.0190818, text: "1.91%"),
      FormatCase(
        name: "percent, none", format: NumberFormat(.percent), value: 0.5, text: "50%"),
      FormatCase(name: "missing", format: NumberFormat(.grouped), value: .nan, text: "–"),
    ]

    @Test(arguments: cases) func formats(_ c: FormatCase) {
      #expect(c.format.string(c.value) == c.text)
    }

    struct AxisCase: Sendable, CustomTestStringConvertible {
      let name: String
      let style: NumberFormat.Style
      let ticks: [Double]
      let labels: [String]
      var testDescription: String { name }
    }

    static let axisCases: [AxisCase] = [
      AxisCase(
        name: "halves get one decimal each", style: .grouped, ticks: [0, 0.5, 1, 1.5],
        labels: ["0.0", "0.5", "1.0", "1.5"]),
      AxisCase(
        name: "millions stay integers", style: .scaled(.million, .none),
        ticks: [0, 2e6, 4e6, 14e6], labels: ["0", "2", "4", "14"]),
      AxisCase(
        name: "millions by half", style: .scaled(.million, .symbol),
        ticks: [10e6, 12.5e6, 15e6], labels: ["10.0 M", "12.5 M", "15.0 M"]),
      AxisCase(
        name: "coverage in percent", style: .percent, ticks: [0.019, 0.0195, 0.02],
        labels: ["1.90%", "1.95%", "2.00%"]),
      AxisCase(
        name: "large grouped", style: .grouped, ticks: [210_000, 250_000, 290_000],
        labels: ["210,000", "250,000", "290,000"]),
    ]

    @Test(arguments: axisCases) func axisLabelsShareDecimals(_ c: AxisCase) {
      let format = NumberFormat.forAxis(c.style, ticks: c.ticks)
      #expect(c.ticks.map(format.string) == c.labels)
    }

    @Test func automaticMagnitude() {
      #expect(NumberFormat.automaticStyle(largest: 9_999, suffix: .word) == .grouped)
      #expect(
        NumberFormat.automaticStyle(largest: 280_194, suffix: .symbol)
          == .scaled(.thousand, .symbol))
      #expect(
        NumberFormat.automaticStyle(largest: -16.6e6, suffix: .word) == .scaled(.million, .word))
      #expect(
        NumberFormat.automaticStyle(largest: 1.4e9, suffix: .none) == .scaled(.billion, .none))
    }
  }
}
