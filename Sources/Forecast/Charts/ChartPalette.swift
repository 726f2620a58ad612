/// The series colours and dash patterns of every chart: the Okabe–Ito palette (Okabe and Ito,
/// "Color Universal Design", 2008), safe for the common colour-vision deficiencies, without
/// its yellow (too light to read as a line on white).
///
/// The order alternates dark and light colours, so the first series stay apart when printed
/// in grey (relative luminance: blue 0.15, orange 0.42, black 0, green 0.26, vermillion 0.22,
/// sky blue 0.40, purple 0.29), and each series also gets its own dash pattern, a second
/// channel for greyscale print and for readers who cannot tell the colours apart.
public enum ChartPalette {
  /// The colours in the order series take them.
  public static let colors: [String] = [
    "#0072B2",  // blue
    "#E69F00",  // orange
    "#000000",  // black
    "#009E73",  // bluish green
    "#D55E00",  // vermillion
    "#56B4E9",  // sky blue
    "#CC79A7",  // reddish purple
  ]

  /// The dash patterns in the order series take them, in view-box units (dash, gap, ...).
  public static let dashes: [DashPattern] = [
    .solid, .dashed, .dotted, .dashDot, .longDashed, .dashDotDot, .sparseDotted,
  ]

  /// The style of the `index`th series: colour and dash cycle together, the dashes shifted by
  /// one on each pass through the colours so that series 8 is not series 1 again.
  public static func series(_ index: Int) -> SeriesStyle {
    precondition(index >= 0, "ChartPalette.series: index \(index)")
    let color = colors[index % colors.count]
    let dash = dashes[(index + index / colors.count) % dashes.count]
    return SeriesStyle(color: color, dash: dash)
  }

  /// Text, axis and gridline greys: dark text, mid-grey axes, gridlines light enough to
  /// recede behind the data.
  public static let text = "#222222"
  public static let secondaryText = "#555555"
  public static let axis = "#767676"
  public static let grid = "#E5E5E5"
  public static let reference = "#444444"
}

/// A line's dash pattern: lengths of dashes and gaps in view-box units; empty is solid.
public struct DashPattern: Sendable, Hashable {
  public var lengths: [Double]

  public init(_ lengths: [Double]) {
    precondition(lengths.allSatisfy { $0 > 0 }, "DashPattern: lengths \(lengths)")
    self.lengths = lengths
  }

  public static let solid = DashPattern([])
  /// The pattern of a projection drawn after a solid observed line.
  public static let dashed = DashPattern([6, 4])
  public static let dotted = DashPattern([1.5, 3])
  public static let dashDot = DashPattern([8, 3, 1.5, 3])
  public static let longDashed = DashPattern([12, 4])
  public static let dashDotDot = DashPattern([8, 3, 1.5, 3, 1.5, 3])
  public static let sparseDotted = DashPattern([1.5, 6])

  /// The `stroke-dasharray` value, or nil for a solid line.
  var attribute: String? {
    lengths.isEmpty ? nil : lengths.map(SVGNumber.format).joined(separator: " ")
  }
}

/// The look of one series: colour, dash and line width.
public struct SeriesStyle: Sendable, Hashable {
  public var color: String
  public var dash: DashPattern
  public var lineWidth: Double

  public init(color: String, dash: DashPattern = .solid, lineWidth: Double = 2) {
    self.color = color
    self.dash = dash
    self.lineWidth = lineWidth
  }

  /// The same colour and width with another dash.
  public func dashed(_ pattern: DashPattern = .dashed) -> SeriesStyle {
    var copy = self
    copy.dash = pattern
    return copy
  }
}
