/// An interval [a, b] of the standard normal with its CDF values worked out once, so that many
/// draws truncated to it (one year's noise on every path) cost one inversion each.
///
///     z = Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a)))
///
/// in the upper tail (a > 0) through the mirrored interval, −Φ⁻¹(Φ(−b) + (1 − u)(Φ(−a) − Φ(−b))),
/// so that Φ close to 1 loses no precision; unbounded, exactly Φ⁻¹(u).
public struct NormalInterval: Sendable, Equatable {
  public let lower: Double
  public let upper: Double
  private let low: Double
  private let high: Double
  private let mirrored: Bool

  public init(_ a: Double, _ b: Double) {
    precondition(!(a > b), "NormalInterval: empty interval [\(a), \(b)]")
    lower = a
    upper = b
    let normal = Normal()
    mirrored = a > 0
    if a == -.infinity && b == .infinity {
      (low, high) = (0, 1)
    } else if mirrored {
      (low, high) = (normal.cdf(-b), normal.cdf(-a))
    } else {
      (low, high) = (normal.cdf(a), normal.cdf(b))
    }
  }

  /// The whole line: draws are plain normals.
  public static let unbounded = NormalInterval(-.infinity, .infinity)

  /// The draw of uniform u in (0, 1).
  @inlinable
  public func draw(_ u: Double) -> Double { drawValue(u) }

  @usableFromInline
  func drawValue(_ u: Double) -> Double {
    let normal = Normal()
    if lower == -.infinity && upper == .infinity { return normal.quantile(u) }
    if mirrored {
      guard high > low else { return lower }
      return -normal.quantile(low + (1 - u) * (high - low))
    }
    guard high > low else { return upper.isFinite ? upper : lower }
    let z = normal.quantile(low + u * (high - low))
    return min(max(z, lower), upper)
  }
}
