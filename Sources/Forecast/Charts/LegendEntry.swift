/// One item of a figure's legend: a swatch drawn like the mark it names, and the name.
public struct LegendEntry: Sendable, Hashable {
  public enum Swatch: Sendable, Hashable {
    case line(SeriesStyle)
    case band(color: String, opacity: Double)
    case marker(color: String, shape: MarkerShape)
    case bar(color: String)
  }

  public var label: String
  public var swatch: Swatch

  public init(_ label: String, swatch: Swatch) {
    self.label = label
    self.swatch = swatch
  }
}
