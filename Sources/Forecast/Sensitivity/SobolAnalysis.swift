/// Sobol indices from the outputs of a Saltelli design, as `SALib.analyze.sobol.analyze`.
///
/// With f(A), f(B), f(A_B^j), f(B_A^j) the outputs of the design's matrices (N runs each; see
/// `SaltelliDesign`), first standardized as SALib does, y ← (y − ȳ)/s over all the outputs
/// (ȳ and s their mean and n-denominator standard deviation; the first-order and second-order
/// numerators are not shift-invariant, so this centring is part of the estimator):
///
///     V      = var(f(A) ∪ f(B))                                    (2N values, n denominator)
///     S1_j   = mean(f(B) (f(A_B^j) − f(A))) / V                    (Saltelli 2010, table 2 (b))
///     ST_j   = mean((f(A) − f(A_B^j))²) / (2V)                     (Jansen; table 2 (f))
///     S2_jk  = mean(f(B_A^j) f(A_B^k) − f(A) f(B)) / V − S1_j − S1_k   (Saltelli 2002)
///
/// A. Saltelli et al., "Variance based sensitivity analysis of model output", Comput. Phys.
/// Commun. 181(2), 259–270 (2010); M. J. W. Jansen, "Analysis of variance designs for model
/// output", Comput. Phys. Commun. 117, 35–43 (1999); A. Saltelli, Comput. Phys. Commun. 145(2),
/// 280–297 (2002). Means are compensated sums, so the estimates agree with SALib's (NumPy's
/// pairwise sums) to a few roundings.
///
/// Confidence intervals: `Bootstrap` resamples of the N rows i (each resample takes A_i, B_i,
/// A_B^j_i, B_A^j_i together, with the same rows for every index, as SALib), the estimators
/// recomputed on each (V included); see `BootstrapInterval`.
///
/// Undefined indices: when f(A) ∪ f(B) are all equal V = 0 and every index is 0/0, so
/// `indices(outputs:)` returns nil; SALib returns 0 for every index then (with a warning),
/// also for a range up to machine epsilon after standardizing. A resample with V = 0 is left
/// out of the interval.
public struct SobolAnalysis: Sendable {
  /// The inputs' names, in design order.
  public let inputNames: [String]

  /// The base sample N.
  public let baseSampleCount: Int

  /// Whether the outputs include the B_A^j runs and S2 is computed.
  public let includesSecondOrder: Bool

  /// The bootstrap of the intervals.
  public let bootstrap: Bootstrap

  /// The analysis of a Saltelli design of `baseSampleCount` base points and `inputNames.count`
  /// inputs (`SaltelliDesign.analysis(bootstrap:)` makes one).
  public init(
    inputNames: [String], baseSampleCount: Int, secondOrder: Bool,
    bootstrap: Bootstrap = .standard
  ) {
    precondition(
      !inputNames.isEmpty && baseSampleCount > 0,
      "SobolAnalysis: \(inputNames.count) inputs, N = \(baseSampleCount)")
    self.inputNames = inputNames
    self.baseSampleCount = baseSampleCount
    self.includesSecondOrder = secondOrder
    self.bootstrap = bootstrap
  }

  /// The number of outputs expected: N(k + 2), or N(2k + 2) with second order.
  public var runCount: Int { baseSampleCount * runsPerRow }

  private var runsPerRow: Int {
    includesSecondOrder ? 2 * inputNames.count + 2 : inputNames.count + 2
  }

  /// The indices of one output, given its value in every run in design order.
  ///
  /// - Returns: nil when V = 0 (the outputs of A and B are all equal).
  /// - Throws: `SensitivityError.nonFiniteOutput` for a NaN or infinite output.
  public func indices(outputs: [Double]) throws(SensitivityError) -> SobolIndices? {
    try indices(outputs: outputs, resamples: resampleRows())
  }

  /// The rows of every bootstrap resample, which do not depend on the outputs: an analysis of
  /// many outputs of one design draws them once.
  func resampleRows() -> [[Int]] {
    (0..<bootstrap.resamples).map { bootstrap.units(resample: $0, count: baseSampleCount) }
  }

  /// `indices(outputs:)` with the resamples' rows given (`resampleRows()`).
  func indices(outputs: [Double], resamples rows: [[Int]]) throws(SensitivityError)
    -> SobolIndices?
  {
    precondition(
      outputs.count == runCount,
      "SobolAnalysis: \(outputs.count) outputs for \(runCount) runs")
    for (run, y) in outputs.enumerated() where !y.isFinite {
      throw .nonFiniteOutput(run: run, value: y)
    }
    let n = baseSampleCount
    let step = runsPerRow
    let rawAB = (0..<n).flatMap { [outputs[$0 * step], outputs[$0 * step + step - 1]] }
    let variance = SampleStatistics.populationVariance(rawAB)
    guard rawAB.contains(where: { $0 != rawAB[0] }) else { return nil }

    let mean = SampleStatistics.mean(outputs)
    let deviation = SampleStatistics.populationVariance(outputs).squareRoot()
    let y = outputs.map { ($0 - mean) / deviation }
    let blocks = OutputBlocks(
      y, inputs: inputNames.count, rows: n, secondOrder: includesSecondOrder)

    guard let point = blocks.estimates(rows: Array(0..<n)) else { return nil }
    let resampled = rows.map { blocks.estimates(rows: $0) }
    func index(_ estimate: Double, _ pick: (Estimates) -> Double) -> SensitivityIndex {
      SensitivityIndex(
        estimate: estimate, interval: bootstrap.interval(resampled.map { $0.map(pick) ?? .nan }))
    }
    let k = inputNames.count
    return SobolIndices(
      inputNames: inputNames, variance: variance,
      firstOrder: (0..<k).map { j in index(point.firstOrder[j]) { $0.firstOrder[j] } },
      totalOrder: (0..<k).map { j in index(point.totalOrder[j]) { $0.totalOrder[j] } },
      secondOrder: blocks.pairs.enumerated().map { p, pair in
        SecondOrderIndex(
          first: pair.0, second: pair.1, index: index(point.secondOrder[p]) { $0.secondOrder[p] })
      })
  }
}

/// The estimates of every index on one multiset of rows.
private struct Estimates {
  var firstOrder: [Double]
  var totalOrder: [Double]
  var secondOrder: [Double]
}

/// Standardized outputs split into f(A), f(B), f(A_B^j) and f(B_A^j), N values each.
private struct OutputBlocks {
  let a: [Double]
  let b: [Double]
  let ab: [[Double]]
  /// `ab` input by input, one array: f(A_B^j) of row i at j N + i.
  let abFlat: [Double]
  let ba: [[Double]]
  let pairs: [(Int, Int)]

  init(_ y: [Double], inputs k: Int, rows n: Int, secondOrder: Bool) {
    let step = secondOrder ? 2 * k + 2 : k + 2
    a = (0..<n).map { y[$0 * step] }
    b = (0..<n).map { y[$0 * step + step - 1] }
    ab = (0..<k).map { j in (0..<n).map { y[$0 * step + 1 + j] } }
    abFlat = ab.flatMap { $0 }
    ba = secondOrder ? (0..<k).map { j in (0..<n).map { y[$0 * step + 1 + k + j] } } : []
    pairs = secondOrder ? (0..<k).flatMap { j in ((j + 1)..<k).map { (j, $0) } } : []
  }

  /// Every estimator on the rows `rows` (with repeats); nil when V = 0 on them.
  ///
  /// Each mean is one compensated sum over `rows` in their order; the sums of all inputs are
  /// taken in one pass over the rows, which adds the same terms in the same order as one pass
  /// per input.
  func estimates(rows: [Int]) -> Estimates? {
    guard let start = rows.first else { return nil }
    let k = ab.count
    let count = Double(rows.count)
    let pooledCount = Double(2 * rows.count)
    var first = [Double](repeating: 0, count: k)
    var total = [Double](repeating: 0, count: k)
    let defined = a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        abFlat.withUnsafeBufferPointer { ab in
          // V: the population variance of f(A) then f(B) on the rows, two passes.
          let head = a[start]
          var varies = false
          var sum = SampleStatistics.Sum()
          for i in rows {
            varies = varies || a[i] != head
            sum.add(a[i])
          }
          for i in rows {
            varies = varies || b[i] != head
            sum.add(b[i])
          }
          guard varies else { return false }
          let m = sum.value / pooledCount
          var squares = SampleStatistics.Sum()
          for i in rows { squares.add((a[i] - m) * (a[i] - m)) }
          for i in rows { squares.add((b[i] - m) * (b[i] - m)) }
          let v = squares.value / pooledCount
          let n = a.count
          var firstSums = [SampleStatistics.Sum](repeating: .init(), count: k)
          var totalSums = [SampleStatistics.Sum](repeating: .init(), count: k)
          for i in rows {
            let ai = a[i]
            let bi = b[i]
            for j in 0..<k {
              let x = ab[j * n + i]
              firstSums[j].add(bi * (x - ai))
              totalSums[j].add((ai - x) * (ai - x))
            }
          }
          for j in 0..<k {
            first[j] = firstSums[j].value / count / v
            total[j] = 0.5 * (totalSums[j].value / count) / v
          }
          return true
        }
      }
    }
    guard defined else { return nil }
    guard !pairs.isEmpty else { return Estimates(firstOrder: first, totalOrder: total, secondOrder: []) }
    let pooled = rows.map { a[$0] } + rows.map { b[$0] }
    let v = SampleStatistics.populationVariance(pooled)
    func mean(_ term: (Int) -> Double) -> Double {
      var s = SampleStatistics.Sum()
      for i in rows { s.add(term(i)) }
      return s.value / Double(rows.count)
    }
    let second = pairs.map { j, k in
      mean { ba[j][$0] * ab[k][$0] - a[$0] * b[$0] } / v - first[j] - first[k]
    }
    return Estimates(firstOrder: first, totalOrder: total, secondOrder: second)
  }
}

extension SaltelliDesign {
  /// The analysis of this design's outputs.
  public func analysis(bootstrap: Bootstrap = .standard) -> SobolAnalysis {
    SobolAnalysis(
      inputNames: inputs.map(\.name), baseSampleCount: baseSampleCount,
      secondOrder: includesSecondOrder, bootstrap: bootstrap)
  }
}
