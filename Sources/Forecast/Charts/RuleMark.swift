/// A reference line across the plot with a short label, such as the base year ("base year
/// 2025", vertical) or a threshold or the base value of a tornado chart (horizontal or
/// vertical).
public struct RuleMark: Sendable, Hashable {
  public enum Orientation: Sendable, Hashable {
    /// A vertical line at an x value, labelled at the top of the plot.
    case vertical(x: Double)
    /// A horizontal line at a y value, labelled at its right end.
    case horizontal(y: Double)
  }

  public var orientation: Orientation
  public var label: String?
  public var color: String
  public var dash: DashPattern

  public init(
    _ orientation: Orientation, label: String?, color: String = ChartPalette.reference,
    dash: DashPattern = DashPattern([3, 3])
  ) {
    self.orientation = orientation
    self.label = label
    self.color = color
    self.dash = dash
  }
}
