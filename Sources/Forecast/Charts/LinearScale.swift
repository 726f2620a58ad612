/// A linear map from a data domain to a range of view-box units.
///
///     scale(v) = range.lower + (v − domain.lower) / (domain.upper − domain.lower)
///                              × (range.upper − range.lower)
///
/// The range may run backwards (a y axis maps larger values upwards, to smaller SVG y). A
/// domain of zero width maps every value to the middle of the range.
public struct LinearScale: Sendable, Equatable {
  public var domain: ClosedRange<Double>
  /// The view-box coordinates of `domain.lowerBound` and `domain.upperBound`, in that order.
  public var range: (lower: Double, upper: Double)

  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    precondition(
      domain.lowerBound.isFinite && domain.upperBound.isFinite,
      "LinearScale: domain \(domain) is not finite")
    self.domain = domain
    self.range = (lower: range.0, upper: range.1)
  }

  /// The view-box coordinate of `value`.
  public func callAsFunction(_ value: Double) -> Double {
    let width = domain.upperBound - domain.lowerBound
    guard width > 0 else { return (range.lower + range.upper) / 2 }
    return range.lower + (value - domain.lowerBound) / width * (range.upper - range.lower)
  }

  /// The data value at view-box coordinate `coordinate`.
  public func invert(_ coordinate: Double) -> Double {
    let span = range.upper - range.lower
    guard span != 0 else { return domain.lowerBound }
    return domain.lowerBound
      + (coordinate - range.lower) / span * (domain.upperBound - domain.lowerBound)
  }

  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }
}
