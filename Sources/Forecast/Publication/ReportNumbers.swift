/// How the report writes numbers: persons with thousands separators or in millions and
/// thousands, shares in percent, intervals as "low–high".
enum ReportNumbers {
  /// Every digit of a whole number of persons: `12,505,817`.
  static func persons(_ value: Double) -> String {
    NumberFormat(.grouped).string(value)
  }

  /// A headline number: `12.51 million`, `211.4 thousand`, `576`, or `1.91%` for a share.
  static func headline(_ value: Double, share: Bool) -> String {
    if share { return NumberFormat(.percent, decimals: 2).string(value) }
    let m = abs(value)
    if m >= 1e6 { return NumberFormat(.scaled(.million, .word), decimals: 2).string(value) }
    if m >= 1e4 { return NumberFormat(.scaled(.thousand, .word), decimals: 1).string(value) }
    return NumberFormat(.grouped).string(value)
  }

  /// A table cell of a metric: persons in full, a share in percent with three decimals.
  static func cell(_ value: Double, share: Bool) -> String {
    guard value.isFinite else { return "" }
    return share ? NumberFormat(.percent, decimals: 3).string(value) : persons(value)
  }

  /// `low–high` in the headline style, the unit once when both ends share it
  /// (`12.40–12.62 million`).
  static func interval(_ low: Double, _ high: Double, share: Bool) -> String {
    let a = headline(low, share: share)
    let b = headline(high, share: share)
    for unit in [" million", " thousand", "%"] where a.hasSuffix(unit) && b.hasSuffix(unit) {
      return String(a.dropLast(unit.count)) + "–" + b
    }
    return a + " – " + b
  }
}
