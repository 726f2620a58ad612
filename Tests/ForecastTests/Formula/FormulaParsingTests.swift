import Testing

@testable import Forecast

/// A formula and what parsing it should give.
struct ParseCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let responseName: String
  let termNames: [String]
  let transform: ResponseTransform
  var testDescription: String { name }

  init(
    _ name: String, _ formula: String, response: String = "y", terms: [String],
    transform: ResponseTransform = .none
  ) {
    self.name = name
    self.formula = formula
    self.responseName = response
    self.termNames = terms
    self.transform = transform
  }

  static let all: [ParseCase] = [
    ParseCase(
      "MODEL.md: no intercept with - 1", "y ~ x1 + log(x2) - 1", terms: ["x1", "log(x2)"]),
    ParseCase(
      "MODEL.md: logit of a rate per birth",
      "logit(enroll_ug / lag(births, 18)) ~ year + I(year^2)",
      response: "logit(enroll_ug / lag(births, 18))",
      terms: ["(Intercept)", "year", "I(year^2)"], transform: .logit),
    ParseCase(
      "MODEL.md: raw polynomial", "y ~ poly(year, 2)",
      terms: ["(Intercept)", "poly(year, 2)1", "poly(year, 2)2"]),
    ParseCase("MODEL.md: + 0 removes the intercept", "y ~ x + 0", terms: ["x"]),
    ParseCase("0 + first removes the intercept", "y ~ 0 + x", terms: ["x"]),
    ParseCase("leading - 1 removes the intercept", "y ~ -1 + x", terms: ["x"]),
    ParseCase("+ 1 keeps the intercept", "y ~ x + 1", terms: ["(Intercept)", "x"]),
    ParseCase("the last intercept mark wins", "y ~ x - 1 + 1", terms: ["(Intercept)", "x"]),
    ParseCase("intercept only", "y ~ 1", terms: ["(Intercept)"]),
    ParseCase(
      "log response", "log(y) ~ year", response: "log(y)",
      terms: ["(Intercept)", "year"], transform: .log),
    ParseCase(
      "sqrt response", "sqrt(y) ~ year", response: "sqrt(y)",
      terms: ["(Intercept)", "year"], transform: .sqrt),
    ParseCase(
      "exp response has no back-transform", "exp(y) ~ x", response: "exp(y)",
      terms: ["(Intercept)", "x"]),
    ParseCase(
      "only the outer function sets the transform", "log(y) / 2 ~ x",
      response: "log(y) / 2", terms: ["(Intercept)", "x"]),
    ParseCase(
      "terms keep their inner whitespace", "  y  ~   log( x2 )  +  I(a  *  b)  ",
      terms: ["(Intercept)", "log( x2 )", "I(a  *  b)"]),
    ParseCase(
      "duplicates keep the first", "y ~ x + log(x) + x + log( x )",
      terms: ["(Intercept)", "x", "log(x)"]),
    ParseCase("- term removes it", "y ~ x + z - x", terms: ["(Intercept)", "z"]),
    ParseCase("- term removes it wherever it is", "y ~ -x + z + x", terms: ["(Intercept)", "z"]),
    ParseCase(
      "dots and underscores in names", "y.rate ~ x.1 + .hidden + under_score",
      response: "y.rate", terms: ["(Intercept)", "x.1", ".hidden", "under_score"]),
    ParseCase(
      "backquoted names", "`enrol rate` ~ `births 18`", response: "`enrol rate`",
      terms: ["(Intercept)", "`births 18`"]),
    ParseCase(
      "lag of an expression and diff", "y ~ lag(log(x), 1) + diff(x)",
      terms: ["(Intercept)", "lag(log(x), 1)", "diff(x)"]),
    ParseCase(
      "number literals", "y ~ I(1e-3 * x) + I(.5 + x) + I(2.5E+2 / x)",
      terms: ["(Intercept)", "I(1e-3 * x)", "I(.5 + x)", "I(2.5E+2 / x)"]),
    ParseCase(
      "inv_logit and exp terms", "y ~ inv_logit(x) + exp(-x)",
      terms: ["(Intercept)", "inv_logit(x)", "exp(-x)"]),
  ]
}

@Test(arguments: ParseCase.all)
func formulaParses(_ c: ParseCase) throws {
  let formula = try Formula(parsing: c.formula)
  #expect(formula.responseName == c.responseName)
  #expect(formula.termNames == c.termNames)
  #expect(formula.hasIntercept == c.termNames.contains("(Intercept)"))
  #expect(formula.transform == c.transform)
}

/// An expression inside I() and its fully parenthesised reading.
struct PrecedenceCase: CustomTestStringConvertible, Sendable {
  let name: String
  let expression: String
  let reading: String
  var testDescription: String { name }

  static let all: [PrecedenceCase] = [
    PrecedenceCase(name: "^ is right-associative", expression: "2^3^2", reading: "(2.0^(3.0^2.0))"),
    PrecedenceCase(
      name: "^ binds tighter than unary minus", expression: "-2^2", reading: "(-(2.0^2.0))"),
    PrecedenceCase(name: "signed exponent", expression: "2^-1", reading: "(2.0^(-1.0))"),
    PrecedenceCase(name: "* before +", expression: "a + b * c", reading: "(`a`+(`b`*`c`))"),
    PrecedenceCase(
      name: "- is left-associative", expression: "a - b - c", reading: "((`a`-`b`)-`c`)"),
    PrecedenceCase(
      name: "/ is left-associative", expression: "a / b / c", reading: "((`a`/`b`)/`c`)"),
    PrecedenceCase(name: "parentheses", expression: "(a + b) * c", reading: "((`a`+`b`)*`c`)"),
    PrecedenceCase(name: "^ before *", expression: "a * b^2", reading: "(`a`*(`b`^2.0))"),
    PrecedenceCase(
      name: "functions inside", expression: "log(a) / lag(b, 18)",
      reading: "(log(`a`)/lag(`b`,18))"),
  ]
}

@Test(arguments: PrecedenceCase.all)
func precedence(_ c: PrecedenceCase) throws {
  let formula = try Formula(parsing: "y ~ I(\(c.expression))")
  #expect(formula.terms.first?.expression.canonical == "I(\(c.reading))")
}

@Test func variableNamesListEachColumnOnce() throws {
  let formula = try Formula(
    parsing: "logit(enroll_ug / lag(births, 18)) ~ year + I(year^2) + births")
  #expect(formula.variableNames == ["enroll_ug", "births", "year"])
}
