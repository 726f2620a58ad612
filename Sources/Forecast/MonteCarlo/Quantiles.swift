import Foundation

/// Sample quantiles, Hyndman and Fan's type 7 (the default of R and numpy), MODEL.md 7.
///
///     h = (n − 1) · p,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋) · (x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (x sorted, 0-based)
///
/// NaN values are left out (a coverage where supply is 0); with none left the quantile is NaN.
public enum Quantiles {
  /// The quantiles of `values` at `levels` (each in [0, 1]).
  public static func type7(_ values: [Double], levels: [Double]) -> [Double] {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return levels.map { _ in .nan } }
    return levels.map { p in
      let h = Double(sorted.count - 1) * p
      let lower = Int(h.rounded(.down))
      let upper = min(lower + 1, sorted.count - 1)
      let fraction = h - Double(lower)
      // x + f·(y − x) is exact for f = 0 and keeps equal neighbours equal.
      return fraction == 0 ? sorted[lower] : sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
  }

  /// The mean, summed in the order given (so the same values give the same bits).
  public static func mean(_ values: [Double]) -> Double {
    var sum = 0.0
    for v in values { sum += v }
    return sum / Double(values.count)
  }
}
