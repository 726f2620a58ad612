/// The sums, moments and quantiles the sensitivity estimators need.
enum SampleStatistics {
  /// Σ xᵢ by Neumaier's compensated summation (error about one rounding, independent of n).
  ///
  /// A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
  /// ZAMM 54, 39–51 (1974).
  struct Sum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ x: Double) {
      let t = sum + x
      if abs(sum) >= abs(x) {
        compensation += (sum - t) + x
      } else {
        compensation += (x - t) + sum
      }
      sum = t
    }

    var value: Double { sum + compensation }
  }

  /// The mean (1/n) Σ xᵢ.
  static func mean<C: Collection<Double>>(_ x: C) -> Double {
    var s = Sum()
    for v in x { s.add(v) }
    return s.value / Double(x.count)
  }

  /// The population variance (1/n) Σ (xᵢ − x̄)², two-pass (numpy's `var`, ddof = 0).
  static func populationVariance<C: Collection<Double>>(_ x: C) -> Double {
    let m = mean(x)
    var s = Sum()
    for v in x { s.add((v - m) * (v - m)) }
    return s.value / Double(x.count)
  }

  /// The sample standard deviation √((1/(n − 1)) Σ (xᵢ − x̄)²) (numpy's `std`, ddof = 1).
  static func sampleStandardDeviation(_ x: [Double]) -> Double {
    precondition(x.count >= 2, "sampleStandardDeviation: \(x.count) values")
    let m = mean(x)
    var s = Sum()
    for v in x { s.add((v - m) * (v - m)) }
    return (s.value / Double(x.count - 1)).squareRoot()
  }

  /// The quantile at p of sorted values, Hyndman & Fan's type 7 (R's and numpy's default).
  ///
  ///
  ///     h = (n − 1) p,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (0-based order statistics)
  static func quantile(sorted x: [Double], _ p: Double) -> Double {
    precondition(!x.isEmpty && (0...1).contains(p), "quantile: \(x.count) values, p = \(p)")
    let h = Double(x.count - 1) * p
    let low = Int(h.rounded(.down))
    let high = min(low + 1, x.count - 1)
    return x[low] + (h - Double(low)) * (x[high] - x[low])
  }
}
