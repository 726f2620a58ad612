/// One metric over the paths of a run, by year: the mean (the tables' value) and the
/// quantiles that bound its 50% and 90% intervals (type 7, as the fan table).
struct PathSummary: Sendable {
  /// The levels of the 90% and 50% intervals, outer first, and the median.
  static let levels = [0.05, 0.25, 0.5, 0.75, 0.95]

  let years: [Int]
  let mean: [Double]
  /// Per year, the quantiles at `levels`; empty with one path.
  let quantiles: [[Double]]

  /// - Parameter values: the metric's per-path values in a year.
  init(years: [Int], paths: Int, values: (Int) -> [Double]) {
    var mean: [Double] = []
    var quantiles: [[Double]] = []
    for year in years {
      let v = values(year)
      mean.append(Quantiles.mean(v))
      if paths > 1 { quantiles.append(Quantiles.type7(v, levels: Self.levels)) }
    }
    self.years = years
    self.mean = mean
    self.quantiles = quantiles
  }

  /// A balance metric of a projection over its projection years.
  init(_ projection: Projection, _ metric: BalanceMetric) {
    self.init(years: Array(projection.years), paths: projection.paths) {
      projection.balanceValues(metric, year: $0)
    }
  }

  var hasIntervals: Bool { !quantiles.isEmpty }

  func quantile(_ index: Int) -> [Double] { quantiles.map { $0[index] } }

  /// Whether the mean and every quantile are the same in every year.
  var isConstant: Bool {
    let all = [mean] + (0..<Self.levels.count).map { hasIntervals ? quantile($0) : [] }
    return all.allSatisfy { series in
      guard let first = series.first else { return true }
      return series.allSatisfy { $0 == first || ($0.isNaN && first.isNaN) }
    }
  }

  /// Whether every mean and quantile agrees with `other`'s to 1e-12 relative: two metrics
  /// that are one (placed and capacity when every opening is filled) up to rounding.
  func agrees(with other: PathSummary) -> Bool {
    let a = allValues
    let b = other.allValues
    return a.count == b.count
      && zip(a, b).allSatisfy { x, y in x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y)) }
  }

  var allValues: [Double] { mean + quantiles.flatMap { $0 } }

  /// The 90% and 50% bands (outer first) in `color`.
  func bands(color: String) -> [Mark] {
    guard hasIntervals else { return [] }
    let x = years.map(Double.init)
    return [
      .band(BandMark("90% interval", x: x, lower: quantile(0), upper: quantile(4), color: color, opacity: 0.15)),
      .band(BandMark("50% interval", x: x, lower: quantile(1), upper: quantile(3), color: color, opacity: 0.3)),
    ]
  }

  /// The mean as points, with `before` (observed years) first.
  func points(before: [DataPoint] = []) -> [DataPoint] {
    before + zip(years, mean).map { DataPoint(Double($0), $1) }
  }
}
