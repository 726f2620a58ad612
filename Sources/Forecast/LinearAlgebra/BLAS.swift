import CBLAS

// The one file besides LAPACK.swift that calls CBLAS. Each wrapper works out the
// dimensions and leading dimensions from its operands; shape errors are programmer
// errors and trap with both shapes named.

/// Whether an operand enters a product as it is or transposed.
public enum Transpose: Sendable {
  case none, transpose
  var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

@inline(__always) private func int32(_ n: Int) -> Int32 {
  guard let v = Int32(exactly: n) else { preconditionFailure("BLAS: dimension \(n) exceeds Int32") }
  return v
}

/// c ← alpha · op(a) · op(b) + beta · c. BLAS: `dgemm`.
public func gemm(
  _ transA: Transpose, _ a: Matrix, _ transB: Transpose, _ b: Matrix,
  alpha: Double = 1, beta: Double = 0, into c: inout Matrix
) {
  let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
  let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
  precondition(
    k == kb && c.rows == m && c.columns == n,
    "gemm: \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns) into \(c.rows)×\(c.columns)")
  if m == 0 || n == 0 { return }
  a.storage.withUnsafeBufferPointer { pa in
    b.storage.withUnsafeBufferPointer { pb in
      c.storage.withUnsafeMutableBufferPointer { pc in
        cblas_dgemm(
          CblasColMajor, transA.cblas, transB.cblas, int32(m), int32(n), int32(k), alpha,
          pa.baseAddress, int32(max(a.rows, 1)), pb.baseAddress, int32(max(b.rows, 1)), beta,
          pc.baseAddress, int32(max(c.rows, 1)))
      }
    }
  }
}

/// The product op(a) · op(b) as a new matrix. BLAS: `dgemm` with beta = 0, which writes every
/// entry of c without reading it, so c's storage is not zeroed first.
public func multiply(
  _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false
) -> Matrix {
  let transA: Transpose = transposeA ? .transpose : .none
  let transB: Transpose = transposeB ? .transpose : .none
  let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
  let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
  precondition(k == kb, "multiply: \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
  guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n) }
  let storage = [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        cblas_dgemm(
          CblasColMajor, transA.cblas, transB.cblas, int32(m), int32(n), int32(k), 1,
          pa.baseAddress, int32(max(a.rows, 1)), pb.baseAddress, int32(max(b.rows, 1)), 0,
          pc.baseAddress, int32(m))
      }
    }
    initialized = m * n
  }
  return Matrix(rows: m, columns: n, columnMajor: storage)
}

/// y ← alpha · op(a) · x + beta · y. BLAS: `dgemv`.
public func gemv(
  _ trans: Transpose, _ a: Matrix, _ x: [Double], alpha: Double = 1, beta: Double = 0,
  into y: inout [Double]
) {
  let (m, n) = trans == .none ? (a.rows, a.columns) : (a.columns, a.rows)
  precondition(
    x.count == n && y.count == m,
    "gemv: \(a.rows)×\(a.columns)\(trans == .none ? "" : "ᵀ") by \(x.count) into \(y.count)")
  if a.rows == 0 || a.columns == 0 {
    for i in y.indices { y[i] *= beta }
    return
  }
  a.storage.withUnsafeBufferPointer { pa in
    x.withUnsafeBufferPointer { px in
      y.withUnsafeMutableBufferPointer { py in
        cblas_dgemv(
          CblasColMajor, trans.cblas, int32(a.rows), int32(a.columns), alpha, pa.baseAddress,
          int32(max(a.rows, 1)), px.baseAddress, 1, beta, py.baseAddress, 1)
      }
    }
  }
}

/// c ← alpha · aᵀa + beta · c on the upper triangle of c (the lower triangle is filled
/// in to keep c symmetric). BLAS: `dsyrk`.
public func syrkTransposed(_ a: Matrix, alpha: Double = 1, beta: Double = 0, into c: inout Matrix) {
  precondition(
    c.rows == a.columns && c.columns == a.columns,
    "syrk: aᵀa of \(a.rows)×\(a.columns) into \(c.rows)×\(c.columns)")
  let n = a.columns
  if n == 0 { return }
  a.storage.withUnsafeBufferPointer { pa in
    c.storage.withUnsafeMutableBufferPointer { pc in
      cblas_dsyrk(
        CblasColMajor, CblasUpper, CblasTrans, int32(n), int32(a.rows), alpha, pa.baseAddress,
        int32(max(a.rows, 1)), beta, pc.baseAddress, int32(n))
    }
  }
  for j in 0..<n { for i in (j + 1)..<n { c[i, j] = c[j, i] } }
}

/// x ← op(a)⁻¹ · x with `a` upper triangular. BLAS: `dtrsv`.
public func trsvUpper(_ a: Matrix, _ trans: Transpose, _ x: inout [Double]) {
  let n = a.rows
  precondition(a.columns == n && x.count == n, "trsv: \(a.rows)×\(a.columns) against \(x.count)")
  if n == 0 { return }
  a.storage.withUnsafeBufferPointer { pa in
    x.withUnsafeMutableBufferPointer { px in
      cblas_dtrsv(
        CblasColMajor, CblasUpper, trans.cblas, CblasNonUnit, int32(n), pa.baseAddress, int32(n),
        px.baseAddress, 1)
    }
  }
}

/// xᵀy. BLAS: `ddot`.
public func dot(_ x: [Double], _ y: [Double]) -> Double {
  precondition(x.count == y.count, "dot: \(x.count) by \(y.count)")
  return x.withUnsafeBufferPointer { px in
    y.withUnsafeBufferPointer { py in
      cblas_ddot(int32(x.count), px.baseAddress, 1, py.baseAddress, 1)
    }
  }
}

/// y ← alpha · x + y. BLAS: `daxpy`.
public func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
  precondition(x.count == y.count, "axpy: \(x.count) into \(y.count)")
  x.withUnsafeBufferPointer { px in
    y.withUnsafeMutableBufferPointer { py in
      cblas_daxpy(int32(x.count), alpha, px.baseAddress, 1, py.baseAddress, 1)
    }
  }
}

/// What OpenBLAS says of itself: the kernel it runs, its thread count and build.
public struct BLASInfo: Sendable, Equatable, Codable {
  /// Always "OpenBLAS": the library the CBLAS target links.
  public let library: String
  /// The build string, for example "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
  public let configuration: String
  /// The kernel family chosen at load time (`openblas_get_corename`), for example "Haswell".
  public let kernel: String
  /// Threads OpenBLAS uses for a level-3 call: the process's setting, not the one thread a
  /// parallel lane lowers it to for a while (`withSingleThreadedBLAS`).
  public let threads: Int

  /// Asks the linked OpenBLAS.
  public static var current: BLASInfo {
    BLASInfo(
      library: "OpenBLAS",
      configuration: blasConfiguration,
      kernel: openblas_get_corename().map { String(cString: $0) } ?? "unknown",
      threads: Int(configuredBLASThreads))
  }
}

/// OpenBLAS's build string, read once: `openblas_get_config` rebuilds it in a static buffer
/// on every call, so two threads asking at once can read it torn or doubled.
private let blasConfiguration: String =
  openblas_get_config().map { String(cString: $0) } ?? "unknown"

/// OpenBLAS's thread count as the process set it up, read before any lane lowers it.
private let configuredBLASThreads: Int32 = openblas_get_num_threads()

/// y ← alpha · op(a[rows, :]) · x + beta · y on a block of consecutive rows of `a`, read in
/// place through the leading dimension (no copy). For op = none, y has `rows.count` entries
/// (only the first `rows.count` are touched when longer); for op = transpose, x does.
/// BLAS: `dgemv`.
public func gemvBlock(
  _ trans: Transpose, _ a: Matrix, rows: Range<Int>, _ x: [Double], alpha: Double = 1,
  beta: Double = 0, into y: inout [Double]
) {
  let count = rows.count
  precondition(rows.lowerBound >= 0 && rows.upperBound <= a.rows, "gemvBlock: rows \(rows) of \(a.rows)")
  precondition(
    trans == .none ? (x.count == a.columns && y.count >= count) : (x.count >= count && y.count == a.columns),
    "gemvBlock: \(count)×\(a.columns) block against \(x.count) into \(y.count)")
  if count == 0 || a.columns == 0 { return }
  a.storage.withUnsafeBufferPointer { pa in
    x.withUnsafeBufferPointer { px in
      y.withUnsafeMutableBufferPointer { py in
        cblas_dgemv(
          CblasColMajor, trans.cblas, int32(count), int32(a.columns), alpha,
          pa.baseAddress.map { $0 + rows.lowerBound }, int32(a.rows), px.baseAddress, 1, beta,
          py.baseAddress, 1)
      }
    }
  }
}

/// Runs `body` with OpenBLAS limited to one thread, restoring the previous count after.
///
/// For code that runs its own parallel lanes of BLAS/LAPACK calls: OpenBLAS's pthreads build
/// called from several threads at once, each spawning its own workers, slows down by orders
/// of magnitude (measured: 0.13 s single-threaded lanes against 65 s). One BLAS thread per
/// lane also makes each lane's arithmetic independent of the machine's thread count.
public func withSingleThreadedBLAS<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
  _ = configuredBLASThreads  // recorded before the first lowering
  let previous = openblas_get_num_threads()
  if previous == 1 { return try body() }
  openblas_set_num_threads(1)
  defer { openblas_set_num_threads(previous) }
  return try body()
}
