/// Fixed formatting of SVG coordinates and lengths: at most two decimals, no trailing zeros,
/// no exponent and no negative zero, so the same geometry always gives the same bytes.
///
/// Two decimals are a hundredth of a user unit: invisible at any print size of an 800-unit
/// view box, and short enough to keep paths small.
enum SVGNumber {
  /// The largest magnitude written: a coordinate beyond it (data far outside a fixed axis
  /// domain) is clamped to it, far outside any view box and clipped like the rest.
  static let limit = 1e7

  /// `value` rounded half away from zero to hundredths: `12.5`, `-3.14`, `0`, `100`.
  static func format(_ value: Double) -> String {
    precondition(value.isFinite, "SVG coordinate \(value)")
    let clamped = min(max(value, -limit), limit)
    let hundredths = Int64((clamped * 100).rounded(.toNearestOrAwayFromZero))
    if hundredths == 0 { return "0" }
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    var text = hundredths < 0 ? "-" : ""
    text += String(whole)
    if fraction != 0 {
      text +=
        fraction % 10 == 0
        ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
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
