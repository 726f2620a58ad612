/// Cholesky factorisation A = UᵀU of a symmetric positive-definite matrix.
///
/// Exists only when A is positive definite; otherwise the initialiser throws
/// `notPositiveDefinite` with the order of the failing leading minor.
public struct Cholesky: Sendable {
  /// The upper-triangular factor U.
  public let upper: Matrix

  /// Factors the upper triangle of `a`. LAPACK: `dpotrf`.
  public init(factoring a: consuming Matrix) throws(LinearAlgebraError) {
    var m = a
    try potrfUpper(&m)
    self.upper = m.upperTriangle(m.rows)
  }

  /// Solves A X = B. LAPACK: `dtrtrs` twice.
  public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    var x = b
    try trtrsUpper(upper, transpose: true, &x)
    try trtrsUpper(upper, transpose: false, &x)
    return x
  }
}
