/// Why a formula could not be parsed or evaluated over a table.
///
/// Parse errors carry the formula and the character offset of the fault, so `description` can
/// draw a caret under it; evaluation errors name the data source and the column or term.
public enum FormulaError: Error, Equatable, Sendable {
  /// Why a regressor has no value in a requested row.
  public enum Cause: Sendable, Equatable {
    /// A column value it reads (possibly in an earlier year, for lag and diff) is missing.
    case missing
    /// A function's argument is outside its domain (log of 0, logit of 1.2, division by 0...).
    case outsideDomain
  }

  /// Something else was expected at `offset`; `expected` and `found` are phrases ("`)`",
  /// "end of formula").
  case syntax(formula: String, offset: Int, expected: String, found: String)
  /// The formula has no `~`.
  case missingTilde(formula: String, offset: Int)
  /// Nothing follows `~`.
  case emptyRightHandSide(formula: String, offset: Int)
  /// The right-hand side removes the intercept and has no terms, so there is no column to fit.
  case noTerms(formula: String, offset: Int)
  /// The `(` at `offset` is never closed: `found` (end of formula or `~`) came first.
  case unclosedParenthesis(formula: String, offset: Int, found: String)
  /// The `)` at `offset` has no matching `(`.
  case unmatchedParenthesis(formula: String, offset: Int)
  /// `*`, `:`, `^` or `/` between terms, which R reads as interactions or nesting.
  case operatorBetweenTerms(formula: String, offset: Int, operator: String)
  /// A call to a function that does not exist; `suggestions` are the nearest valid names.
  case unknownFunction(formula: String, offset: Int, name: String, suggestions: [String])
  /// A call with the wrong number of arguments.
  case argumentCount(formula: String, offset: Int, function: String, expected: Int, found: Int)
  /// The k of lag(x, k) is not a non-negative integer literal.
  case invalidLagOrder(formula: String, offset: Int, found: String)
  /// The degree of poly(x, degree) is not an integer literal from 1 to 20.
  case invalidPolyDegree(formula: String, offset: Int, found: String)
  /// poly() used anywhere but as a term of the right-hand side.
  case misplacedPoly(formula: String, offset: Int)
  /// An expression nested more than `limit` levels deep (`FormulaParser.maximumDepth`);
  /// `offset` is where the level past the limit starts.
  case tooDeep(formula: String, offset: Int, limit: Int)
  /// A name that is not a column of the table; `suggestions` are up to three nearest columns.
  case unknownVariable(
    formula: String, offset: Int, name: String, source: String, suggestions: [String])
  /// A text column used as a number; `row` (1-based data row) holds the first non-number.
  /// `offset` is nil for the `year` column read by lag() and diff().
  case textColumn(
    formula: String, offset: Int?, name: String, source: String, row: Int, value: String)
  /// The `year` column repeats a year, so lag() and diff() are ambiguous; `rows` are 1-based.
  case duplicateYear(formula: String, source: String, year: Double, rows: [Int])
  /// A regressor without a finite value in a row asked for by `designMatrix(on:rows:)`.
  /// `row` is the 1-based data row; `year` is that row's year when the table has one.
  case nonFiniteRegressor(
    formula: String, source: String, term: String, row: Int, year: Int?, cause: Cause)

  /// The formula the error is about.
  public var formula: String {
    switch self {
    case .syntax(let formula, _, _, _), .missingTilde(let formula, _),
      .emptyRightHandSide(let formula, _), .noTerms(let formula, _),
      .unclosedParenthesis(let formula, _, _), .unmatchedParenthesis(let formula, _),
      .operatorBetweenTerms(let formula, _, _), .unknownFunction(let formula, _, _, _),
      .argumentCount(let formula, _, _, _, _), .invalidLagOrder(let formula, _, _),
      .invalidPolyDegree(let formula, _, _), .misplacedPoly(let formula, _),
      .tooDeep(let formula, _, _), .unknownVariable(let formula, _, _, _, _), .textColumn(let formula, _, _, _, _, _),
      .duplicateYear(let formula, _, _, _), .nonFiniteRegressor(let formula, _, _, _, _, _):
      return formula
    }
  }

  /// The character offset in `formula` of the fault, when it is a place in the formula.
  public var offset: Int? {
    switch self {
    case .syntax(_, let offset, _, _), .missingTilde(_, let offset),
      .emptyRightHandSide(_, let offset), .noTerms(_, let offset),
      .unclosedParenthesis(_, let offset, _), .unmatchedParenthesis(_, let offset),
      .operatorBetweenTerms(_, let offset, _), .unknownFunction(_, let offset, _, _),
      .argumentCount(_, let offset, _, _, _), .invalidLagOrder(_, let offset, _),
      .invalidPolyDegree(_, let offset, _), .misplacedPoly(_, let offset),
      .tooDeep(_, let offset, _), .unknownVariable(_, let offset, _, _, _):
      return offset
    case .textColumn(_, let offset, _, _, _, _):
      return offset
    case .duplicateYear, .nonFiniteRegressor:
      return nil
    }
  }
}
