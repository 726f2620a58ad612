import CBLAS

// The one file that calls LAPACK. Every `info` is checked in every build configuration;
// workspaces are sized by a query (lwork = -1).

@inline(__always) private func int32(_ n: Int) throws(LinearAlgebraError) -> Int32 {
  guard let v = Int32(exactly: n) else { throw .dimensionTooLarge(n) }
  return v
}

@inline(__always) private func check(_ info: Int32, _ routine: String) throws(LinearAlgebraError) {
  if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
}

/// Householder QR of `a` in place: R in the upper triangle, the reflectors below it.
/// LAPACK: `dgeqrf`.
func geqrf(_ a: inout Matrix, tau: inout [Double]) throws(LinearAlgebraError) {
  var m = try int32(a.rows), n = try int32(a.columns), lda = try int32(max(a.rows, 1))
  tau = [Double](repeating: 0, count: min(a.rows, a.columns))
  if m == 0 || n == 0 { return }
  var info: Int32 = 0
  var lwork: Int32 = -1
  var query = 0.0
  a.storage.withUnsafeMutableBufferPointer { pa in
    tau.withUnsafeMutableBufferPointer { pt in
      dgeqrf_(&m, &n, pa.baseAddress, &lda, pt.baseAddress, &query, &lwork, &info)
    }
  }
  try check(info, "dgeqrf")
  lwork = try int32(max(Int(query), 1))
  var work = [Double](repeating: 0, count: Int(lwork))
  a.storage.withUnsafeMutableBufferPointer { pa in
    tau.withUnsafeMutableBufferPointer { pt in
      work.withUnsafeMutableBufferPointer { pw in
        dgeqrf_(&m, &n, pa.baseAddress, &lda, pt.baseAddress, pw.baseAddress, &lwork, &info)
      }
    }
  }
  try check(info, "dgeqrf")
}

/// b ← op(a)⁻¹ · b for the upper-triangular leading block of `a`. LAPACK: `dtrtrs`.
func trtrsUpper(_ a: Matrix, transpose: Bool, _ b: inout Matrix) throws(LinearAlgebraError) {
  precondition(a.rows == a.columns && b.rows == a.rows, "trtrs: \(a.rows)×\(a.columns) against \(b.rows)×\(b.columns)")
  var n = try int32(a.rows), nrhs = try int32(b.columns), lda = try int32(max(a.rows, 1))
  var ldb = try int32(max(b.rows, 1))
  if n == 0 || nrhs == 0 { return }
  var uplo = Int8(UInt8(ascii: "U")), trans = Int8(UInt8(ascii: transpose ? "T" : "N"))
  var diag = Int8(UInt8(ascii: "N"))
  var info: Int32 = 0
  a.storage.withUnsafeBufferPointer { pa in
    b.storage.withUnsafeMutableBufferPointer { pb in
      dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, pa.baseAddress, &lda, pb.baseAddress, &ldb, &info)
    }
  }
  try check(info, "dtrtrs")
  if info > 0 { throw .singular(index: Int(info) - 1) }
}

/// The inverse of an upper-triangular matrix, in place. LAPACK: `dtrtri`.
func trtriUpper(_ a: inout Matrix) throws(LinearAlgebraError) {
  precondition(a.rows == a.columns, "trtri: \(a.rows)×\(a.columns) is not square")
  var n = try int32(a.rows), lda = try int32(max(a.rows, 1))
  if n == 0 { return }
  var uplo = Int8(UInt8(ascii: "U")), diag = Int8(UInt8(ascii: "N"))
  var info: Int32 = 0
  a.storage.withUnsafeMutableBufferPointer { pa in
    dtrtri_(&uplo, &diag, &n, pa.baseAddress, &lda, &info)
  }
  try check(info, "dtrtri")
  if info > 0 { throw .singular(index: Int(info) - 1) }
}

/// Cholesky a = UᵀU in place (upper triangle). LAPACK: `dpotrf`.
func potrfUpper(_ a: inout Matrix) throws(LinearAlgebraError) {
  precondition(a.rows == a.columns, "potrf: \(a.rows)×\(a.columns) is not square")
  var n = try int32(a.rows), lda = try int32(max(a.rows, 1))
  if n == 0 { return }
  var uplo = Int8(UInt8(ascii: "U"))
  var info: Int32 = 0
  a.storage.withUnsafeMutableBufferPointer { pa in dpotrf_(&uplo, &n, pa.baseAddress, &lda, &info) }
  try check(info, "dpotrf")
  if info > 0 { throw .notPositiveDefinite(leadingMinor: Int(info)) }
}

/// Singular values of `a` (destroyed), largest first. LAPACK: `dgesdd` with jobz = N.
func gesddValues(_ a: inout Matrix) throws(LinearAlgebraError) -> [Double] {
  var m = try int32(a.rows), n = try int32(a.columns), lda = try int32(max(a.rows, 1))
  var s = [Double](repeating: 0, count: min(a.rows, a.columns))
  if m == 0 || n == 0 { return s }
  var jobz = Int8(UInt8(ascii: "N"))
  var one: Int32 = 1
  var u = 0.0, vt = 0.0
  var iwork = [Int32](repeating: 0, count: 8 * s.count)
  var info: Int32 = 0
  var lwork: Int32 = -1
  var query = 0.0
  a.storage.withUnsafeMutableBufferPointer { pa in
    s.withUnsafeMutableBufferPointer { ps in
      iwork.withUnsafeMutableBufferPointer { pi in
        dgesdd_(
          &jobz, &m, &n, pa.baseAddress, &lda, ps.baseAddress, &u, &one, &vt, &one, &query, &lwork,
          pi.baseAddress, &info)
      }
    }
  }
  try check(info, "dgesdd")
  lwork = try int32(max(Int(query), 1))
  var work = [Double](repeating: 0, count: Int(lwork))
  a.storage.withUnsafeMutableBufferPointer { pa in
    s.withUnsafeMutableBufferPointer { ps in
      iwork.withUnsafeMutableBufferPointer { pi in
        work.withUnsafeMutableBufferPointer { pw in
          dgesdd_(
            &jobz, &m, &n, pa.baseAddress, &lda, ps.baseAddress, &u, &one, &vt, &one,
            pw.baseAddress, &lwork, pi.baseAddress, &info)
        }
      }
    }
  }
  try check(info, "dgesdd")
  if info > 0 { throw .noConvergence(routine: "dgesdd", info: Int(info)) }
  return s
}
