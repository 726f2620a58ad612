import Testing

@testable import Forecast

/// An input and the exact text it must render to.
struct RenderCase<Input: Sendable>: CustomTestStringConvertible, Sendable {
  let name: String
  let input: Input
  let expected: String
  var testDescription: String { name }

  init(_ name: String, _ input: Input, _ expected: String) {
    self.name = name
    self.input = input
    self.expected = expected
  }
}

@Suite struct TableRenderingTests {
  static let sample = Table(
    title: "Employment by sector",
    columns: [.text("sector"), .integer("jobs"), .number("growth")],
    rows: [
      [.text("Retail"), .integer(12_700_000), .number(0.0153)],
      [.text("Mining | quarrying"), .integer(654_321), .number(-0.0021)],
      [.text("Other, \"misc\""), .empty, .number(.nan)],
    ])

  static let expected: [OutputFormat: String] = [
    .text: """
      Employment by sector
      sector                  jobs   growth
      ------------------  --------  -------
      Retail              12700000   0.0153
      Mining | quarrying    654321  -0.0021
      Other, "misc"                     NaN

      """,
    .markdown: """
      Employment by sector

      | sector              |     jobs |  growth |
      | ------------------- | -------: | ------: |
      | Retail              | 12700000 |  0.0153 |
      | Mining \\| quarrying |   654321 | -0.0021 |
      | Other, "misc"       |          |     NaN |

      """,
    .csv: #"""
      sector,jobs,growth
      Retail,12700000,0.0153
      Mining | quarrying,654321,-0.0021
      "Other, ""misc""",,

      """#,
    .tsv: "sector\tjobs\tgrowth\n" + "Retail\t12700000\t0.0153\n"
      + "Mining | quarrying\t654321\t-0.0021\n" + "\"Other, \"\"misc\"\"\"\t\t\n",
    .json: """
      [
        {"sector": "Retail", "jobs": 12700000, "growth": 0.0153},
        {"sector": "Mining | quarrying", "jobs": 654321, "growth": -0.0021},
        {"sector": "Other, \\"misc\\"", "jobs": null, "growth": null}
      ]

      """,
  ]

  @Test(arguments: OutputFormat.allCases)
  func sampleTable(_ format: OutputFormat) {
    #expect(Self.sample.rendered(as: format) == Self.expected[format])
  }

  @Test func textWithThousandsSeparators() {
    let text = Self.sample.renderedText(style: .init(thousandsSeparators: true))
    #expect(
      text == """
        Employment by sector
        sector                    jobs   growth
        ------------------  ----------  -------
        Retail              12,700,000   0.0153
        Mining | quarrying     654,321  -0.0021
        Other, "misc"                       NaN

        """)
  }

  @Test func textWithoutTitleOrRows() {
    let table = Table(columns: [.number("x"), .text("a long name")], rows: [])
    #expect(table.renderedText() == "x  a long name\n-  -----------\n")
    #expect(table.renderedMarkdown() == "|   x | a long name |\n| --: | ----------- |\n")
    #expect(table.renderedCSV() == "x,a long name\n")
    #expect(table.renderedJSON() == "[]\n")
  }

  @Test func textLineEndsInsideCells() {
    let table = Table(columns: [.text("note")], rows: [[.text("a\tb\r\nc\nd")]])
    #expect(table.renderedText() == "note\n-------\na b c d\n")
    #expect(table.renderedMarkdown() == "| note          |\n| ------------- |\n| a\tb<br>c<br>d |\n")
    #expect(table.renderedTSV() == "note\na b c d\n")
    #expect(table.renderedCSV() == "note\n\"a\tb\r\nc\nd\"\n")
  }

  struct Styled: Sendable {
    let value: Double
    let style: Table.TextStyle
    init(_ value: Double, _ style: Table.TextStyle = .init()) {
      self.value = value
      self.style = style
    }
  }

  static let counts = Table.TextStyle(thousandsSeparators: true)
  static let numberCases: [RenderCase<Styled>] = [
    RenderCase("small fixed", Styled(0.0153), "0.0153"),
    RenderCase("six digits", Styled(3.14159265358979), "3.14159"),
    RenderCase("three digits", Styled(3.14159265358979, .init(significantDigits: 3)), "3.14"),
    RenderCase("integral", Styled(100), "100"),
    RenderCase("largest fixed", Styled(123_456), "123456"),
    RenderCase("large is scientific", Styled(1_234_567), "1.23457e+06"),
    RenderCase("count is scientific without separators", Styled(12_700_000), "1.27e+07"),
    RenderCase("smallest fixed", Styled(0.0001), "0.0001"),
    RenderCase("small is scientific", Styled(0.00001), "1e-05"),
    RenderCase("tiny", Styled(2.5e-300), "2.5e-300"),
    RenderCase("rounding carries into the exponent", Styled(9.9999996), "10"),
    RenderCase("negative", Styled(-0.5), "-0.5"),
    RenderCase("zero", Styled(0), "0"),
    RenderCase("negative zero", Styled(-0.0), "0"),
    RenderCase("NaN", Styled(.nan), "NaN"),
    RenderCase("infinity", Styled(.infinity), "inf"),
    RenderCase("negative infinity", Styled(-.infinity), "-inf"),
    RenderCase("count", Styled(12_700_000, counts), "12,700,000"),
    RenderCase("count keeps its integer part", Styled(12_345_678.9, counts), "12,345,679"),
    RenderCase("grouped with decimals", Styled(1234.5678, counts), "1,234.57"),
    RenderCase("negative count", Styled(-1_234_567, counts), "-1,234,567"),
    RenderCase("short count", Styled(999, counts), "999"),
    RenderCase("huge count is scientific", Styled(1e20, counts), "1e+20"),
    RenderCase("small with separators", Styled(0.00001, counts), "1e-05"),
  ]

  @Test(arguments: numberCases)
  func numberText(_ c: RenderCase<Styled>) {
    #expect(c.input.style.format(c.input.value) == c.expected)
  }

  @Test func integerText() {
    #expect(Self.counts.format(1_234_567) == "1,234,567")
    #expect(Self.counts.format(-1000) == "-1,000")
    #expect(Self.counts.format(100) == "100")
    #expect(Self.counts.format(Int.min) == "-9,223,372,036,854,775,808")
    #expect(Table.TextStyle().format(1_234_567) == "1234567")
  }

  static let csvFieldCases: [RenderCase<String>] = [
    RenderCase("plain", "Retail", "Retail"),
    RenderCase("empty", "", ""),
    RenderCase("spaces kept", " a b ", " a b "),
    RenderCase("comma", "a,b", "\"a,b\""),
    RenderCase("quote", "say \"hi\"", "\"say \"\"hi\"\"\""),
    RenderCase("only a quote", "\"", "\"\"\"\""),
    RenderCase("LF", "a\nb", "\"a\nb\""),
    RenderCase("CR", "a\rb", "\"a\rb\""),
    RenderCase("CRLF", "a\r\nb", "\"a\r\nb\""),
    RenderCase("tab is not quoted", "a\tb", "a\tb"),
    RenderCase("unicode", "Île-de-France", "Île-de-France"),
  ]

  @Test(arguments: csvFieldCases)
  func csvField(_ c: RenderCase<String>) {
    let table = Table(columns: [.text(c.input)], rows: [[.text(c.input)]])
    #expect(table.renderedCSV() == "\(c.expected)\n\(c.expected)\n")
  }

  static let tsvFieldCases: [RenderCase<String>] = [
    RenderCase("plain", "Retail", "Retail"),
    RenderCase("comma is not quoted", "a,b", "a,b"),
    RenderCase("tab becomes a space", "a\tb", "a b"),
    RenderCase("line ends become spaces", "a\nb\r\nc\rd", "a b c d"),
    RenderCase("quote", "say \"hi\"", "\"say \"\"hi\"\"\""),
  ]

  @Test(arguments: tsvFieldCases)
  func tsvField(_ c: RenderCase<String>) {
    let table = Table(columns: [.text(c.input)], rows: [[.text(c.input)]])
    #expect(table.renderedTSV() == "\(c.expected)\n\(c.expected)\n")
  }

  static let jsonStringCases: [RenderCase<String>] = [
    RenderCase("plain", "Retail", #""Retail""#),
    RenderCase("empty", "", "\"\""),
    RenderCase("quote", "say \"hi\"", #""say \"hi\"""#),
    RenderCase("backslash", #"C:\data"#, #""C:\\data""#),
    RenderCase("short escapes", "\u{08}\u{0C}\n\r\t", #""\b\f\n\r\t""#),
    RenderCase("other control characters", "\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001F""#),
    RenderCase("DEL and slash kept", "\u{7F}/", "\"\u{7F}/\""),
    RenderCase("unicode kept", "Île-de-France, 東京, 🇫🇷", "\"Île-de-France, 東京, 🇫🇷\""),
    RenderCase("line separator kept", "a\u{2028}b", "\"a\u{2028}b\""),
  ]

  @Test(arguments: jsonStringCases)
  func jsonString(_ c: RenderCase<String>) {
    let table = Table(columns: [.text(c.input)], rows: [[.text(c.input)]])
    #expect(table.renderedJSON() == "[\n  {\(c.expected): \(c.expected)}\n]\n")
  }

  static let roundTripCases: [RenderCase<Double>] = [
    RenderCase("0.1", 0.1, "0.1"),
    RenderCase("integral", 12_700_000, "12700000"),
    RenderCase("negative integral", -42, "-42"),
    RenderCase("2^53", 9_007_199_254_740_992, "9007199254740992"),
    RenderCase("2^53 + 2", 9_007_199_254_740_994, "9.007199254740994e+15"),
    RenderCase("1e16", 1e16, "1e+16"),
    RenderCase("1e-05", 0.00001, "1e-05"),
    RenderCase("1e-300", 1e-300, "1e-300"),
    RenderCase("smallest subnormal", .leastNonzeroMagnitude, "5e-324"),
    RenderCase("smallest normal", .leastNormalMagnitude, "2.2250738585072014e-308"),
    RenderCase("largest", .greatestFiniteMagnitude, "1.7976931348623157e+308"),
    RenderCase("zero", 0, "0"),
    RenderCase("negative zero", -0.0, "-0.0"),
    RenderCase("0.1 + 0.2", 0.1 + 0.2, "0.30000000000000004"),
    RenderCase("one third", 1.0 / 3.0, "0.3333333333333333"),
  ]

  @Test(arguments: roundTripCases)
  func csvNumberRoundTrips(_ c: RenderCase<Double>) throws {
    let table = Table(columns: [.number("x")], rows: [[.number(c.input)]])
    #expect(table.renderedCSV() == "x\n\(c.expected)\n")
    #expect(table.renderedJSON() == "[\n  {\"x\": \(c.expected)}\n]\n")
    let parsed = try #require(Double(c.expected))
    #expect(parsed.bitPattern == c.input.bitPattern)
  }

  @Test func randomDoublesRoundTripThroughCSV() throws {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var values: [Double] = []
    while values.count < 5000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Double(bitPattern: state ^ (state >> 31))
      if value.isFinite { values.append(value) }
    }
    let table = Table(columns: [.number("x")], rows: values.map { [.number($0)] })
    let lines = table.renderedCSV().split(separator: "\n").dropFirst()
    let parsed = lines.map { Double(String($0)) }
    #expect(parsed.map { $0?.bitPattern } == values.map { $0.bitPattern })
    // The reader reads the writer's output back bit for bit too.
    let read = try CSVReader.parse(Array(table.renderedCSV().utf8), source: "out.csv")
    #expect(read.numericColumn(named: "x")?.map(\.bitPattern) == values.map(\.bitPattern))
  }

  @Test func nanAndInfinities() throws {
    let table = Table(
      columns: [.number("x"), .integer("n")],
      rows: [[.number(.nan), .empty], [.number(.infinity), .integer(1)], [.number(-.infinity), .empty]])
    #expect(table.renderedCSV() == "x,n\n,\ninf,1\n-inf,\n")
    #expect(table.renderedTSV() == "x\tn\n\t\ninf\t1\n-inf\t\n")
    #expect(
      table.renderedJSON()
        == "[\n  {\"x\": null, \"n\": null},\n  {\"x\": null, \"n\": 1},\n  {\"x\": null, \"n\": null}\n]\n")
    #expect(table.renderedText() == "   x  n\n----  -\n NaN\n inf  1\n-inf\n")
    // The CSV reader reads NaN back as missing and the infinities as numbers.
    let read = try CSVReader.parse(Array(table.renderedCSV().utf8), source: "out.csv")
    let x = try #require(read.numericColumn(named: "x"))
    #expect(x[0].isNaN && x[1] == .infinity && x[2] == -.infinity)
  }

  @Test func markdownEscapesPipesAndBackslashes() {
    let table = Table(
      title: "a | b", columns: [.text("x|y")], rows: [[.text(#"C:\data | raw"#)]])
    #expect(
      table.renderedMarkdown() == """
        a \\| b

        | x\\|y            |
        | --------------- |
        | C:\\\\data \\| raw |

        """)
  }
}

/// `BalanceMetric.row` is each metric's place in the table's order.
@Test func balanceMetricRowsFollowTheTableOrder() {
  #expect(BalanceMetric.allCases.map(\.row) == Array(BalanceMetric.allCases.indices))
  #expect(RunTable.balance.valueColumns == BalanceMetric.names)
}
