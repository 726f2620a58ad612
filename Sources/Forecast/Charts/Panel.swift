/// One plot of a figure: its marks on the figure's x axis and its own y axis.
///
/// A figure of several panels is a set of small multiples.
public struct Panel: Sendable, Hashable {
  public var title: String?
  public var y: Axis
  public var marks: [Mark]
  /// The plot area's height in view-box units; nil takes the figure's default (a categorical
  /// axis takes 30 per category).
  public var height: Double?

  public init(title: String? = nil, y: Axis, marks: [Mark], height: Double? = nil) {
    precondition(y.kind != .years, "Panel: a year axis is an x axis")
    self.title = title
    self.y = y
    self.marks = marks
    self.height = height
  }
}
