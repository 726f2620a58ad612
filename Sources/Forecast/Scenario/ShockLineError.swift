/// Why a one-line shock (`ShockLine`) does not parse: the line, what was expected there and
/// what was found, with the nearest valid names for a target or an op.
public enum ShockLineError: Error, Equatable, Sendable {
  /// Fewer than three fields, or more than a span and an sd after them.
  case shape(line: String, fields: Int)
  /// A target that is not a shock target of the scenario (MODEL.md 8).
  case unknownTarget(line: String, found: String, nearest: [String])
  /// An op other than set, scale and add.
  case unknownOperation(line: String, found: String, nearest: [String])
  /// A value that is not a finite number.
  case badValue(line: String, found: String)
  /// A span that is not a year or two years FROM-TO.
  case badSpan(line: String, found: String)
  /// A span whose last year is before its first.
  case reversedSpan(line: String, from: Int, to: Int)
  /// An sd that is not a finite number >= 0.
  case badStandardDeviation(line: String, found: String)
  /// An sd given more than once.
  case repeatedStandardDeviation(line: String)
  /// An alternative (`ShockAlternative`) without `NAME:`, or whose name is not a scenario
  /// name (`found`; nil when there is no colon).
  case alternativeName(text: String, found: String?)
  /// An alternative with a name but no shocks.
  case alternativeWithoutShocks(text: String)
  /// An alternative whose name another alternative or a compared scenario already has.
  case alternativeNameTaken(text: String, name: String)

  /// The line the error is about.
  public var line: String {
    switch self {
    case .shape(let line, _), .unknownTarget(let line, _, _), .unknownOperation(let line, _, _),
      .badValue(let line, _), .badSpan(let line, _), .reversedSpan(let line, _, _),
      .badStandardDeviation(let line, _), .repeatedStandardDeviation(let line),
      .alternativeName(let line, _),
      .alternativeWithoutShocks(let line), .alternativeNameTaken(let line, _):
      return line
    }
  }
}

extension ShockLineError: SettingMessage {
  public func message(naming n: SettingNames) -> String {
    let head = "\(n(.shock)) \(Wording.quoted(line)): "
    let alternative = "\(n(.alternative)) \(Wording.quoted(line)): expected NAME: \(n(.shock)) "
      + "LINE [\(n(.shock)) LINE...], with NAME a scenario name ([a-z0-9_-]+), "
    switch self {
    case .alternativeName(_, let found):
      return alternative + "found " + (found.map { "the name \(Wording.quoted($0))" } ?? "no colon")
    case .alternativeWithoutShocks:
      return alternative + "found no shocks"
    case .alternativeNameTaken(_, let name):
      return "\(n(.alternative)) \(Wording.quoted(line)): the name \(Wording.quoted(name)) is "
        + "taken by another alternative or a compared scenario: give each alternative its own name"
    case .shape(_, let fields):
      return head + "expected \(ShockLine.grammar) (for example "
        + "\"sectors.S.growth set 0.5 2026-2030\"), found \(Wording.count(fields, "field"))"
    case .unknownTarget(_, let found, let nearest):
      return head + "expected a target this scenario has (\(n(.listTargets)) lists them), found "
        + Wording.quoted(found) + Self.suggesting(nearest)
    case .unknownOperation(_, let found, let nearest):
      return head + "expected an op set, scale or add, found \(Wording.quoted(found))"
        + Self.suggesting(nearest)
    case .badValue(_, let found):
      return head + "expected a finite number as the value, found \(Wording.quoted(found))"
    case .repeatedStandardDeviation:
      return head + "expected sd=SD once, at the end of the line, found it more than once"
    case .badSpan(_, let found):
      return head + "expected the years as FROM or FROM-TO (2026, 2026-2030), found "
        + Wording.quoted(found)
    case .reversedSpan(_, let from, let to):
      return head + "expected a last year >= the first (\(from)), found \(to)"
    case .badStandardDeviation(_, let found):
      return head + "expected sd=SD with SD a finite number >= 0, found \(Wording.quoted(found))"
    }
  }

  /// `; did you mean "a", "b" or "c"?`, or nothing.
  private static func suggesting(_ names: [String]) -> String {
    names.isEmpty
      ? "" : "; did you mean \(Wording.list(names.map(Wording.quoted), conjunction: "or"))?"
  }
}
