import Foundation

/// Sample quantiles, Hyndman and Fan's type 7 (the default of R and numpy), MODEL.md 7.
///
///     h = (n − 1) · p,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋) · (x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (x sorted, 0-based)
///
/// NaN values are left out (a coverage where supply is 0); with none left the quantile is NaN.
/// A negative zero counts as zero, so a quantile is never −0.
public enum Quantiles {
  /// The quantiles of `values` at `levels` (each in [0, 1]).
  ///
  /// The order statistics are found without sorting: the values are counted into buckets
  /// of equal width between the smallest and the largest (the bucket of a value never
  /// decreases as the value grows), the counts say which bucket holds each wanted rank, and
  /// only those few buckets' values are gathered and searched (`select`). Three passes over
  /// the data instead of n·log₂ n comparisons: a sweep takes quantiles of a thousand paths
  /// for every year, metric and grid point. The values are the order statistics a sort
  /// gives, so the result is the same bits.
  public static func type7(_ values: [Double], levels: [Double]) -> [Double] {
    var n = 0
    var smallest = Double.infinity
    var largest = -Double.infinity
    for v in values where !v.isNaN {
      n += 1
      smallest = min(smallest, v)
      largest = max(largest, v)
    }
    guard n > 0 else { return levels.map { _ in .nan } }
    // Every path alike (a metric no random source reaches): every order statistic is it.
    if smallest == largest { return levels.map { _ in smallest + 0 } }  // + 0: −0 becomes +0
    // The ranks (0-based positions in sorted order) each level needs.
    let positions = levels.map { p -> (lower: Int, fraction: Double) in
      let h = Double(n - 1) * p
      let lower = min(max(Int(h.rounded(.down)), 0), n - 1)
      return (lower, h - Double(lower))
    }
    var needed = Set<Int>()
    for (lower, fraction) in positions {
      needed.insert(lower)
      if fraction > 0 { needed.insert(min(lower + 1, n - 1)) }
    }
    let ranks = needed.sorted()
    let found = orderStatistics(
      values, count: n, ranks: ranks, smallest: smallest, largest: largest)
    var order: [Int: Double] = [:]
    for (rank, value) in zip(ranks, found) { order[rank] = value + 0 }
    return positions.map { lower, fraction in
      let a = order[lower] ?? .nan
      guard fraction > 0 else { return a }
      let b = order[min(lower + 1, n - 1)] ?? .nan
      // x + f·(y − x) is exact for f = 0 and keeps equal neighbours equal.
      return a + fraction * (b - a)
    }
  }

  /// The values of ascending `ranks` among the `count` non-NaN `values`, which lie in
  /// smallest...largest (smallest < largest).
  private static func orderStatistics(
    _ values: [Double], count n: Int, ranks: [Int], smallest: Double, largest: Double
  ) -> [Double] {
    // About eight values a bucket. A range that is infinite, or too narrow for its reciprocal
    // (subnormal), has one bucket: every value is searched.
    let width = largest - smallest
    let wanted = max(1, min(n / 8, 4096))
    let scale = Double(wanted) / width
    let buckets = width.isFinite && scale.isFinite ? wanted : 1
    // (v − smallest) · scale rounds monotonically, so a larger value never lands lower.
    func bucket(_ v: Double) -> Int {
      buckets == 1 ? 0 : min(Int((v - smallest) * scale), buckets - 1)
    }
    var counts = [Int](repeating: 0, count: buckets)
    for v in values where !v.isNaN { counts[bucket(v)] += 1 }
    // Each rank's bucket, and the ranks below that bucket.
    var home: [(bucket: Int, below: Int)] = []
    var below = 0
    var b = 0
    for rank in ranks {
      while below + counts[b] <= rank {
        below += counts[b]
        b += 1
      }
      home.append((b, below))
    }
    // Gather the values of the buckets that hold a rank.
    var slot = [Int](repeating: -1, count: buckets)
    var gathered: [[Double]] = []
    for (bucket, _) in home where slot[bucket] < 0 {
      slot[bucket] = gathered.count
      gathered.append([])
      gathered[gathered.count - 1].reserveCapacity(counts[bucket])
    }
    for v in values where !v.isNaN {
      let s = slot[bucket(v)]
      if s >= 0 { gathered[s].append(v) }
    }
    // Search each gathered bucket for its ranks, which are ascending.
    var found = [Double](repeating: .nan, count: ranks.count)
    var i = 0
    while i < ranks.count {
      let (bucket, below) = home[i]
      var j = i
      while j < ranks.count && home[j].bucket == bucket { j += 1 }
      let local = ranks[i..<j].map { $0 - below }
      var part = [Double](repeating: .nan, count: local.count)
      var values = gathered[slot[bucket]].mutableSpan
      select(local[...], in: &values, low: 0, high: values.count - 1, into: &part, offset: 0)
      found.replaceSubrange(i..<j, with: part)
      i = j
    }
    return found
  }

  /// Finds the order statistics `ranks` (ascending, all within low...high) of `x[low...high]`:
  /// the middle rank first, then the lower ranks in the part below it and the higher ones in
  /// the part above, so each level of the recursion scans the range once (O(n log r)).
  private static func select(
    _ ranks: ArraySlice<Int>, in x: inout MutableSpan<Double>, low: Int, high: Int,
    into found: inout [Double], offset: Int
  ) {
    guard !ranks.isEmpty else { return }
    let middle = ranks.startIndex + ranks.count / 2
    let k = ranks[middle]
    select(k, in: &x, low: low, high: high)
    found[offset + middle - ranks.startIndex] = x[k]
    select(
      ranks[..<middle], in: &x, low: low, high: k - 1, into: &found, offset: offset)
    select(
      ranks[(middle + 1)...], in: &x, low: k + 1, high: high, into: &found,
      offset: offset + middle - ranks.startIndex + 1)
  }

  /// Rearranges `x[low...high]` so that `x[k]` holds the value a sort would put there,
  /// smaller or equal values before it and larger or equal ones after it.
  private static func select(
    _ k: Int, in x: inout MutableSpan<Double>, low: Int, high: Int
  ) {
    var low = low
    var high = high
    var rounds = 2 * (Int.bitWidth - (high - low + 1).leadingZeroBitCount)
    while high > low {
      if rounds == 0 {
        // Rare (a bad run of pivots): sort what is left.
        var rest = (low...high).map { x[$0] }
        rest.sort()
        for (offset, value) in rest.enumerated() { x[low + offset] = value }
        return
      }
      rounds -= 1
      // Median of three as the pivot value.
      let middle = low + (high - low) / 2
      let (a, b, c) = (x[low], x[middle], x[high])
      let pivot = max(min(a, b), min(max(a, b), c))
      // Hoare partition: x[low...j] ≤ pivot ≤ x[i...high].
      var i = low
      var j = high
      while i <= j {
        while x[i] < pivot { i += 1 }
        while x[j] > pivot { j -= 1 }
        if i <= j {
          x.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        return  // j < k < i: x[k] equals the pivot
      }
    }
  }

  /// The mean, summed in the order given (so the same values give the same bits); exactly the
  /// value when all are equal, as for a year that every path shares.
  public static func mean(_ values: [Double]) -> Double {
    guard let first = values.first else { return .nan }
    var sum = 0.0
    var same = true
    for v in values {
      sum += v
      same = same && v == first
    }
    return same ? first : sum / Double(values.count)
  }

}
