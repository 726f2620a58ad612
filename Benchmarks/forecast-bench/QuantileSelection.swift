/// Type-7 quantiles by selection rather than a full sort: the order statistics the levels
/// need, found by quickselect (as numpy's `np.quantile` finds them with `np.partition`). A
/// measurement for docs/montecarlo-benchmark.md (`forecast-bench phases` times it on a run's
/// balance metrics next to `Quantiles.type7`, which sorts every cell); not used by Forecast.
enum QuantileSelection {
  /// Type-7 quantiles by quickselect, levels ascending: each selection partitions the values
  /// at or above the previous one; the upper neighbour is the minimum of the part above.
  static func type7(_ values: [Double], levels: [Double]) -> [Double] {
    var a = values.filter { !$0.isNaN }
    guard !a.isEmpty else { return levels.map { _ in .nan } }
    let n = a.count
    var from = 0
    return a.withUnsafeMutableBufferPointer { b in
      levels.map { p in
        let h = Double(n - 1) * p
        let lower = Int(h.rounded(.down))
        select(b, lower, from, n - 1)
        from = lower
        let fraction = h - Double(lower)
        guard fraction > 0, lower + 1 < n else { return b[lower] }
        var upper = b[lower + 1]
        for i in (lower + 2)..<n where b[i] < upper { upper = b[i] }
        return b[lower] + fraction * (upper - b[lower])
      }
    }
  }

  /// Moves the k-th smallest of b[lo...hi] to index k, smaller ones before it, larger after.
  static func select(_ b: UnsafeMutableBufferPointer<Double>, _ k: Int, _ lo: Int, _ hi: Int) {
    var lo = lo
    var hi = hi
    while hi > lo {
      let x = b[lo], y = b[lo + (hi - lo) / 2], z = b[hi]
      let pivot = max(min(x, y), min(max(x, y), z))
      var i = lo
      var j = hi
      while i <= j {
        while b[i] < pivot { i += 1 }
        while b[j] > pivot { j -= 1 }
        if i <= j {
          b.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j { hi = j } else if k >= i { lo = i } else { return }
    }
  }
}
