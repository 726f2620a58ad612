import Foundation

@testable import Forecast

/// The well-formed inputs the fuzz tests mutate: the shipped data, the fixtures and the
/// formulas of the formula tests.
enum FuzzSeeds {
  /// The package root, two folders above `Tests/ForecastTests`.
  static let packageRoot = Fixtures.directory
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every CSV file of the NIST fixtures, the scenario fixtures and `Scenarios/data`, plus
  /// small files with quoting, blank lines, CR line ends and missing values.
  static let csvFiles: [[UInt8]] = {
    let folders = [
      Fixtures.url("nist"), Fixtures.url("scenarios/data"),
      packageRoot.appendingPathComponent("Scenarios/data"),
    ]
    var files: [[UInt8]] = []
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".csv") {
        if let data = try? Data(contentsOf: folder.appendingPathComponent(name)) {
          files.append(Array(data))
        }
      }
    }
    let handMade = [
      "year,y,x\n2001,1.5,2\n2002,NA,3\n\n2003,-1e-3,inf\n",
      "\u{FEFF}a, \"b,c\" ,d\r\n1,\"x \"\"quoted\"\"\",3\r2,\"multi\nline\",4",
      "name,value\n\"\",\n\"a\"\"b\",.5\n",
    ]
    return files + handMade.map { Array($0.utf8) }
  }()

  /// Formulas from Tests/ForecastTests/Formula, good and bad, covering every function.
  static let formulas: [String] = [
    "y ~ x", "log(y) ~ x", "logit(p) ~ x", "sqrt(y) ~ year", "exp(y) ~ x", "(log(y)) ~ x",
    "I(log(y)) ~ x", "log(y) / 2 ~ x", "y ~ -1 + x", "y ~ 0 + x", "y ~ -x + z + x", "y ~ 1",
    "y ~ I(1 / x)", "y ~ I(1e-3 * x) + I(.5 + x) + I(2.5E+2 / x)", "y ~ a * b", "y ~ a:b",
    "y ~ a^2", "y ~ diff(x) + x", "y ~ lag(log(x), 1) + diff(x)", "y ~ lag(x, 2)",
    "y ~ lag(x, 1) - 1", "y ~ lag(x, 1.5)", "y ~ lag(x, -1)", "y ~ inv_logit(x) + exp(-x)",
    "y ~ exp(log(x))", "y ~ log(x) + z", "y ~ poly(x, 3)", "y ~ poly(year, 2)",
    "y ~ poly(x, 1 + 1)", "y ~ poly(x, 20)",
    "y ~ log(poly(x, 2))", "y ~ I(sqr(x))", "y ~ I((x + 1)",
    "`enrol rate` ~ `births 18`", "x1 ~ log(status)", "x1 ~ lag(brths, 18)", "y ~ x + $z",
    "logit(enroll_ug / lag(births, 18)) ~ year + I(year^2) + births",
    "  y  ~   log( x2 )  +  I(a  *  b)  ", "y ~ I(-2^2 + 2^-1 + 2^3^2) + x1 + x2 + x3",
  ]

  /// The table the formulas are evaluated over: 20 years with `year` (so lag and diff run by
  /// year), some missing values, a proportion, a column named with a space and a text column.
  static let table: DataTable = {
    let years = (0..<20).map { Double(2000 + $0) }
    func column(_ f: (Double) -> Double) -> DataTable.Column { .numeric(years.map(f)) }
    let names = [
      "year", "y", "x", "z", "a", "b", "p", "births", "enroll_ug", "x1", "x2", "x3",
      "enrol rate", "births 18", "status",
    ]
    let columns: [DataTable.Column] = [
      .numeric(years), column { $0 - 1990 }, column { $0 == 2005 ? .nan : ($0 - 2000) / 3 },
      column { sin($0) }, column { $0.truncatingRemainder(dividingBy: 7) }, column { -$0 },
      column { ($0 - 1999) / 21 }, column { 1600 - ($0 - 2000) * 10 }, column { $0 - 1900 },
      column { $0 * 2 }, column { $0 == 2010 ? .infinity : 1 }, column { _ in 0 },
      column { $0 / 1e3 }, column { $0 / 1e4 },
      .text(years.map { $0 < 2003 ? "\($0)" : "final" }, firstText: 3),
    ]
    return DataTable(source: "fuzz.csv", names: names, columns: columns)
  }()

  /// The scenario fixtures, by path relative to `Fixtures/scenarios`.
  static let scenarioFiles: [String] = {
    let root = Fixtures.url("scenarios")
    let found = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
    return found.filter { $0.hasSuffix(".toml") }.sorted()
  }()

  /// The data files the scenario fixtures read, relative to `Fixtures/scenarios`.
  static let scenarioDataFiles = ["data/births.csv", "data/enrollment.csv", "data/graduates.csv"]
}
