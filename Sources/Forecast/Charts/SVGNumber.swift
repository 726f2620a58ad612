/// Fixed formatting of SVG coordinates and lengths: at most two decimals, no trailing zeros,
/// no exponent and no negative zero, so the same geometry always gives the same bytes.
///
/// Two decimals are a hundredth of a user unit: invisible at any print size of an 800-unit
/// view box, and short enough to keep paths small.
enum SVGNumber {
  /// The largest magnitude written; coordinates beyond it are a layout bug.
  static let limit = 1e12

  /// `value` rounded half away from zero to hundredths, e.g. `12.5`, `-3.14`, `0`, `100`.
  static func format(_ value: Double) -> String {
    precondition(value.isFinite && abs(value) < limit, "SVG coordinate out of range: \(value)")
    let hundredths = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    if hundredths == 0 { return "0" }
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    var text = hundredths < 0 ? "-" : ""
    text += String(whole)
    if fraction != 0 {
      text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
    }
    return text
  }

  /// Points as an SVG `points` or path list: `x,y x,y ...`.
  static func pointList(_ points: [Point]) -> String {
    points.map { "\(format($0.x)),\(format($0.y))" }.joined(separator: " ")
  }
}

/// A point in the view box's user units (y grows downwards, as in SVG).
struct Point: Sendable, Equatable {
  var x: Double
  var y: Double
}
