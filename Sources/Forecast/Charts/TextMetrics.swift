/// An estimate of the width of a line of text, for layout without a font engine: an average
/// advance width per character class, in ems, with full width for CJK.
///
/// The widths are those of DejaVu Sans, the widest face in the font stack (Noto Sans is about
/// 10% narrower), rounded up, so a label that fits by the estimate fits in every face the
/// stack names. Bold adds 10%. Combining marks take no width.
public enum TextMetrics {
  /// The estimated width of `text` at `size` view-box units.
  public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
    let ems = text.unicodeScalars.reduce(0.0) { $0 + advance($1) }
    return ems * size * (bold ? 1.1 : 1)
  }

  /// The advance of one scalar, in ems.
  static func advance(_ scalar: Unicode.Scalar) -> Double {
    if isWide(scalar) { return 1 }
    switch scalar {
    case " ", "i", "j", "l", "!", "|", "'", ".", ",", ":", ";", "I", "J": return 0.32
    case "f", "t", "r", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "\"", "*": return 0.42
    case "m", "w", "M", "W", "%", "@", "\u{2014}", "\u{2026}": return 1
    case "\u{2212}", "+", "=", "<", ">", "~", "×", "÷", "±": return 0.84
    case "\u{2013}": return 0.5
    case "0"..."9", "a"..."z", "$", "#", "&", "?", "_", "^", "`": return 0.64
    case "A"..."Z": return 0.78
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: return 0.8
    }
  }

  /// East Asian wide and full-width characters: CJK ideographs, kana, Hangul, full-width
  /// forms and CJK punctuation.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x2_0000...0x3_FFFD:
      true
    default: false
    }
  }

  /// `text` shortened with an ellipsis so that it fits `maximumWidth` (unchanged if it fits).
  public static func truncate(
    _ text: String, toWidth maximumWidth: Double, size: Double, bold: Bool = false
  ) -> String {
    if width(text, size: size, bold: bold) <= maximumWidth { return text }
    return ellipsized(text, toWidth: maximumWidth, size: size, bold: bold)
  }

  /// The longest prefix of `text` that fits `maximumWidth` with an ellipsis after it.
  ///
  /// One pass: a prefix's width without its trailing spaces only grows with the prefix, so the
  /// prefixes that fit are the first few; each candidate's width is summed in the order
  /// `width` sums it, so the choice is the same as measuring every candidate whole.
  static func ellipsized(
    _ text: String, toWidth maximumWidth: Double, size: Double, bold: Bool
  ) -> String {
    let ellipsis = advance("\u{2026}")
    func fits(_ ems: Double) -> Bool { (ems + ellipsis) * size * (bold ? 1.1 : 1) <= maximumWidth }
    guard fits(0) else { return "" }
    var running = 0.0  // the ems of the prefix so far
    var kept = text.startIndex  // the end of the longest prefix that fits
    var index = text.startIndex
    for character in text {
      let next = text.index(after: index)
      for scalar in character.unicodeScalars { running += advance(scalar) }
      if character != " " {
        // Trailing spaces are trimmed: a prefix ending here is measured up to this character.
        guard fits(running) else { break }
        kept = next
      }
      index = next
    }
    return String(text[..<kept]) + "\u{2026}"
  }

  /// `text` broken into lines of at most `maximumWidth`, at spaces or between CJK characters,
  /// at most `maximumLines` of them, the last ending in an ellipsis if text is left over.
  public static func wrap(
    _ text: String, toWidth maximumWidth: Double, size: Double, bold: Bool = false,
    maximumLines: Int = 2
  ) -> [String] {
    precondition(maximumLines >= 1, "TextMetrics.wrap: \(maximumLines) lines")
    let tokens = breakTokens(text)
    var lines: [String] = []
    var current = ""
    var index = 0
    while index < tokens.count {
      let candidate =
        current.isEmpty ? tokens[index].trimmingLeadingSpaces() : current + tokens[index]
      if current.isEmpty || width(candidate, size: size, bold: bold) <= maximumWidth {
        current = candidate
        index += 1
      } else {
        lines.append(current)
        current = ""
        if lines.count == maximumLines { break }
      }
    }
    if !current.isEmpty { lines.append(current) }
    // A single word wider than the line is cut; text left over ends the last line in "…".
    lines = lines.map {
      truncate($0.trimmingTrailingSpaces(), toWidth: maximumWidth, size: size, bold: bold)
    }
    if index < tokens.count, let last = lines.popLast() {
      lines.append(ellipsized(last, toWidth: maximumWidth, size: size, bold: bold))
    }
    return lines
  }

  /// Pieces between which a line may break: a word with its leading spaces, or one wide
  /// character.
  private static func breakTokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for character in text {
      let wide = character.unicodeScalars.first.map(isWide) ?? false
      if character == " " && !current.isEmpty && current.last != " " {
        tokens.append(current)
        current = " "
      } else if wide {
        if !current.isEmpty { tokens.append(current) }
        tokens.append(String(character))
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }

  fileprivate func trimmingLeadingSpaces() -> String {
    String(drop { $0 == " " })
  }
}
