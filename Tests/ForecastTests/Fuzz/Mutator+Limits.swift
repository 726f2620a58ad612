/// Mutations that cross the input limits (docs/reliability.md, "Bounded input"): long runs of
/// the tokens that nest, chain or lengthen keys, far past what `mutate` inserts (at most 300
/// copies of a general token). Kept apart from `mutate` and its token list, so that the cases
/// of the older targets, and the reproduction lines in docs/fuzzing.md, stay the same.
extension Mutator {
  /// Tokens whose long runs go past a formula limit (`FormulaParser.maximumDepth`).
  static let formulaLimitTokens = [
    "(", "I(", "log(", "lag(", "-", "+", "x+", "x*", "x^", "diff(", "((x))", "x)", ")",
  ].map { Array($0.utf8) }

  /// Tokens whose long runs go past a TOML limit (`TOMLLimits`): nesting, dotted parts, key
  /// length, NUL escapes, and text for the message escaping.
  static let tomlLimitTokens = [
    "[", "]", "{", "}", "{ a = ", "a = [", "[[", "a.", ".", "\"k\".", "k", "\"", "\\u0000",
    "\\U00000000", "\\u001b[2J", "\\u202e", "\u{1B}", "\u{FFFE}", " = ", "\n", "#",
  ].map { Array($0.utf8) }

  /// Tokens whose long runs make wide headers, long fields and many blank lines in a CSV.
  static let csvLimitTokens = [",", "\n", "\r\n", "a", "\"", ",\"\"", "\u{1B}[2J", "\u{202E}"]
    .map { Array($0.utf8) }

  /// `seed` after `mutate`, then one run of 1 to `longestRun` copies of one of `tokens` at a
  /// random place, cut to `maximumLength`.
  mutating func mutateAcrossLimits(
    _ seed: [UInt8], partner: [UInt8], tokens: [[UInt8]], longestRun: Int
  ) -> [UInt8] {
    var bytes = mutate(seed, partner: partner)
    let token = pick(tokens)
    let run = Array([[UInt8]](repeating: token, count: 1 + below(longestRun)).joined())
    bytes.insert(contentsOf: run, at: below(bytes.count + 1))
    if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
    return bytes
  }

  /// A header of `count` distinct names (`c0`, `c1`, ...), for tables near the column limit.
  static func wideHeader(_ count: Int) -> [UInt8] {
    Array((0..<count).map { "c\($0)" }.joined(separator: ",").utf8)
  }
}
