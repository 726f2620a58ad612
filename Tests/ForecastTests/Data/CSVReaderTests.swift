import Foundation
import Testing

@testable import Forecast

/// A CSV text and the table it must give.
struct CSVParseCase: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let names: [String]
  let columns: [DataTable.Column]
  var testDescription: String { name }

  init(_ name: String, _ csv: String, names: [String], columns: [DataTable.Column]) {
    self.name = name
    self.bytes = Array(csv.utf8)
    self.names = names
    self.columns = columns
  }
}

/// A CSV input and the exact message of the error it must raise.
struct CSVErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let message: String
  var testDescription: String { name }

  init(_ name: String, _ csv: String, _ message: String) {
    self.init(name, bytes: Array(csv.utf8), message)
  }

  init(_ name: String, bytes: [UInt8], _ message: String) {
    self.name = name
    self.bytes = bytes
    self.message = message
  }
}

/// True when both columns have the same kind and cells, NaN matching NaN and -0.0 not matching 0.
func sameCells(_ a: DataTable.Column, _ b: DataTable.Column) -> Bool {
  switch (a, b) {
  case (.numeric(let x), .numeric(let y)):
    return x.count == y.count
      && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
  case (.text(let x, let i), .text(let y, let j)):
    return x == y && i == j
  default:
    return false
  }
}

@Suite struct CSVReaderTests {
  static let nan = Double.nan

  static let parseCases: [CSVParseCase] = [
    CSVParseCase(
      "LF line ends", "a,b\n1,2\n3,4\n", names: ["a", "b"],
      columns: [.numeric([1, 3]), .numeric([2, 4])]),
    CSVParseCase(
      "no trailing newline", "a,b\n1,2\n3,4", names: ["a", "b"],
      columns: [.numeric([1, 3]), .numeric([2, 4])]),
    CSVParseCase(
      "CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", names: ["a", "b"],
      columns: [.numeric([1, 3]), .numeric([2, 4])]),
    CSVParseCase(
      "lone CR line ends", "a,b\r1,2\r3,4", names: ["a", "b"],
      columns: [.numeric([1, 3]), .numeric([2, 4])]),
    CSVParseCase(
      "UTF-8 byte-order mark", "\u{FEFF}year,jobs\n2024,12700000\n", names: ["year", "jobs"],
      columns: [.numeric([2024]), .numeric([12_700_000])]),
    CSVParseCase(
      "header names trimmed", " year ,\tjobs\t\n2024,1\n", names: ["year", "jobs"],
      columns: [.numeric([2024]), .numeric([1])]),
    CSVParseCase(
      "quoted header name with a comma", "\"jobs, total\",b\n1,2\n", names: ["jobs, total", "b"],
      columns: [.numeric([1]), .numeric([2])]),
    CSVParseCase(
      "quoted fields: comma, newline, CRLF, escaped quotes",
      "name,v\n\"Smith, J\",1\n\"line1\nline2\",2\n\"say \"\"hi\"\"\",3\n\"a\r\nb\",4\n\"\",5\n",
      names: ["name", "v"],
      columns: [
        .text(["Smith, J", "line1\nline2", "say \"hi\"", "a\r\nb", ""], firstText: 0),
        .numeric([1, 2, 3, 4, 5]),
      ]),
    CSVParseCase(
      "spaces around quotes", "a,b\n \"x,y\" , 2\n", names: ["a", "b"],
      columns: [.text(["x,y"], firstText: 0), .numeric([2])]),
    CSVParseCase(
      "quoted numbers are numbers", "a,b\n\"1.5\",\" 2 \"\n", names: ["a", "b"],
      columns: [.numeric([1.5]), .numeric([2])]),
    CSVParseCase(
      "spaces and tabs around numbers", "a,b\n  1.5 ,\t-2e3\t\n", names: ["a", "b"],
      columns: [.numeric([1.5]), .numeric([-2000])]),
    CSVParseCase(
      "number forms", "a\n+1\n.5\n5.\n1E+2\n-0\n", names: ["a"],
      columns: [.numeric([1, 0.5, 5, 100, -0.0])]),
    CSVParseCase(
      "infinities", "a\ninf\n-Infinity\n+INF\n", names: ["a"],
      columns: [.numeric([.infinity, -.infinity, .infinity])]),
    CSVParseCase(
      "overflow and underflow follow strtod", "a\n1e400\n-1e400\n1e-400\n", names: ["a"],
      columns: [.numeric([.infinity, -.infinity, 0])]),
    CSVParseCase(
      "missing values", "x,y\n,1\nNA,2\nN/A,3\nNaN,4\nnan,5\nnull,6\nNULL,7\n \"\" ,8\n",
      names: ["x", "y"],
      columns: [.numeric(Array(repeating: nan, count: 8)), .numeric([1, 2, 3, 4, 5, 6, 7, 8])]),
    CSVParseCase(
      "missing values between numbers", "a,b\n1,NA\n,2\n3,\n", names: ["a", "b"],
      columns: [.numeric([1, nan, 3]), .numeric([nan, 2, nan])]),
    CSVParseCase(
      "text column keeps every cell as written", "status,v\n1.50,1\nverified,2\nNA,3\n",
      names: ["status", "v"],
      columns: [.text(["1.50", "verified", "NA"], firstText: 1), .numeric([1, 2, 3])]),
    CSVParseCase(
      "partial number is text", "a\n1\n12abc\n", names: ["a"],
      columns: [.text(["1", "12abc"], firstText: 1)]),
    CSVParseCase(
      "hexadecimal, thousands separators and other spellings are text",
      "a,b,c,d\n0x10,\"1,000\",NAN,-nan\n", names: ["a", "b", "c", "d"],
      columns: [
        .text(["0x10"], firstText: 0), .text(["1,000"], firstText: 0),
        .text(["NAN"], firstText: 0), .text(["-nan"], firstText: 0),
      ]),
    CSVParseCase(
      "bare quote inside an unquoted field is text", "a\nsay \"hi\"\n", names: ["a"],
      columns: [.text(["say \"hi\""], firstText: 0)]),
    CSVParseCase(
      "header and no rows", "a,b\n", names: ["a", "b"], columns: [.numeric([]), .numeric([])]),
    CSVParseCase(
      "header without newline and no rows", "a", names: ["a"], columns: [.numeric([])]),
    CSVParseCase(
      "blank lines are skipped", "\n\na,b\n\n1,2\r\n\r\n3,4\n\n\n", names: ["a", "b"],
      columns: [.numeric([1, 3]), .numeric([2, 4])]),
    CSVParseCase(
      "empty last field", "a,b\n1,\n2,", names: ["a", "b"],
      columns: [.numeric([1, 2]), .numeric([nan, nan])]),
    CSVParseCase(
      "UTF-8 text", "région,n\nÎle-de-France,1\n", names: ["région", "n"],
      columns: [.text(["Île-de-France"], firstText: 0), .numeric([1])]),
  ]

  @Test(arguments: parseCases)
  func parses(_ c: CSVParseCase) throws {
    let table = try CSVReader.parse(c.bytes, source: "data.csv")
    #expect(table.source == "data.csv")
    #expect(table.names == c.names)
    #expect(table.columns.count == c.columns.count)
    for (got, expected) in zip(table.columns, c.columns) {
      #expect(sameCells(got, expected), "got \(got), expected \(expected)")
    }
  }

  static let errorCases: [CSVErrorCase] = [
    CSVErrorCase(
      "empty file", "", "data.csv: the file is empty; expected a header row of column names"),
    CSVErrorCase(
      "byte-order mark only", "\u{FEFF}",
      "data.csv: the file is empty; expected a header row of column names"),
    CSVErrorCase(
      "blank lines only", "\n\r\n\n",
      "data.csv: the file is empty; expected a header row of column names"),
    CSVErrorCase(
      "empty column name", "a,,c\n1,2,3\n",
      "data.csv: line 1: column 2 of the header has an empty name"),
    CSVErrorCase(
      "blank column name", "a,b,  \n",
      "data.csv: line 1: column 3 of the header has an empty name"),
    CSVErrorCase(
      "header line number after blank lines", "\n\na,\n",
      "data.csv: line 3: column 2 of the header has an empty name"),
    CSVErrorCase(
      "duplicate column name", "year,jobs,year\n",
      "data.csv: line 1: columns 1 and 3 of the header are both named \"year\""),
    CSVErrorCase(
      "duplicate once trimmed", "a,year, year \n",
      "data.csv: line 1: columns 2 and 3 of the header are both named \"year\""),
    CSVErrorCase(
      "too many fields", "a,b,c,d,e\n" + String(repeating: "1,2,3,4,5\n", count: 5) + "1,2,3,4,5,6\n",
      "data.csv: line 7: expected 5 fields as in the header, found 6"),
    CSVErrorCase(
      "too few fields", "a,b\n1,2\n1\n", "data.csv: line 3: expected 2 fields as in the header, found 1"),
    CSVErrorCase(
      "one-column header", "a\n1,2\n", "data.csv: line 2: expected 1 field as in the header, found 2"),
    CSVErrorCase(
      "line counts newlines inside quotes", "a,b\n\"x\ny\",1\n2\n",
      "data.csv: line 4: expected 2 fields as in the header, found 1"),
    CSVErrorCase(
      "line counts CRLF once", "a,b\r\n1,2\r\n\r\n3\r\n",
      "data.csv: line 4: expected 2 fields as in the header, found 1"),
    CSVErrorCase(
      "unterminated quoted field", "a,b\n1,2\n\"abc,3\n4,5\n",
      "data.csv: line 3: a quoted field starts here and has no closing quote"),
    CSVErrorCase(
      "unterminated quoted header", "a,\"b\n",
      "data.csv: line 1: a quoted field starts here and has no closing quote"),
    CSVErrorCase(
      "text after closing quote", "a,b\n1,\"x\"y z,2\n",
      "data.csv: line 2: expected a comma or the end of the line after the closing quote of field 2, found \"y z\""),
    CSVErrorCase(
      "invalid UTF-8 in header", bytes: Array("a,".utf8) + [0xFF, 0x62] + Array("\n1,2\n".utf8),
      "data.csv: line 1: column 2 of the header is not valid UTF-8"),
  ]

  @Test(arguments: errorCases)
  func rejects(_ c: CSVErrorCase) {
    do {
      let table = try CSVReader.parse(c.bytes, source: "data.csv")
      Issue.record("expected an error, got \(table.names) with \(table.rowCount) rows")
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func missingFile() {
    let path = "/nonexistent-forecast-dir/data.csv"
    #expect(throws: CSVError.fileNotFound(file: path)) { try CSVReader.read(contentsOf: path) }
    #expect(CSVError.fileNotFound(file: path).description == "\(path): file not found")
  }

  @Test func unreadableFile() {
    // A directory opens but cannot be read; the message is the system's.
    #expect(throws: CSVError.unreadable(file: "/", reason: "Is a directory")) {
      try CSVReader.read(contentsOf: "/")
    }
    #expect(
      CSVError.unreadable(file: "/", reason: "Is a directory").description
        == "/: cannot read the file: Is a directory")
  }

  @Test func readsFileLikeParse() throws {
    let csv = "\u{FEFF}year,jobs,status\r\n2024,12700000,final\r\n2025,NA,\"draft, v2\"\r\n"
    let path = "/tmp/forecast-csvreader-\(UInt64.random(in: 0...UInt64.max)).csv"
    try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let table = try CSVReader.read(contentsOf: path)
    #expect(table.source == path)
    #expect(table.names == ["year", "jobs", "status"])
    #expect(table.rowCount == 2)
    #expect(sameCells(table.columns[1], .numeric([12_700_000, .nan])))
    #expect(table.column(named: "status") == .text(["final", "draft, v2"], firstText: 0))
  }

  static let exactNumbers: [(text: String, value: Double)] = [
    ("0.1", 0.1),
    ("1e-300", 1e-300),
    ("5e-324", .leastNonzeroMagnitude),
    ("4.9406564584124654e-324", .leastNonzeroMagnitude),
    ("2.2250738585072014e-308", 2.2250738585072014e-308),
    ("-0.0", -0.0),
    ("1.7976931348623157e308", 1.7976931348623157e308),
    ("0.30000000000000004", 0.30000000000000004),
    ("9007199254740993", 9_007_199_254_740_992),  // ties to even
    ("123456789012345678901234567890", 1.2345678901234568e29),
  ]

  @Test func numbersParseExactly() throws {
    let csv = "x\n" + Self.exactNumbers.map(\.text).joined(separator: "\n")
    let table = try CSVReader.parse(Array(csv.utf8), source: "data.csv")
    let parsed = try #require(table.numericColumn(named: "x"))
    for (got, expected) in zip(parsed, Self.exactNumbers) {
      #expect(got.bitPattern == expected.value.bitPattern, "\(expected.text) gave \(got)")
    }
  }

  @Test func longNumberTakesTheSlowPath() throws {
    let text = "0." + String(repeating: "0", count: 300) + "1"
    let table = try CSVReader.parse(Array("x\n\(text)\n".utf8), source: "data.csv")
    #expect(table.numericColumn(named: "x") == [1e-301])
  }

  @Test func randomDoublesRoundTrip() throws {
    // Seeded bit patterns cover every exponent, subnormals included.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var values: [Double] = []
    while values.count < 5000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Double(bitPattern: state ^ (state >> 29))
      if value.isFinite { values.append(value) }
    }
    let csv = "x,y\n" + values.map { "\($0),\($0)" }.joined(separator: "\r\n")
    let table = try CSVReader.parse(Array(csv.utf8), source: "data.csv")
    let parsed = try #require(table.numericColumn(named: "y"))
    #expect(parsed.map(\.bitPattern) == values.map(\.bitPattern))
  }
}
