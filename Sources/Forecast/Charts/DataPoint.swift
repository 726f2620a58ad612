/// A data value in a panel's coordinates: x on the figure's x axis, y on the panel's y axis
/// (for a categorical axis, the category's index).
public struct DataPoint: Sendable, Hashable {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  /// Whether both coordinates are finite; marks leave a gap at a point that is not.
  public var isFinite: Bool { x.isFinite && y.isFinite }
}
