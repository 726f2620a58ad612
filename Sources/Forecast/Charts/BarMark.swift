/// Horizontal bars on a categorical y axis, each from one x value to another with an
/// optional label beyond each end: the low and high outcomes of a tornado chart, drawn
/// either side of its base value.
public struct BarMark: Sendable, Hashable {
  /// One bar: its category's index on the y axis, its ends, and the labels outside them.
  public struct Bar: Sendable, Hashable {
    public var category: Int
    public var from: Double
    public var to: Double
    /// Written left of the bar's left end.
    public var leadingLabel: String?
    /// Written right of the bar's right end.
    public var trailingLabel: String?

    public init(
      category: Int, from: Double, to: Double, leadingLabel: String? = nil,
      trailingLabel: String? = nil
    ) {
      self.category = category
      self.from = from
      self.to = to
      self.leadingLabel = leadingLabel
      self.trailingLabel = trailingLabel
    }
  }

  public var label: String?
  public var bars: [Bar]
  public var color: String
  /// The bar's thickness as a fraction of its category's row.
  public var thickness: Double

  public init(_ label: String?, bars: [Bar], color: String, thickness: Double = 0.6) {
    precondition(thickness > 0 && thickness <= 1, "BarMark: thickness \(thickness)")
    self.label = label
    self.bars = bars
    self.color = color
    self.thickness = thickness
  }
}
