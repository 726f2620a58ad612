import Dispatch

/// A least-squares solution of X β ≈ y with R-style handling of aliased columns.
///
/// Method:
/// 1. Scale each column of X to unit 2-norm (D = diag of the norms), so that badly scaled
///    columns (x up to 10⁶, y of order 10⁷) cost no accuracy.
/// 2. Householder QR of `[X D⁻¹ | y]` by row blocks (`TallSkinnyQR`): X is never squared.
/// 3. Rank, the R way: columns are taken in order; a column whose distance from the span of
///    the columns kept before it is at most `tolerance` times its own norm is aliased
///    (R's `lm` does the same with tolerance 1e-7).
/// 4. β from the triangular system, then refined by the corrected semi-normal equations
///    (Björck 1987): r = y − Xβ and g = Xᵀr accumulated in extended precision,
///    δ = R⁻¹ R⁻ᵀ g, β ← β + δ. This recovers the digits that rounding in the QR loses on
///    ill-conditioned designs (NIST Filip, Wampler4–5).
struct LeastSquares {
  /// Designs with at most this many cells refine in extended precision; larger ones refine
  /// with double-precision BLAS passes (their conditioning is rarely the problem, their size is).
  static let extendedPrecisionCells = 262_144
  static let refinementSteps = 3

  /// The coefficients, NaN for aliased columns.
  let coefficients: [Double]
  /// Indices of the columns of X used in the fit, in order.
  let kept: [Int]
  /// Indices of the aliased columns.
  let aliased: [Int]
  /// Columns whose squared 2-norm overflows, or underflows to 0 although the column is not
  /// zero: they are among `aliased` here, and the caller reports them (the data need
  /// rescaling; they are not linear combinations of other columns).
  let outOfRange: [Int]
  /// Columns whose estimate from the triangular solve, before refinement, is ±∞ or NaN (the
  /// refinement would spread NaN to every estimate).
  let nonFiniteEstimates: [Int]
  /// R of the kept, scaled columns: X_K D_K⁻¹ = Q R.
  let r: Matrix
  /// Column norms of the kept columns (D_K).
  let scale: [Double]
  /// y − X β.
  let residuals: [Double]
  /// Σ r², accumulated in extended precision.
  let residualSumOfSquares: Double
  /// Singular values of the whole design X (aliased columns included), from its R factor.
  let designSingularValues: [Double]

  init(design x: Matrix, response y: [Double], tolerance: Double) throws(LinearAlgebraError) {
    let m = x.rows
    let p = x.columns
    precondition(y.count == m, "LeastSquares: \(m)×\(p) design against \(y.count) responses")

    // Householder QR is column-scaling invariant (its backward error is columnwise), so the
    // design is factored as it is and R's columns are scaled afterwards: ‖xⱼ‖ = ‖rⱼ‖.
    let raw = try TallSkinnyQR.factor(
      design: x, inverseScale: [Double](repeating: 1, count: p), response: y)
    var norms = [Double](repeating: 0, count: p)
    var raug = raw
    for j in 0..<p {
      var sum: Double = 0
      for i in 0...j { sum += raw[i, j] * raw[i, j] }
      norms[j] = sum.squareRoot()
      let inverse = norms[j] > 0 && norms[j].isFinite ? 1 / norms[j] : 0
      for i in 0...j { raug[i, j] *= inverse }
    }

    // Singular values of X = those of its R (X = Q R).
    let rd = Matrix(rows: p, columns: p, columnMajor: (0..<p).flatMap { j in
      (0..<p).map { i in i <= j ? raw[i, j] : 0 }
    })
    self.designSingularValues = p > 0 ? try SingularValues(of: rd).values : []

    // Rank, column by column in order.
    var kept = [Int]()
    var aliased = [Int]()
    var outOfRange = [Int]()
    for j in 0..<p {
      if norms[j] == 0 || !norms[j].isFinite {
        if !norms[j].isFinite || (0...j).contains(where: { raw[$0, j] != 0 }) {
          outOfRange.append(j)
        }
        aliased.append(j)
        continue
      }
      let candidate = raug.selectingColumns(kept + [j])
      let rj = try triangularFactor(of: candidate)
      let k = kept.count
      var columnNorm: Double = 0
      for i in 0..<(p + 1) { columnNorm += raug[i, j] * raug[i, j] }
      if k < rj.rows, abs(rj[k, k]) > tolerance * columnNorm.squareRoot() {
        kept.append(j)
      } else {
        aliased.append(j)
      }
    }
    let k = kept.count
    let withResponse = try triangularFactor(of: raug.selectingColumns(kept + [p]))
    var r = Matrix(rows: k, columns: k)
    var z = [Double](repeating: 0, count: k)
    for j in 0..<k {
      for i in 0...j { r[i, j] = withResponse[i, j] }
      z[j] = withResponse[j, k]
    }
    var b = z
    trsvUpper(r, .none, &b)
    let scale = kept.map { norms[$0] }

    // Refinement by the corrected semi-normal equations.
    var beta = (0..<k).map { b[$0] / scale[$0] }
    self.nonFiniteEstimates = kept.indices.filter { !beta[$0].isFinite }.map { kept[$0] }
    let extended = m * max(k, 1) <= Self.extendedPrecisionCells
    let reduced = k == p ? x : x.selectingColumns(kept)
    var residuals = [Double]()
    for step in 0...(extended ? Self.refinementSteps : 1) {
      var g: [Double]
      (residuals, g) = extended
        ? Self.extendedResidualAndGradient(reduced, beta, y)
        : Self.blockedResidualAndGradient(reduced, beta, y)
      if step == (extended ? Self.refinementSteps : 1) { break }
      for j in 0..<k { g[j] /= scale[j] }
      trsvUpper(r, .transpose, &g)
      trsvUpper(r, .none, &g)
      for j in 0..<k { beta[j] += g[j] / scale[j] }
    }
    var sse: Extended = 0
    for e in residuals { sse += Extended(e) * Extended(e) }

    var coefficients = [Double](repeating: .nan, count: p)
    for (position, j) in kept.enumerated() { coefficients[j] = beta[position] }
    self.coefficients = coefficients
    self.kept = kept
    self.aliased = aliased
    self.outOfRange = outOfRange
    self.r = r
    self.scale = scale
    self.residuals = residuals
    self.residualSumOfSquares = Double(sse)
  }

  /// r = y − Xβ and g = Xᵀr with every product and sum in extended precision.
  private static func extendedResidualAndGradient(
    _ x: Matrix, _ beta: [Double], _ y: [Double]
  ) -> ([Double], [Double]) {
    let m = x.rows
    var acc = y.map { Extended($0) }
    var residual = [Double](repeating: 0, count: m)
    let gradient = x.storage.withUnsafeBufferPointer { b in
      for j in 0..<x.columns {
        let coefficient = Extended(beta[j])
        let base = j * m
        for i in 0..<m { acc[i] -= Extended(b[base + i]) * coefficient }
      }
      for i in 0..<m { residual[i] = Double(acc[i]) }
      return (0..<x.columns).map { j in
        var s: Extended = 0
        let base = j * m
        for i in 0..<m { s += Extended(b[base + i]) * Extended(residual[i]) }
        return Double(s)
      }
    }
    return (residual, gradient)
  }

  /// r = y − Xβ and g = Xᵀr in one pass over X by row blocks (two BLAS `dgemv` per block,
  /// the block still in cache for the second), blocks split across lanes by shape only and
  /// their partial gradients summed in lane order, so the result is thread-count independent.
  private static func blockedResidualAndGradient(
    _ x: Matrix, _ beta: [Double], _ y: [Double]
  ) -> ([Double], [Double]) {
    let m = x.rows
    let k = x.columns
    let lanes = max(1, min(8, m / TallSkinnyQR.rowsPerLane))
    let bounds = (0...lanes).map { $0 * m / lanes }
    let residual = SharedBuffer(count: m)
    let partial = SharedBuffer(count: lanes * k)
    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
      var start = bounds[lane]
      var r = [Double](repeating: 0, count: TallSkinnyQR.blockRows)
      var g = [Double](repeating: 0, count: k)
      while start < bounds[lane + 1] {
        let count = min(TallSkinnyQR.blockRows, bounds[lane + 1] - start)
        for i in 0..<count { r[i] = y[start + i] }
        gemvBlock(.none, x, rows: start..<(start + count), beta, alpha: -1, beta: 1, into: &r)
        gemvBlock(.transpose, x, rows: start..<(start + count), r, alpha: 1, beta: 1, into: &g)
        residual.write(at: start, r.prefix(count))
        start += count
      }
      partial.write(at: lane * k, g[...])
    }
    var gradient = [Double](repeating: 0, count: k)
    let sums = partial.values
    for lane in 0..<lanes { for j in 0..<k { gradient[j] += sums[lane * k + j] } }
    return (residual.values, gradient)
  }
}
