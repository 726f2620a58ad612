/// Integer ticks for a year axis, every 1, 2, 5, 10, 20 or 50 (and so on) years.
///
/// The ticks are multiples of the step inside the years shown: a year axis is not widened to
/// nice numbers, the data's first and last years are its ends.
public struct YearTicks: Sendable, Equatable {
  public let values: [Int]
  public let step: Int

  /// Ticks within `years`, the smallest step that gives at most `maximumCount` of them.
  public init(years: ClosedRange<Int>, maximumCount: Int = 8) {
    let count = max(maximumCount, 2)
    var step = 1
    var candidates = [1, 2, 5]
    while true {
      let s = candidates.removeFirst()
      candidates.append(s * 10)
      let first = Self.ceilingMultiple(years.lowerBound, of: s)
      let n = first > years.upperBound ? 0 : (years.upperBound - first) / s + 1
      if n <= count {
        step = s
        break
      }
    }
    let first = Self.ceilingMultiple(years.lowerBound, of: step)
    values = Array(stride(from: first, through: years.upperBound, by: step))
    self.step = step
  }

  private static func ceilingMultiple(_ value: Int, of step: Int) -> Int {
    let remainder = ((value % step) + step) % step
    return remainder == 0 ? value : value + step - remainder
  }
}
