/// Small pieces of English for messages: a count with the right plural, a list with "and".
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
}
