@testable import Forecast

/// Householder QR factorisation with column pivoting, A P = Q R.
///
/// Exists only for a successfully factored matrix (nalgebra style). The pivoting orders the
/// columns by decreasing remaining norm, so |R₁₁| ≥ |R₂₂| ≥ … and the numerical rank is read
/// off R's diagonal.
struct QR: Sendable {
  /// Reflectors below the diagonal, R on and above it (LAPACK's compact form).
  package let factors: Matrix
  package let tau: [Double]
  /// `pivots[j]` is the original column index of column j of A P.
  let pivots: [Int]

  /// Factors `a`. LAPACK: `dgeqp3`.
  init(factoring a: consuming Matrix) throws(LinearAlgebraError) {
    var m = a
    var pivots = [Int]()
    var tau = [Double]()
    try geqp3(&m, pivots: &pivots, tau: &tau)
    self.factors = m
    self.tau = tau
    self.pivots = pivots
  }

  var rows: Int { factors.rows }
  var columns: Int { factors.columns }

  /// The min(m, n)×n upper-trapezoidal factor R (square when m ≥ n).
  var r: Matrix {
    let k = min(rows, columns)
    var out = Matrix(rows: k, columns: columns)
    for j in 0..<columns {
      for i in 0..<min(j + 1, k) { out[i, j] = factors[i, j] }
    }
    return out
  }

  /// Numerical rank: the number of |Rᵢᵢ| above `tolerance` · |R₁₁|.
  func rank(tolerance: Double) -> Int {
    let k = min(rows, columns)
    guard k > 0, factors[0, 0] != 0 else { return 0 }
    let first = abs(factors[0, 0])
    return (0..<k).prefix { abs(factors[$0, $0]) > tolerance * first }.count
  }

  /// c ← Qᵀ c in place. LAPACK: `dormqr`.
  func applyQTransposed(to c: inout Matrix) throws(LinearAlgebraError) {
    try ormqrLeft(factors, tau: tau, transpose: true, &c)
  }

  /// c ← Q c in place. LAPACK: `dormqr`.
  func applyQ(to c: inout Matrix) throws(LinearAlgebraError) {
    try ormqrLeft(factors, tau: tau, transpose: false, &c)
  }

  /// The least-squares solution of A x ≈ b for a full-rank A with m ≥ n, in A's column order.
  ///
  ///     x = P R⁻¹ (Qᵀ b)₁..ₙ
  func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    precondition(b.count == rows && rows >= columns, "QR.solve: \(rows)×\(columns) against \(b.count)")
    var c = Matrix(rows: b.count, columns: 1, columnMajor: b)
    try applyQTransposed(to: &c)
    var head = Matrix(rows: columns, columns: 1, columnMajor: Array(c.storage.prefix(columns)))
    try trtrsUpper(r.upperTriangle(columns), transpose: false, &head)
    var x = [Double](repeating: 0, count: columns)
    for (j, original) in pivots.enumerated() { x[original] = head.storage[j] }
    return x
  }
}
