/// Small pieces of English for messages: a count with the right plural, a list with "and",
/// and input text made safe to print.
public enum Wording {
  /// "1 value", "2 values"; `plural` for nouns that do not take an s ("1 series", "2 series").
  public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// "a", "a and b", "a, b and c" (or with `conjunction` "or").
  public static func list(_ items: [String], conjunction: String = "and") -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }

  /// `text` between double quotes, its control characters escaped: how a message quotes a
  /// value it found in a file.
  public static func quoted(_ text: String) -> String {
    "\"" + escapingControlCharacters(text) + "\""
  }

  /// `text` with every character that could act on a terminal written as a Swift escape,
  /// `\u{1B}`: C0 controls and DEL, C1 controls, the bidirectional overrides, embeddings and
  /// isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and
  /// paragraph separators. So a data file holding `ESC [ 2 J` cannot clear the screen of
  /// whoever reads the error, and a right-to-left override cannot reorder what it says.
  ///
  /// With `keepingLineBreaks`, line feeds and tabs stay as they are (for a whole message of
  /// several lines); a carriage return is always escaped, since it can hide what precedes it.
  public static func escapingControlCharacters(_ text: String, keepingLineBreaks: Bool = false)
    -> String
  {
    // The common case, nothing to escape, costs one scan and no copy.
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar, keepingLineBreaks) {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `scalar` is written as an escape by `escapingControlCharacters`.
  static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return !keepingLineBreaks
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
