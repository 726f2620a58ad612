import Foundation

/// How a number is written in a chart label: grouped digits (`12,700,000`), scaled to
/// thousands, millions or billions with a word, a symbol or nothing (`12.7 million`,
/// `61.2 M`, `12.7`), or as a percent of a fraction (`0.019` → `1.9%`), always with a
/// stated number of decimals.
///
/// An axis uses one format for all its tick labels (``forAxis(_:ticks:)``), so every label
/// has the same decimals. Negative numbers take the minus sign U+2212, as typeset text does.
/// Rounding is half away from zero, done on integers, so the text does not depend on the
/// platform's `printf` or locale.
public struct NumberFormat: Sendable, Hashable {
  /// The power of a thousand a scaled number is written in.
  public enum Magnitude: Sendable, Hashable, CaseIterable {
    case thousand, million, billion

    public var factor: Double {
      switch self {
      case .thousand: 1e3
      case .million: 1e6
      case .billion: 1e9
      }
    }

    public var word: String {
      switch self {
      case .thousand: "thousand"
      case .million: "million"
      case .billion: "billion"
      }
    }

    /// SI-style symbol (`k`, `M`) and `bn` for billions, as in financial reporting.
    public var symbol: String {
      switch self {
      case .thousand: "k"
      case .million: "M"
      case .billion: "bn"
      }
    }
  }

  /// What follows a scaled number.
  public enum Suffix: Sendable, Hashable {
    /// `12.7 million`.
    case word
    /// `12.7 M`.
    case symbol
    /// `12.7`, the magnitude named in the axis title instead.
    case none
  }

  public enum Style: Sendable, Hashable {
    /// Digits grouped by thousands with commas: `12,700,000`.
    case grouped
    /// Divided by the magnitude: `12.7 million`, `61.2 M`, `12.7`.
    case scaled(Magnitude, Suffix)
    /// A fraction times 100 with a percent sign: `1.9%`.
    case percent
  }

  public var style: Style
  public var decimals: Int

  public init(_ style: Style, decimals: Int = 0) {
    precondition((0...12).contains(decimals), "NumberFormat: \(decimals) decimals")
    self.style = style
    self.decimals = decimals
  }

  /// The text of `value`; NaN is written as an en dash, infinities as `∞` and `−∞`.
  public func string(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
    switch style {
    case .grouped:
      return Self.decimalText(value, decimals: decimals)
    case .scaled(let magnitude, let suffix):
      let number = Self.decimalText(value / magnitude.factor, decimals: decimals)
      switch suffix {
      case .word: return "\(number) \(magnitude.word)"
      case .symbol: return "\(number) \(magnitude.symbol)"
      case .none: return number
      }
    case .percent:
      return Self.decimalText(value * 100, decimals: decimals) + "%"
    }
  }

  /// The value a label of this style shows, before rounding (`value / 10⁶` for millions).
  func shown(_ value: Double) -> Double {
    switch style {
    case .grouped: value
    case .scaled(let magnitude, _): value / magnitude.factor
    case .percent: value * 100
    }
  }

  /// One format for every tick of an axis: the fewest decimals (at most 6) that write each
  /// tick exactly, so `0, 0.5, 1` become `0.0, 0.5, 1.0` and `0, 2, 4` stay integers.
  public static func forAxis(_ style: Style, ticks: [Double]) -> NumberFormat {
    let shown = ticks.map(NumberFormat(style).shown)
    for decimals in 0...6 {
      let power = pow(10, Double(decimals))
      let exact = shown.allSatisfy { v in
        let scaled = v * power
        return abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled))
      }
      if exact { return NumberFormat(style, decimals: decimals) }
    }
    return NumberFormat(style, decimals: 6)
  }

  /// The scaled style whose magnitude suits numbers up to `largest` in absolute value: grouped
  /// digits below ten thousand, thousands below a million, then millions, then billions.
  public static func automaticStyle(largest: Double, suffix: Suffix) -> Style {
    let m = abs(largest)
    if m < 1e4 { return .grouped }
    if m < 1e6 { return .scaled(.thousand, suffix) }
    if m < 1e9 { return .scaled(.million, suffix) }
    return .scaled(.billion, suffix)
  }

  /// `value` rounded to `decimals`, integer part grouped by thousands.
  static func decimalText(_ value: Double, decimals: Int) -> String {
    let power = pow(10, Double(decimals))
    // A relative nudge of a few ulps, so 0.145 × 100 (14.499999999999998) rounds as written.
    let scaled = value * power
    let nudged = scaled + (scaled >= 0 ? 1 : -1) * abs(scaled) * 4 * Double.ulpOfOne
    let rounded = nudged.rounded(.toNearestOrAwayFromZero)
    guard abs(rounded) < 9e18 else {
      // Beyond Int64: the integral digits as glibc prints them (exactly), no decimals.
      let digits = String(format: "%.0f", abs(value).rounded(.toNearestOrAwayFromZero))
      return (value < 0 ? "\u{2212}" : "") + groupedDigits(Array(digits))
    }
    let units = Int64(rounded)
    let magnitude = units.magnitude
    let divisor = UInt64(power)
    let whole = magnitude / divisor
    let fraction = magnitude % divisor
    var text = units < 0 ? "\u{2212}" : ""
    text += grouped(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }

  private static func grouped(_ n: UInt64) -> String {
    groupedDigits(Array(String(n)))
  }

  private static func groupedDigits(_ digits: [Character]) -> String {
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(d)
    }
    return out
  }
}
