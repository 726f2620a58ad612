import Testing

@testable import Forecast

/// A formula that must not parse, and the error it gives.
struct FormulaErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let error: FormulaError
  var testDescription: String { name }

  static let all: [FormulaErrorCase] = {
    func c(_ name: String, _ formula: String, _ error: (String) -> FormulaError) -> FormulaErrorCase
    {
      FormulaErrorCase(name: name, formula: formula, error: error(formula))
    }
    return [
      c("empty formula", "") {
        .syntax(
          formula: $0, offset: 0, expected: "a formula such as `y ~ x`", found: "an empty formula")
      },
      c("missing ~", "y + x") { .missingTilde(formula: $0, offset: 5) },
      c("missing ~ between names", "y x") {
        .syntax(
          formula: $0, offset: 2, expected: "`~` or an operator after the response", found: "`x`")
      },
      c("no response", "~ x") {
        .syntax(formula: $0, offset: 0, expected: "a response before `~`", found: "`~`")
      },
      c("empty right-hand side", "y ~ ") { .emptyRightHandSide(formula: $0, offset: 4) },
      c("nothing to fit", "y ~ 0") { .noTerms(formula: $0, offset: 4) },
      c("dangling +", "y ~ x +") {
        .syntax(
          formula: $0, offset: 7,
          expected:
            "a term (a name or a function call; write I(...) for arithmetic), or 1 or 0 for the intercept",
          found: "end of formula")
      },
      c("number as a term", "y ~ x + 2") {
        .syntax(
          formula: $0, offset: 8,
          expected:
            "a term (a name or a function call; write I(...) for arithmetic), or 1 or 0 for the intercept",
          found: "`2`")
      },
      c("trailing name", "y ~ x z") {
        .syntax(
          formula: $0, offset: 6, expected: "`+`, `-` or end of formula after the term `x`",
          found: "`z`")
      },
      c("second ~", "y ~ x ~ z") {
        .syntax(
          formula: $0, offset: 6, expected: "`+`, `-` or end of formula after the term `x`",
          found: "`~`")
      },
      c("unclosed (", "y ~ log(x") {
        .unclosedParenthesis(formula: $0, offset: 7, found: "end of formula")
      },
      c("unclosed ( on the left", "log(y ~ x") {
        .unclosedParenthesis(formula: $0, offset: 3, found: "`~`")
      },
      c("unclosed inner (", "y ~ I((x + 1)") {
        .unclosedParenthesis(formula: $0, offset: 5, found: "end of formula")
      },
      c("unmatched )", "y ~ log(x))") { .unmatchedParenthesis(formula: $0, offset: 10) },
      c("unmatched ) on the left", "y) ~ x") { .unmatchedParenthesis(formula: $0, offset: 1) },
      c("* between terms", "y ~ a * b") {
        .operatorBetweenTerms(formula: $0, offset: 6, operator: "*")
      },
      c(": between terms", "y ~ a:b") {
        .operatorBetweenTerms(formula: $0, offset: 5, operator: ":")
      },
      c("^ between terms", "y ~ a^2") {
        .operatorBetweenTerms(formula: $0, offset: 5, operator: "^")
      },
      c("/ between terms", "y ~ a / b") {
        .operatorBetweenTerms(formula: $0, offset: 6, operator: "/")
      },
      c("unknown function", "y ~ lgo(x)") {
        .unknownFunction(formula: $0, offset: 4, name: "lgo", suggestions: ["log"])
      },
      c("unknown function inside I()", "y ~ I(sqr(x))") {
        .unknownFunction(formula: $0, offset: 6, name: "sqr", suggestions: ["sqrt"])
      },
      c("several nearest functions", "y ~ ln(x)") {
        .unknownFunction(formula: $0, offset: 4, name: "ln", suggestions: ["log", "lag", "I"])
      },
      c("R's dotted inverse logit", "y ~ inv.logit(x)") {
        .unknownFunction(formula: $0, offset: 4, name: "inv.logit", suggestions: ["inv_logit"])
      },
      c("lag without k", "y ~ lag(x)") {
        .argumentCount(formula: $0, offset: 4, function: "lag", expected: 2, found: 1)
      },
      c("log with a base", "y ~ log(x, 10)") {
        .argumentCount(formula: $0, offset: 4, function: "log", expected: 1, found: 2)
      },
      c("empty call", "y ~ log()") {
        .argumentCount(formula: $0, offset: 4, function: "log", expected: 1, found: 0)
      },
      c("fractional lag", "y ~ lag(x, 1.5)") {
        .invalidLagOrder(formula: $0, offset: 11, found: "`1.5`")
      },
      c("negative lag", "y ~ lag(x, -1)") {
        .invalidLagOrder(formula: $0, offset: 11, found: "`-1`")
      },
      c("lag by a name", "y ~ lag(x, k)") {
        .invalidLagOrder(formula: $0, offset: 11, found: "`k`")
      },
      c("degree zero", "y ~ poly(x, 0)") {
        .invalidPolyDegree(formula: $0, offset: 12, found: "`0`")
      },
      c("degree as an expression", "y ~ poly(x, 1 + 1)") {
        .invalidPolyDegree(formula: $0, offset: 12, found: "`1 + 1`")
      },
      c("poly inside a function", "y ~ log(poly(x, 2))") { .misplacedPoly(formula: $0, offset: 8) },
      c("poly as the response", "poly(y, 2) ~ x") { .misplacedPoly(formula: $0, offset: 0) },
      c("stray character", "y ~ x + $z") {
        .syntax(
          formula: $0, offset: 8,
          expected: "a name, a number, an operator (~ + - * / ^) or a parenthesis", found: "`$`")
      },
      c("unterminated backquote", "y ~ `x") {
        .syntax(
          formula: $0, offset: 4, expected: "a closing backquote for this name",
          found: "end of formula")
      },
      c("empty parentheses", "y ~ I(())") {
        .syntax(
          formula: $0, offset: 7, expected: "an expression inside the parentheses", found: "`)`")
      },
      c("missing operand", "y ~ I(x * )") {
        .syntax(
          formula: $0, offset: 10, expected: "a value (a name, a number or `(`)", found: "`)`")
      },
    ]
  }()
}

@Test(arguments: FormulaErrorCase.all)
func formulaError(_ c: FormulaErrorCase) {
  #expect(throws: c.error) { try Formula(parsing: c.formula) }
}

@Test(arguments: ["*", ":", "^"])
func operatorsBetweenTermsPointToI(_ op: String) {
  let error = FormulaError.operatorBetweenTerms(formula: "y ~ a \(op) b", offset: 6, operator: op)
  #expect(error.message.contains("I("))
  #expect(error.message.contains("`\(op)` "))
}

/// Errors rendered in full: message, formula, caret.
struct RenderedErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let formula: String
  let rendered: String
  var testDescription: String { name }

  static let all: [RenderedErrorCase] = [
    RenderedErrorCase(
      name: "unclosed parenthesis", formula: "y ~ log(x",
      rendered: """
        expected `)` to close this `(`, found end of formula
            y ~ log(x
                   ^
        """),
    RenderedErrorCase(
      name: "product between terms", formula: "y ~ a * b",
      rendered: """
        `*` between terms is not supported: write I(a * b) for a product
            y ~ a * b
                  ^
        """),
    RenderedErrorCase(
      name: "unknown function", formula: "log(y) ~ year + lgo(x)",
      rendered: """
        unknown function `lgo`: did you mean `log`? (functions: log, exp, sqrt, logit, inv_logit, lag, diff, I, poly)
            log(y) ~ year + lgo(x)
                            ^
        """),
    RenderedErrorCase(
      name: "missing tilde points past the end", formula: "y + x",
      rendered: """
        expected `~` between the response and the terms (as in `y ~ x`), found end of formula
            y + x
                 ^
        """),
    RenderedErrorCase(
      name: "tabs print as spaces", formula: "y ~\tlag(x, 1.5)",
      rendered: """
        expected the k of lag(x, k) to be a whole number of years such as 1 or 18, found `1.5`
            y ~ lag(x, 1.5)
                       ^
        """),
  ]
}

@Test(arguments: RenderedErrorCase.all)
func renderedError(_ c: RenderedErrorCase) {
  #expect(throws: (any Error).self) { try Formula(parsing: c.formula) }
  do {
    _ = try Formula(parsing: c.formula)
  } catch {
    #expect(error.description == c.rendered)
  }
}

@Test func severalSuggestionsReadAsAList() {
  let error = FormulaError.unknownFunction(
    formula: "y ~ ln(x)", offset: 4, name: "ln", suggestions: ["log", "lag", "I"])
  #expect(error.message.hasPrefix("unknown function `ln`: did you mean `log`, `lag` or `I`? "))
}
