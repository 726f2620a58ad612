/// Estimates with their intervals, as a marker and a capped line: sensitivity indices with
/// confidence intervals (horizontal, on a categorical y axis) or backtest errors by year
/// (vertical).
public struct ErrorBarMark: Sendable, Hashable {
  public enum Orientation: Sendable, Hashable {
    /// The interval runs along x; `Estimate.position` is the y value (a category index).
    case horizontal
    /// The interval runs along y; `Estimate.position` is the x value.
    case vertical
  }

  public struct Estimate: Sendable, Hashable {
    public var position: Double
    public var value: Double
    public var lower: Double
    public var upper: Double

    public init(position: Double, value: Double, lower: Double, upper: Double) {
      self.position = position
      self.value = value
      self.lower = lower
      self.upper = upper
    }
  }

  public var label: String?
  public var estimates: [Estimate]
  public var orientation: Orientation
  public var color: String
  public var shape: MarkerShape

  public init(
    _ label: String?, estimates: [Estimate], orientation: Orientation, color: String,
    shape: MarkerShape = .circle
  ) {
    self.label = label
    self.estimates = estimates
    self.orientation = orientation
    self.color = color
    self.shape = shape
  }
}
