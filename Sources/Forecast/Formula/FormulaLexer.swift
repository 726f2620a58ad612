/// Splits a formula into tokens: names (letters, digits, `_` and `.`, or backquoted), numbers
/// (`12`, `.5`, `1e-3`), the operators `~ + - * / ^ :`, commas and parentheses.
struct FormulaLexer {
  private let characters: [Character]
  private let formula: String

  init(_ formula: String) {
    self.formula = formula
    self.characters = Array(formula)
  }

  /// All tokens, ending with `.end`.
  func tokens() throws(FormulaError) -> [FormulaToken] {
    var tokens: [FormulaToken] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if c.isWhitespace {
        i += 1
        continue
      }
      let start = i
      if let kind = Self.punctuation(c) {
        i += 1
        tokens.append(FormulaToken(kind: kind, start: start, end: i))
      } else if c.isASCII && c.isNumber || (c == "." && isDigit(at: i + 1)) {
        i = scanNumber(from: i)
        let text = String(characters[start..<i])
        guard let value = Double(text) else {
          throw .syntax(
            formula: formula, offset: start, expected: "a number", found: "`\(text)`")
        }
        tokens.append(FormulaToken(kind: .number(value, text: text), start: start, end: i))
      } else if c.isLetter || c == "_" || c == "." {
        while i < characters.count && Self.isNameCharacter(characters[i]) { i += 1 }
        let name = String(characters[start..<i])
        tokens.append(FormulaToken(kind: .identifier(name), start: start, end: i))
      } else if c == "`" {
        i += 1
        while i < characters.count && characters[i] != "`" { i += 1 }
        guard i < characters.count else {
          throw .syntax(
            formula: formula, offset: start, expected: "a closing backquote for this name",
            found: "end of formula")
        }
        let name = String(characters[(start + 1)..<i])
        i += 1
        guard !name.isEmpty else {
          throw .syntax(formula: formula, offset: start, expected: "a name", found: "``")
        }
        tokens.append(FormulaToken(kind: .identifier(name), start: start, end: i))
      } else {
        throw .syntax(
          formula: formula, offset: start,
          expected: "a name, a number, an operator (~ + - * / ^) or a parenthesis",
          found: "`\(c)`")
      }
    }
    tokens.append(FormulaToken(kind: .end, start: characters.count, end: characters.count))
    return tokens
  }

  private static func punctuation(_ c: Character) -> FormulaToken.Kind? {
    switch c {
    case "~": return .tilde
    case "+": return .plus
    case "-": return .minus
    case "*": return .star
    case "/": return .slash
    case "^": return .caret
    case ":": return .colon
    case ",": return .comma
    case "(": return .leftParenthesis
    case ")": return .rightParenthesis
    default: return nil
    }
  }

  private static func isNameCharacter(_ c: Character) -> Bool {
    c.isLetter || (c.isASCII && c.isNumber) || c == "_" || c == "."
  }

  private func isDigit(at i: Int) -> Bool {
    i < characters.count && characters[i].isASCII && characters[i].isNumber
  }

  /// The offset just past a number starting at `start`: digits, an optional fraction and an
  /// optional exponent (`e`, optional sign, digits; an `e` without digits is not consumed).
  private func scanNumber(from start: Int) -> Int {
    var i = start
    while isDigit(at: i) { i += 1 }
    if i < characters.count && characters[i] == "." {
      i += 1
      while isDigit(at: i) { i += 1 }
    }
    if i < characters.count && (characters[i] == "e" || characters[i] == "E") {
      var j = i + 1
      if j < characters.count && (characters[j] == "+" || characters[j] == "-") { j += 1 }
      if isDigit(at: j) {
        i = j
        while isDigit(at: i) { i += 1 }
      }
    }
    return i
  }
}
