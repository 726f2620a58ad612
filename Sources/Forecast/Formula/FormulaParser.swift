/// A recursive-descent parser for `response ~ terms`.
///
/// The right-hand side is a list of terms joined by `+` and `-` (R's removal), with `1`/`0`
/// controlling the intercept. Inside function arguments and the response, expressions use
///
///     sum     := product (("+" | "-") product)*
///     product := unary (("*" | "/") unary)*
///     unary   := ("-" | "+") unary | power
///     power   := primary ("^" unary)?          (right-associative; -2^2 is -4, as in R)
///     primary := number | name | name "(" arguments ")" | "(" sum ")"
///
/// Expressions are at most `maximumDepth` levels deep, a level being a parenthesis, a function
/// call, a sign, a `^` or an operator applied to the result of another: the parser and every
/// walk over the tree recurse once per level, so a few thousand nested parentheses would
/// otherwise overflow the stack.
struct FormulaParser {
  /// What the parser returns; `Formula` adds the derived properties.
  struct Result {
    var response: FormulaExpression
    var responseText: String
    var terms: [FormulaTerm]
    var hasIntercept: Bool
  }

  /// The highest degree `poly(x, degree)` accepts.
  static let maximumPolyDegree = 20

  /// The deepest expression accepted (docs/reliability.md): `log(log(x))` is 2 levels deep,
  /// `I((a + b) * c)` is 4 (the call, the `*`, the parentheses and the `+`).
  static let maximumDepth = 100

  private let formula: String
  private let characters: [Character]
  private let tokens: [FormulaToken]
  private var position = 0
  /// Levels opened and not yet closed while descending (parentheses, calls, signs, powers).
  private var openLevels = 0
  /// The depth of the expression the last parse function returned.
  private var lastDepth = 0

  init(_ formula: String) throws(FormulaError) {
    self.formula = formula
    self.characters = Array(formula)
    self.tokens = try FormulaLexer(formula).tokens()
  }

  private var current: FormulaToken { tokens[position] }

  private mutating func advance() { position = min(position + 1, tokens.count - 1) }

  /// Opens a level at the current token, refusing one past `maximumDepth`; each call is paired
  /// with `closeLevel()`.
  private mutating func openLevel() throws(FormulaError) {
    openLevels += 1
    guard openLevels <= Self.maximumDepth else {
      throw .tooDeep(formula: formula, offset: current.start, limit: Self.maximumDepth)
    }
  }

  private mutating func closeLevel() { openLevels -= 1 }

  /// Records `depth` as the depth of the expression being returned, refusing it past
  /// `maximumDepth` (an operator chain such as `a + b + ... + z` deepens the tree without
  /// nesting); `offset` is where the level that went past starts.
  private mutating func setDepth(_ depth: Int, at offset: Int) throws(FormulaError) {
    guard depth <= Self.maximumDepth else {
      throw .tooDeep(formula: formula, offset: offset, limit: Self.maximumDepth)
    }
    lastDepth = depth
  }

  /// The source text from the start of token `first` to the end of token `last`.
  private func text(from first: Int, through last: Int) -> String {
    String(characters[tokens[first].start..<tokens[last].end])
  }

  // MARK: Formula and right-hand side

  mutating func parse() throws(FormulaError) -> Result {
    switch current.kind {
    case .end:
      throw .syntax(
        formula: formula, offset: current.start, expected: "a formula such as `y ~ x`",
        found: "an empty formula")
    case .tilde:
      throw .syntax(
        formula: formula, offset: current.start, expected: "a response before `~`",
        found: "`~`")
    default: break
    }
    let first = position
    let response = try parseSum(allowingPoly: false)
    let responseText = text(from: first, through: position - 1)
    switch current.kind {
    case .tilde: advance()
    case .end: throw .missingTilde(formula: formula, offset: current.start)
    case .rightParenthesis: throw .unmatchedParenthesis(formula: formula, offset: current.start)
    default:
      throw .syntax(
        formula: formula, offset: current.start,
        expected: "`~` or an operator after the response", found: current.quoted)
    }
    if current.kind == .end {
      throw .emptyRightHandSide(formula: formula, offset: current.start)
    }
    let rightHandSideStart = current.start
    let (terms, hasIntercept) = try parseRightHandSide()
    if terms.isEmpty && !hasIntercept {
      throw .noTerms(formula: formula, offset: rightHandSideStart)
    }
    return Result(
      response: response, responseText: responseText, terms: terms, hasIntercept: hasIntercept)
  }

  /// Parses terms joined by `+` and `-`, returning the terms and whether there is an intercept.
  ///
  /// Duplicates keep their first occurrence; `- term` removes a term wherever it appears;
  /// `1`/`0` set the intercept, the last one written winning.
  private mutating func parseRightHandSide() throws(FormulaError) -> ([FormulaTerm], Bool) {
    var hasIntercept = true
    var added: [FormulaTerm] = []
    var removed: Set<String> = []
    var adding = true
    if current.kind == .plus || current.kind == .minus {
      adding = current.kind == .plus
      advance()
    }
    while true {
      let first = position
      switch current.kind {
      case .number(let value, _) where value == 0 || value == 1:
        // `+ 1` and `- 0` keep the intercept; `- 1` and `+ 0` remove it (R).
        hasIntercept = adding == (value == 1)
        advance()
      case .identifier:
        let expression = try parsePrimary(allowingPoly: true)
        let term = FormulaTerm(
          label: text(from: first, through: position - 1), expression: expression)
        if adding {
          added.append(term)
        } else {
          removed.insert(expression.canonical)
        }
      default:
        throw .syntax(
          formula: formula, offset: current.start,
          expected: "a term (a name or a function call; write I(...) for arithmetic),"
            + " or 1 or 0 for the intercept",
          found: current.quoted)
      }
      switch current.kind {
      case .plus, .minus:
        adding = current.kind == .plus
        advance()
      case .end:
        var seen: Set<String> = []
        let terms = added.filter {
          let key = $0.expression.canonical
          return !removed.contains(key) && seen.insert(key).inserted
        }
        return (terms, hasIntercept)
      case .star, .colon, .caret, .slash:
        let op = String(characters[current.start])
        throw .operatorBetweenTerms(formula: formula, offset: current.start, operator: op)
      case .rightParenthesis:
        throw .unmatchedParenthesis(formula: formula, offset: current.start)
      default:
        let term = text(from: first, through: position - 1)
        throw .syntax(
          formula: formula, offset: current.start,
          expected: "`+`, `-` or end of formula after the term `\(term)`", found: current.quoted)
      }
    }
  }

  // MARK: Expressions

  private mutating func parseSum(allowingPoly: Bool) throws(FormulaError) -> FormulaExpression {
    var left = try parseProduct(allowingPoly: allowingPoly)
    var leftDepth = lastDepth
    while current.kind == .plus || current.kind == .minus {
      let op: FormulaExpression.Operator = current.kind == .plus ? .add : .subtract
      let offset = current.start
      advance()
      let right = try parseProduct(allowingPoly: false)
      left = .binary(op, left, right)
      try setDepth(max(leftDepth, lastDepth) + 1, at: offset)
      leftDepth = lastDepth
    }
    lastDepth = leftDepth
    return left
  }

  private mutating func parseProduct(allowingPoly: Bool) throws(FormulaError) -> FormulaExpression {
    var left = try parseUnary(allowingPoly: allowingPoly)
    var leftDepth = lastDepth
    while current.kind == .star || current.kind == .slash {
      let op: FormulaExpression.Operator = current.kind == .star ? .multiply : .divide
      let offset = current.start
      advance()
      let right = try parseUnary(allowingPoly: false)
      left = .binary(op, left, right)
      try setDepth(max(leftDepth, lastDepth) + 1, at: offset)
      leftDepth = lastDepth
    }
    lastDepth = leftDepth
    return left
  }

  private mutating func parseUnary(allowingPoly: Bool) throws(FormulaError) -> FormulaExpression {
    switch current.kind {
    case .minus, .plus:
      let negates = current.kind == .minus
      let offset = current.start
      try openLevel()
      defer { closeLevel() }
      advance()
      let operand = try parseUnary(allowingPoly: false)
      try setDepth(lastDepth + 1, at: offset)
      return negates ? .negate(operand) : operand
    default:
      let base = try parsePrimary(allowingPoly: false)
      guard current.kind == .caret else { return base }
      let baseDepth = lastDepth
      let offset = current.start
      try openLevel()
      defer { closeLevel() }
      advance()
      // The exponent may carry its own sign and power: 2^-1, 2^3^2 = 2^9.
      let exponent = try parseUnary(allowingPoly: false)
      try setDepth(max(baseDepth, lastDepth) + 1, at: offset)
      return .binary(.power, base, exponent)
    }
  }

  private mutating func parsePrimary(allowingPoly: Bool) throws(FormulaError) -> FormulaExpression {
    let token = current
    switch token.kind {
    case .number(let value, _):
      advance()
      lastDepth = 0
      return .number(value)
    case .identifier(let name):
      advance()
      guard current.kind == .leftParenthesis else {
        lastDepth = 0
        return .variable(name, offset: token.start)
      }
      return try parseCall(name: name, at: token, allowingPoly: allowingPoly)
    case .leftParenthesis:
      try openLevel()
      defer { closeLevel() }
      advance()
      let inner = try parseSum(allowingPoly: false)
      try expectClosing(openedAt: token.start, expected: "`)` or an operator (+ - * / ^)")
      try setDepth(lastDepth + 1, at: token.start)
      return inner
    case .rightParenthesis where position > 0 && tokens[position - 1].kind == .leftParenthesis:
      throw .syntax(
        formula: formula, offset: token.start, expected: "an expression inside the parentheses",
        found: "`)`")
    default:
      throw .syntax(
        formula: formula, offset: token.start, expected: "a value (a name, a number or `(`)",
        found: token.quoted)
    }
  }

  /// Consumes the `)` closing the `(` at `open`, or throws with what was found instead.
  private mutating func expectClosing(openedAt open: Int, expected: String) throws(FormulaError) {
    switch current.kind {
    case .rightParenthesis: advance()
    // `~` cannot be inside parentheses, so reaching it means the `(` was left open.
    case .end, .tilde:
      throw .unclosedParenthesis(formula: formula, offset: open, found: current.quoted)
    default:
      throw .syntax(
        formula: formula, offset: current.start, expected: expected, found: current.quoted)
    }
  }

  /// A call `name(arguments)`, the current token being its `(`.
  private mutating func parseCall(
    name: String, at nameToken: FormulaToken, allowingPoly: Bool
  ) throws(FormulaError) -> FormulaExpression {
    guard let function = FormulaFunction(rawValue: name) else {
      throw .unknownFunction(
        formula: formula, offset: nameToken.start, name: name,
        suggestions: FormulaFunction.nearest(to: name))
    }
    if function == .poly && !allowingPoly {
      throw .misplacedPoly(formula: formula, offset: nameToken.start)
    }
    let open = current.start
    try openLevel()
    defer { closeLevel() }
    advance()
    // Each argument with the token range it spans, to check integer literals.
    var arguments: [(expression: FormulaExpression, tokens: Range<Int>)] = []
    var argumentDepth = 0
    if current.kind != .rightParenthesis {
      while true {
        let first = position
        let argument = try parseSum(allowingPoly: false)
        arguments.append((argument, first..<position))
        argumentDepth = max(argumentDepth, lastDepth)
        guard current.kind == .comma else { break }
        advance()
      }
    }
    try expectClosing(openedAt: open, expected: "`,`, `)` or an operator (+ - * / ^)")
    try setDepth(argumentDepth + 1, at: nameToken.start)
    guard arguments.count == function.arity else {
      throw .argumentCount(
        formula: formula, offset: nameToken.start, function: function.name,
        expected: function.arity, found: arguments.count)
    }
    switch function {
    case .lag:
      let order = arguments[1].tokens
      guard let k = integerLiteral(in: order), k >= 0 else {
        throw .invalidLagOrder(
          formula: formula, offset: tokens[order.lowerBound].start,
          found: "`\(text(from: order.lowerBound, through: order.upperBound - 1))`")
      }
      return .lag(arguments[0].expression, order: k)
    case .poly:
      let degree = arguments[1].tokens
      // A cap, because the degree sizes the design: `poly(x, 1000000000)` would allocate a
      // billion columns (seen while writing the fuzz tests); raw powers past 20 are
      // numerically useless anyway.
      guard let d = integerLiteral(in: degree), (1...Self.maximumPolyDegree).contains(d) else {
        throw .invalidPolyDegree(
          formula: formula, offset: tokens[degree.lowerBound].start,
          found: "`\(text(from: degree.lowerBound, through: degree.upperBound - 1))`")
      }
      return .poly(arguments[0].expression, degree: d)
    default:
      return .call(function, arguments[0].expression)
    }
  }

  /// The value of an argument written as a single unsigned run of digits, else nil.
  private func integerLiteral(in range: Range<Int>) -> Int? {
    guard range.count == 1, case .number(_, let text) = tokens[range.lowerBound].kind,
      text.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(text)
  }
}
