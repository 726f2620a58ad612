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
  static let extendedPrecisionCells = 4_194_304
  static let refinementSteps = 3

  /// The coefficients, NaN for aliased columns.
  let coefficients: [Double]
  /// Indices of the columns of X used in the fit, in order.
  let kept: [Int]
  /// Indices of the aliased columns.
  let aliased: [Int]
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

    var norms = [Double](repeating: 0, count: p)
    x.storage.withUnsafeBufferPointer { b in
      for j in 0..<p {
        var s: Double = 0
        var c: Double = 0
        // Scaled sum of squares (LAPACK dnrm2 style) against overflow for huge columns.
        for i in 0..<m {
          let v = abs(b[j * m + i])
          if v == 0 { continue }
          if c < v {
            s = 1 + s * (c / v) * (c / v)
            c = v
          } else {
            s += (v / c) * (v / c)
          }
        }
        norms[j] = c * s.squareRoot()
      }
    }
    let inverse = norms.map { $0 > 0 && $0.isFinite ? 1 / $0 : 0 }
    let raug = try TallSkinnyQR.factor(design: x, inverseScale: inverse, response: y)

    // Singular values of X = those of R D (X = Q R D).
    var rd = raug.upperTriangle(p + 1)
    rd = Matrix(rows: p, columns: p, columnMajor: (0..<p).flatMap { j in
      (0..<p).map { i in i <= j ? rd[i, j] * norms[j] : 0 }
    })
    self.designSingularValues = p > 0 ? try SingularValues(of: rd).values : []

    // Rank, column by column in order.
    var kept = [Int]()
    var aliased = [Int]()
    for j in 0..<p {
      if norms[j] == 0 || !norms[j].isFinite {
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
    let useExtended = m * max(k, 1) <= Self.extendedPrecisionCells
    let reduced = useExtended || k == p ? x : x.selectingColumns(kept)
    let columnsInReduced = useExtended ? kept : Array(0..<k)
    for _ in 0..<Self.refinementSteps {
      let residual = useExtended
        ? Self.extendedResidual(reduced, columnsInReduced, beta, y)
        : Self.blasResidual(reduced, beta, y)
      var g = useExtended
        ? Self.extendedGradient(reduced, columnsInReduced, residual)
        : Self.blasGradient(reduced, residual)
      for j in 0..<k { g[j] /= scale[j] }
      trsvUpper(r, .transpose, &g)
      trsvUpper(r, .none, &g)
      var largest: Double = 0
      for j in 0..<k {
        let step = g[j] / scale[j]
        beta[j] += step
        largest = max(largest, abs(step) / max(abs(beta[j]), .leastNormalMagnitude))
      }
      if !(largest > 1e-17) { break }
    }
    let residuals = useExtended
      ? Self.extendedResidual(reduced, columnsInReduced, beta, y)
      : Self.blasResidual(reduced, beta, y)
    var sse: Extended = 0
    for e in residuals { sse += Extended(e) * Extended(e) }

    var coefficients = [Double](repeating: .nan, count: p)
    for (position, j) in kept.enumerated() { coefficients[j] = beta[position] }
    self.coefficients = coefficients
    self.kept = kept
    self.aliased = aliased
    self.r = r
    self.scale = scale
    self.residuals = residuals
    self.residualSumOfSquares = Double(sse)
  }

  /// r = y − X_K β with every product and sum in extended precision.
  private static func extendedResidual(
    _ x: Matrix, _ columns: [Int], _ beta: [Double], _ y: [Double]
  ) -> [Double] {
    let m = x.rows
    var acc = y.map { Extended($0) }
    x.storage.withUnsafeBufferPointer { b in
      for (position, j) in columns.enumerated() {
        let coefficient = Extended(beta[position])
        let base = j * m
        for i in 0..<m { acc[i] -= Extended(b[base + i]) * coefficient }
      }
    }
    return acc.map { Double($0) }
  }

  /// g = X_Kᵀ r in extended precision.
  private static func extendedGradient(_ x: Matrix, _ columns: [Int], _ r: [Double]) -> [Double] {
    let m = x.rows
    return x.storage.withUnsafeBufferPointer { b in
      columns.map { j in
        var s: Extended = 0
        let base = j * m
        for i in 0..<m { s += Extended(b[base + i]) * Extended(r[i]) }
        return Double(s)
      }
    }
  }

  private static func blasResidual(_ x: Matrix, _ beta: [Double], _ y: [Double]) -> [Double] {
    var r = y
    gemv(.none, x, beta, alpha: -1, beta: 1, into: &r)
    return r
  }

  private static func blasGradient(_ x: Matrix, _ r: [Double]) -> [Double] {
    var g = [Double](repeating: 0, count: x.columns)
    gemv(.transpose, x, r, into: &g)
    return g
  }
}
