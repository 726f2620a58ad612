import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert, "Nice
/// numbers for graph labels", *Graphics Gems* (1990), loose labelling.
///
///     step  = nice((max − min) / (count − 1), rounding)   nice(x) ∈ {1, 2, 5, 10}·10ᵏ
///     first = ⌊min / step⌋·step,  last = ⌈max / step⌉·step
///
/// Heckbert first rounds the range itself up to a nice number and takes the step from that;
/// here the step comes from the data's range directly, which keeps 0…12.7 million at steps of
/// 2 million (0 to 14) rather than 5 million (0 to 15, a quarter of the axis empty). The ticks
/// are computed as integers times the step's mantissa over a power of ten, so 0.6 is written
/// `0.6`, not `0.6000000000000001`.
public struct NiceTicks: Sendable, Equatable {
  /// The tick values, ascending; the first and last enclose the data.
  public let values: [Double]
  /// The distance between ticks.
  public let step: Double
  /// The decimals a label needs to tell the ticks apart: `max(−⌊log₁₀ step⌋, 0)`.
  public let fractionDigits: Int

  /// The span from the first tick to the last, the axis domain of a loosely labelled axis.
  public var domain: ClosedRange<Double> { (values.first ?? 0)...(values.last ?? 1) }

  /// Ticks enclosing `min...max`, about `targetCount` of them (at least 2).
  ///
  /// An empty range (min equal to max) is widened to the nice numbers around the value, or
  /// to −1…1 at zero; so is a span below a trillionth of the values.
  public init(covering range: ClosedRange<Double>, targetCount: Int = 6) {
    precondition(
      range.lowerBound.isFinite && range.upperBound.isFinite,
      "NiceTicks: range \(range) is not finite")
    var low = range.lowerBound
    var high = range.upperBound
    // A span below a trillionth of the values is no span: ticks could not tell them apart.
    if high - low <= max(abs(low), abs(high)) * 1e-12 {
      high = low
    }
    if low == high {
      let magnitude = low == 0 ? 1 : Self.niceNumber(abs(low), round: false) / 2
      low -= magnitude
      high += magnitude
    }
    let (mantissa, exponent) = Self.niceParts((high - low) / Double(max(targetCount, 2) - 1))
    // step = mantissa · 10^exponent, held as an integer mantissa and a power of ten so that
    // multiples are exact decimals.
    let scale = pow(10, Double(abs(exponent)))
    let step = exponent >= 0 ? mantissa * scale : mantissa / scale
    // Quotients within a billionth of an integer are that integer (0.6 / 0.2 is 2.9999...).
    func snapped(_ q: Double) -> Double {
      abs(q - q.rounded()) < 1e-9 * max(1, abs(q)) ? q.rounded() : q
    }
    let firstIndex = snapped(low / step).rounded(.down)
    let lastIndex = snapped(high / step).rounded(.up)
    let count = Int(lastIndex - firstIndex) + 1
    let values = (0..<count).map { i -> Double in
      let index = firstIndex + Double(i)
      return exponent >= 0 ? index * mantissa * scale : index * mantissa / scale
    }
    self.values = values.map { $0 == 0 ? 0 : $0 }
    self.step = step
    fractionDigits = max(-exponent, 0)
  }

  /// Heckbert's `nicenum`: the nice number near `x` (rounded) or at least `x` (not rounded).
  ///
  ///     f = x / 10^⌊log₁₀ x⌋;  rounded: f < 1.5 → 1, < 3 → 2, < 7 → 5, else 10
  ///                            ceiling: f ≤ 1 → 1, ≤ 2 → 2, ≤ 5 → 5, else 10
  public static func niceNumber(_ x: Double, round: Bool) -> Double {
    let (mantissa, exponent) = round ? niceParts(x) : ceilingParts(x)
    return mantissa * pow(10, Double(exponent))
  }

  private static func niceParts(_ x: Double) -> (mantissa: Double, exponent: Int) {
    precondition(x > 0 && x.isFinite, "NiceTicks: step \(x)")
    let exponent = Int(log10(x).rounded(.down))
    let fraction = x / pow(10, Double(exponent))
    switch fraction {
    case ..<1.5: return (1, exponent)
    case ..<3: return (2, exponent)
    case ..<7: return (5, exponent)
    default: return (1, exponent + 1)
    }
  }

  private static func ceilingParts(_ x: Double) -> (mantissa: Double, exponent: Int) {
    precondition(x > 0 && x.isFinite, "NiceTicks: range \(x)")
    let exponent = Int(log10(x).rounded(.down))
    let fraction = x / pow(10, Double(exponent))
    switch fraction {
    case ...1: return (1, exponent)
    case ...2: return (2, exponent)
    case ...5: return (5, exponent)
    default: return (1, exponent + 1)
    }
  }
}
