/// The area between a lower and an upper series, such as a fan chart's 50% or 90% interval.
///
/// Filled with the colour at `opacity`, so nested bands darken where they overlap. A
/// non-finite value breaks the band.
public struct BandMark: Sendable, Hashable {
  public var label: String?
  public var x: [Double]
  public var lower: [Double]
  public var upper: [Double]
  public var color: String
  public var opacity: Double

  public init(
    _ label: String?, x: [Double], lower: [Double], upper: [Double], color: String,
    opacity: Double = 0.25
  ) {
    precondition(
      x.count == lower.count && x.count == upper.count,
      "BandMark: \(x.count) x values, \(lower.count) lower, \(upper.count) upper")
    precondition((0...1).contains(opacity), "BandMark: opacity \(opacity)")
    self.label = label
    self.x = x
    self.lower = lower
    self.upper = upper
    self.color = color
    self.opacity = opacity
  }

  /// Index ranges of consecutive finite x, lower and upper values.
  var pieces: [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int?
    for i in x.indices {
      let finite = x[i].isFinite && lower[i].isFinite && upper[i].isFinite
      if finite, start == nil { start = i }
      if !finite, let s = start {
        result.append(s..<i)
        start = nil
      }
    }
    if let s = start { result.append(s..<x.count) }
    return result
  }
}
