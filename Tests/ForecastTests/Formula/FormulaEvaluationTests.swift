import Foundation
import Testing

@testable import Forecast

/// A constant expression inside I() and its value.
struct ArithmeticCase: CustomTestStringConvertible, Sendable {
  let name: String
  let expression: String
  let value: Double
  var testDescription: String { name }

  static let all: [ArithmeticCase] = [
    ArithmeticCase(name: "^ is right-associative, as in R", expression: "2^3^2", value: 512),
    ArithmeticCase(name: "-2^2 is -(2^2), as in R", expression: "-2^2", value: -4),
    ArithmeticCase(name: "(-2)^2", expression: "(-2)^2", value: 4),
    ArithmeticCase(name: "signed exponent", expression: "2^-1", value: 0.5),
    ArithmeticCase(name: "* before +", expression: "2 * 3 + 4", value: 10),
    ArithmeticCase(name: "- is left-associative", expression: "7 - 2 - 1", value: 4),
    ArithmeticCase(name: "/ is left-associative", expression: "12 / 2 / 3", value: 2),
    ArithmeticCase(name: "exponent literal", expression: "1e-3 * 1000", value: 1),
    ArithmeticCase(name: "leading-dot literal", expression: ".5 * 4", value: 2),
    ArithmeticCase(name: "functions", expression: "log(exp(2)) + sqrt(9)", value: 5),
    ArithmeticCase(name: "logit and inv_logit", expression: "inv_logit(logit(0.25))", value: 0.25),
  ]
}

@Test(arguments: ArithmeticCase.all)
func arithmetic(_ c: ArithmeticCase) throws {
  let table = DataTable(numeric: ["y": [0]])
  let frame = try Formula(parsing: "y ~ I(\(c.expression)) - 1").modelFrame(on: table)
  #expect(abs(frame.design[0, 0] - c.value) <= 1e-12 * max(1, abs(c.value)))
}

/// A formula with lag or diff over a table, and the rows and last design column it gives.
struct LagCase: CustomTestStringConvertible, Sendable {
  let name: String
  let table: DataTable
  let formula: String
  let rows: [Int]
  let column: [Double]
  let droppedForMissing: Int
  let droppedForDomain: Int
  var testDescription: String { name }

  static let all: [LagCase] = [
    LagCase(
      name: "by row without a year column",
      table: DataTable(numeric: ["y": [0, 0, 0, 0], "x": [1, 2, 4, 8]]),
      formula: "y ~ lag(x, 1)", rows: [1, 2, 3], column: [1, 2, 4], droppedForMissing: 1,
      droppedForDomain: 0),
    LagCase(
      name: "diff by row", table: DataTable(numeric: ["y": [0, 0, 0, 0], "x": [1, 2, 4, 8]]),
      formula: "y ~ diff(x)", rows: [1, 2, 3], column: [1, 2, 4], droppedForMissing: 1,
      droppedForDomain: 0),
    LagCase(
      name: "by year with unsorted years",
      table: DataTable(numeric: [
        "year": [2003, 2001, 2002, 2004], "y": [0, 0, 0, 0], "x": [30, 10, 20, 40],
      ]),
      formula: "y ~ lag(x, 1)", rows: [0, 2, 3], column: [20, 10, 30], droppedForMissing: 1,
      droppedForDomain: 0),
    LagCase(
      name: "diff by year with unsorted years",
      table: DataTable(numeric: [
        "year": [2003, 2001, 2002, 2004], "y": [0, 0, 0, 0], "x": [30, 10, 25, 45],
      ]),
      formula: "y ~ diff(x)", rows: [0, 2, 3], column: [5, 15, 15], droppedForMissing: 1,
      droppedForDomain: 0),
    LagCase(
      name: "a gap in the years is missing, not the previous row",
      table: DataTable(numeric: [
        "year": [2000, 2001, 2003, 2004], "y": [0, 0, 0, 0], "x": [1, 2, 4, 8],
      ]),
      formula: "y ~ diff(x)", rows: [1, 3], column: [1, 4], droppedForMissing: 2,
      droppedForDomain: 0),
    LagCase(
      name: "a lag of two years across a gap",
      table: DataTable(numeric: [
        "year": [2000, 2001, 2003, 2004], "y": [0, 0, 0, 0], "x": [1, 2, 4, 8],
      ]),
      formula: "y ~ lag(x, 2)", rows: [2], column: [2], droppedForMissing: 3, droppedForDomain: 0),
    LagCase(
      name: "a missing earlier value is missing",
      table: DataTable(numeric: ["year": [2000, 2001, 2002], "y": [0, 0, 0], "x": [1, .nan, 3]]),
      formula: "y ~ lag(x, 1) - 1", rows: [1], column: [1], droppedForMissing: 2,
      droppedForDomain: 0),
    LagCase(
      name: "lag 0 is the value itself",
      table: DataTable(numeric: ["year": [2000, 2001], "y": [0, 0], "x": [5, 6]]),
      formula: "y ~ lag(x, 0)", rows: [0, 1], column: [5, 6], droppedForMissing: 0,
      droppedForDomain: 0),
    LagCase(
      name: "lag of an expression, out of domain a year earlier",
      table: DataTable(numeric: [
        "year": [2000, 2001, 2002], "y": [0, 0, 0], "x": [-1, 1, exp(1)],
      ]),
      formula: "y ~ lag(log(x), 1)", rows: [2], column: [0], droppedForMissing: 1,
      droppedForDomain: 1),
  ]
}

@Test(arguments: LagCase.all)
func lagAndDiff(_ c: LagCase) throws {
  let frame = try Formula(parsing: c.formula).modelFrame(on: c.table)
  #expect(frame.rows == c.rows)
  #expect(frame.design.rows == c.rows.count)
  #expect(frame.design.column(frame.design.columns - 1) == c.column)
  #expect(frame.droppedForMissing == c.droppedForMissing)
  #expect(frame.droppedForDomain == c.droppedForDomain)
}

/// Rows left out of a fit, and why.
struct DroppedCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let rows: [Int]
  let droppedForMissing: Int
  let droppedForDomain: Int
  var testDescription: String { name }

  /// y, x and z over six rows: x has a NaN, a zero, a negative; z has a NaN where x < 0.
  static let table = DataTable(
    source: "dropped.csv",
    numeric: [
      "y": [0.5, 0.2, 0.3, 0.9, 1.0, 0.1],
      "x": [1, .nan, 0, -1, 2, 3],
      "z": [1, 1, 1, .nan, 1, 1],
    ])

  static let all: [DroppedCase] = [
    DroppedCase(
      name: "nothing dropped", formula: "y ~ z", rows: [0, 1, 2, 4, 5], droppedForMissing: 1,
      droppedForDomain: 0),
    DroppedCase(
      name: "log of zero and of a negative", formula: "y ~ log(x)", rows: [0, 4, 5],
      droppedForMissing: 1, droppedForDomain: 2),
    DroppedCase(
      name: "missing wins over domain", formula: "y ~ log(x) + z", rows: [0, 4, 5],
      droppedForMissing: 2, droppedForDomain: 1),
    DroppedCase(
      name: "sqrt of a negative", formula: "y ~ sqrt(x)", rows: [0, 2, 4, 5],
      droppedForMissing: 1, droppedForDomain: 1),
    DroppedCase(
      name: "division by zero", formula: "y ~ I(1 / x)", rows: [0, 3, 4, 5],
      droppedForMissing: 1, droppedForDomain: 1),
    DroppedCase(
      name: "domain error hidden by an outer function", formula: "y ~ exp(log(x))",
      rows: [0, 4, 5], droppedForMissing: 1, droppedForDomain: 2),
    DroppedCase(
      name: "logit response outside (0, 1)", formula: "logit(y) ~ z", rows: [0, 1, 2, 5],
      droppedForMissing: 1, droppedForDomain: 1),
    DroppedCase(
      name: "logit of a term outside (0, 1)", formula: "y ~ logit(x)", rows: [],
      droppedForMissing: 1, droppedForDomain: 5),
  ]
}

@Test(arguments: DroppedCase.all)
func droppedRows(_ c: DroppedCase) throws {
  let frame = try Formula(parsing: c.formula).modelFrame(on: DroppedCase.table)
  #expect(frame.rows == c.rows)
  #expect(frame.response.count == c.rows.count)
  #expect(frame.droppedForMissing == c.droppedForMissing)
  #expect(frame.droppedForDomain == c.droppedForDomain)
}

@Test func modelFrameOfTheEnrolmentFormula() throws {
  let years = (1990...2010).map(Double.init)
  let births = years.map { 1000 + 10 * ($0 - 1990) }
  let enrolment = years.map { $0 >= 2008 ? 0.25 * 1000 : .nan }
  let table = DataTable(
    source: "enrolment.csv", numeric: ["year": years, "births": births, "enroll_ug": enrolment])
  let formula = try Formula(parsing: "logit(enroll_ug / lag(births, 18)) ~ year + I(year^2)")
  let frame = try formula.modelFrame(on: table)
  #expect(frame.rows == [18, 19, 20])
  #expect(frame.droppedForMissing == 18)
  #expect(frame.droppedForDomain == 0)
  #expect(frame.termNames == ["(Intercept)", "year", "I(year^2)"])
  #expect(frame.responseName == "logit(enroll_ug / lag(births, 18))")
  #expect(frame.transform == .logit)
  let rates = [250.0 / 1000, 250.0 / 1010, 250.0 / 1020]
  for (value, rate) in zip(frame.response, rates) {
    #expect(abs(value - log(rate / (1 - rate))) < 1e-12)
    #expect(abs(frame.transform.backTransform(value) - rate) < 1e-12)
  }
  #expect(
    frame.design
      == Matrix(rowMajor: [
        [1, 2008, 2008 * 2008], [1, 2009, 2009 * 2009], [1, 2010, 2010 * 2010],
      ]))
}

@Test func polyExpandsToRawPowers() throws {
  let table = DataTable(numeric: ["y": [0, 0, 0], "x": [1, 2, 3]])
  let frame = try Formula(parsing: "y ~ poly(x, 3)").modelFrame(on: table)
  #expect(frame.termNames == ["(Intercept)", "poly(x, 3)1", "poly(x, 3)2", "poly(x, 3)3"])
  #expect(frame.design == Matrix(columns: [[1, 1, 1], [1, 2, 3], [1, 4, 9], [1, 8, 27]]))
}

@Test func noInterceptDesignHasNoColumnOfOnes() throws {
  let table = DataTable(numeric: ["y": [1, 2], "x1": [3, 4], "x2": [5, 6]])
  let frame = try Formula(parsing: "y ~ x1 + log(x2) - 1").modelFrame(on: table)
  #expect(!frame.hasIntercept)
  #expect(frame.design == Matrix(columns: [[3, 4], [log(5), log(6)]]))
  #expect(frame.response == [1, 2])
}

@Test func designMatrixAtRequestedRows() throws {
  let table = DataTable(numeric: ["year": [2020, 2021, 2022], "x": [1, 2, 4]])
  let formula = try Formula(parsing: "y ~ diff(x) + x")
  let design = try formula.designMatrix(on: table, rows: [2, 1])
  #expect(design == Matrix(rowMajor: [[1, 2, 4], [1, 1, 2]]))
}

/// A request for predictors that must fail, and its error.
struct DesignErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let rows: [Int]
  let error: FormulaError
  var testDescription: String { name }

  static let table = DataTable(
    source: "drivers.csv", numeric: ["year": [2020, 2021, 2022], "x": [1, .nan, -3]])

  static let all: [DesignErrorCase] = [
    DesignErrorCase(
      name: "missing a year earlier", formula: "y ~ lag(x, 1)", rows: [0, 2],
      error: .nonFiniteRegressor(
        formula: "y ~ lag(x, 1)", source: "drivers.csv", term: "lag(x, 1)", row: 1, year: 2020,
        cause: .missing)),
    DesignErrorCase(
      name: "outside the domain", formula: "y ~ year + log(x)", rows: [0, 2],
      error: .nonFiniteRegressor(
        formula: "y ~ year + log(x)", source: "drivers.csv", term: "log(x)", row: 3, year: 2022,
        cause: .outsideDomain)),
    DesignErrorCase(
      name: "a poly column", formula: "y ~ poly(x, 2)", rows: [1],
      error: .nonFiniteRegressor(
        formula: "y ~ poly(x, 2)", source: "drivers.csv", term: "poly(x, 2)1", row: 2, year: 2021,
        cause: .missing)),
  ]
}

@Test(arguments: DesignErrorCase.all)
func designMatrixErrors(_ c: DesignErrorCase) throws {
  let formula = try Formula(parsing: c.formula)
  #expect(throws: c.error) { try formula.designMatrix(on: DesignErrorCase.table, rows: c.rows) }
}

@Test func nonFiniteRegressorMessage() {
  let error = FormulaError.nonFiniteRegressor(
    formula: "y ~ lag(x, 1)", source: "drivers.csv", term: "lag(x, 1)", row: 1, year: 2020,
    cause: .missing)
  #expect(
    error.description
      == "term `lag(x, 1)` has no value at data row 1 (year 2020) of drivers.csv: a value it needs is missing"
  )
}

/// Evaluation errors: names and columns that do not fit the table.
struct EvaluationErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let table: DataTable
  let rendered: String
  var testDescription: String { name }

  static let enrolment = DataTable(
    source: "enrolment.csv",
    names: ["year", "enroll_ug", "births", "x1", "x2", "status"],
    columns: [
      .numeric([2000, 2001]), .numeric([1, 2]), .numeric([3, 4]), .numeric([5, 6]),
      .numeric([7, 8]), .text(["1", "n/a"], firstText: 1),
    ])

  static let all: [EvaluationErrorCase] = [
    EvaluationErrorCase(
      name: "unknown variable with nearest columns", formula: "x1 ~ x3", table: enrolment,
      rendered: """
        unknown variable `x3`: enrolment.csv has no column of that name (nearest: `x1`, `x2`, `year`)
            x1 ~ x3
                 ^
        """),
    EvaluationErrorCase(
      name: "misspelt column inside a function", formula: "x1 ~ lag(brths, 18)", table: enrolment,
      rendered: """
        unknown variable `brths`: enrolment.csv has no column of that name (nearest: `births`, `status`, `year`)
            x1 ~ lag(brths, 18)
                     ^
        """),
    EvaluationErrorCase(
      name: "text column", formula: "x1 ~ log(status)", table: enrolment,
      rendered: """
        column `status` of enrolment.csv is text, not numbers: data row 2 holds "n/a"
            x1 ~ log(status)
                     ^
        """),
    EvaluationErrorCase(
      name: "text year column with lag", formula: "y ~ lag(x, 1)",
      table: DataTable(
        source: "bad-years.csv", names: ["year", "y", "x"],
        columns: [.text(["2000", "2001a"], firstText: 1), .numeric([1, 2]), .numeric([1, 2])]),
      rendered: "column `year` of bad-years.csv is text, not numbers: data row 2 holds \"2001a\""),
    EvaluationErrorCase(
      name: "repeated year with lag", formula: "y ~ diff(x)",
      table: DataTable(
        source: "twice.csv",
        numeric: ["year": [2000, 2001, 2000], "y": [1, 2, 3], "x": [1, 2, 3]]),
      rendered:
        "twice.csv has year 2000 in data rows 1 and 3, so lag() and diff() cannot tell which row to use"
    ),
  ]
}

@Test(arguments: EvaluationErrorCase.all)
func evaluationError(_ c: EvaluationErrorCase) throws {
  let formula = try Formula(parsing: c.formula)
  #expect(throws: (any Error).self) { try formula.modelFrame(on: c.table) }
  do {
    _ = try formula.modelFrame(on: c.table)
  } catch {
    #expect(error.description == c.rendered)
  }
}

@Test func repeatedYearWithoutLagIsFine() throws {
  let table = DataTable(numeric: ["year": [2000, 2000], "y": [1, 2], "x": [3, 4]])
  let frame = try Formula(parsing: "y ~ x").modelFrame(on: table)
  #expect(frame.rows == [0, 1])
}
