/// One lexical unit of a formula, with the character offsets it spans in the source.
///
/// Offsets count `Character`s from the start of the formula, so a caret drawn under the source
/// lines up with what the analyst typed.
struct FormulaToken: Sendable, Equatable {
  /// What kind of token this is.
  enum Kind: Sendable, Equatable {
    /// A name: a column or a function, possibly written in backquotes.
    case identifier(String)
    /// A number literal; `text` is kept to check for integer literals (lag orders, degrees).
    case number(Double, text: String)
    case tilde
    case plus
    case minus
    case star
    case slash
    case caret
    case colon
    case comma
    case leftParenthesis
    case rightParenthesis
    case end
  }

  let kind: Kind
  /// Offset of the first character.
  let start: Int
  /// Offset one past the last character.
  let end: Int

  /// How the token reads in an error message ("`log`", "end of formula").
  var quoted: String {
    switch kind {
    case .identifier(let name): return "`\(name)`"
    case .number(_, let text): return "`\(text)`"
    case .tilde: return "`~`"
    case .plus: return "`+`"
    case .minus: return "`-`"
    case .star: return "`*`"
    case .slash: return "`/`"
    case .caret: return "`^`"
    case .colon: return "`:`"
    case .comma: return "`,`"
    case .leftParenthesis: return "`(`"
    case .rightParenthesis: return "`)`"
    case .end: return "end of formula"
    }
  }
}
