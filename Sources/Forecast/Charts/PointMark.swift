/// Markers at data points (observed values, a backtest's actuals), drawn with a white
/// outline so they stay visible on top of lines and bands.
public struct PointMark: Sendable, Hashable {
  public var label: String?
  public var points: [DataPoint]
  public var color: String
  public var shape: MarkerShape
  /// The marker's width in view-box units.
  public var size: Double

  public init(
    _ label: String?, points: [DataPoint], color: String, shape: MarkerShape = .circle,
    size: Double = 8
  ) {
    self.label = label
    self.points = points
    self.color = color
    self.shape = shape
    self.size = size
  }
}

/// A marker's shape; shapes, like dashes, tell series apart without colour.
public enum MarkerShape: Sendable, Hashable, CaseIterable {
  case circle, square, triangle, diamond
}
