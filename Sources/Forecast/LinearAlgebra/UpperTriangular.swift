/// The inverse of a non-singular upper-triangular matrix. LAPACK: `dtrtri`.
public func invertUpperTriangular(_ r: Matrix) throws(LinearAlgebraError) -> Matrix {
  var m = r
  try trtriUpper(&m)
  return m.upperTriangle(m.rows)
}

/// Householder QR without pivoting, returning only the square factor R (n×n, m ≥ n) and
/// Qᵀ applied to nothing: the building block of the blocked tall-skinny QR. LAPACK: `dgeqrf`.
public func triangularFactor(of a: consuming Matrix) throws(LinearAlgebraError) -> Matrix {
  var m = a
  var tau = [Double]()
  try geqrf(&m, tau: &tau)
  let k = min(m.rows, m.columns)
  var r = Matrix(rows: m.columns, columns: m.columns)
  for j in 0..<m.columns {
    for i in 0..<min(j + 1, k) { r[i, j] = m[i, j] }
  }
  return r
}
