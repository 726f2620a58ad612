import Dispatch

/// The triangular factor of a tall design `[X D⁻¹ | y]`, computed block by block.
///
/// Rows are taken in blocks that fit in cache; each block is stacked under the triangle so far
/// and refactored (Householder QR, LAPACK `dgeqrf`), so X is read once and never copied whole.
/// Rows are split into a fixed number of lanes factored concurrently and merged in lane order:
/// the partition depends only on the shape, so the result is the same whatever the thread count.
///
///     [X D⁻¹ | y] = Q R,   R upper triangular (p+1)×(p+1)
enum TallSkinnyQR {
  /// Rows per block: a (p + 1 + blockRows)×(p + 1) block stays within a few MB.
  static let blockRows = 4096
  /// Rows below which one lane does all the work.
  static let rowsPerLane = 16_384

  /// - Parameters:
  ///   - design: X, m×p.
  ///   - inverseScale: the diagonal of D⁻¹ (one factor per column of X).
  ///   - response: y, length m.
  /// - Returns: R, (p+1)×(p+1), upper triangular.
  static func factor(
    design: Matrix, inverseScale: [Double], response: [Double]
  ) throws(LinearAlgebraError) -> Matrix {
    let m = design.rows
    precondition(response.count == m && inverseScale.count == design.columns,
      "TallSkinnyQR: \(m)×\(design.columns) design, \(response.count) responses, \(inverseScale.count) scales")
    let lanes = max(1, min(8, m / rowsPerLane))
    let bounds = (0...lanes).map { $0 * m / lanes }
    if lanes == 1 {
      return try factorRows(0..<m, design: design, inverseScale: inverseScale, response: response)
    }
    let results = LaneResults(count: lanes)
    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
      let rows = bounds[lane]..<bounds[lane + 1]
      results.store(
        lane,
        Result { () throws(LinearAlgebraError) -> Matrix in
          try factorRows(rows, design: design, inverseScale: inverseScale, response: response)
        })
    }
    let n = design.columns + 1
    var stacked = Matrix(rows: lanes * n, columns: n)
    for lane in 0..<lanes {
      let r = try results.value(lane)
      for j in 0..<n {
        for i in 0...j { stacked[lane * n + i, j] = r[i, j] }
      }
    }
    return try triangularFactor(of: stacked)
  }

  /// Sequential blocked QR of the given rows.
  private static func factorRows(
    _ rows: Range<Int>, design: Matrix, inverseScale: [Double], response: [Double]
  ) throws(LinearAlgebraError) -> Matrix {
    let p = design.columns
    let n = p + 1
    var r = Matrix(rows: n, columns: n)
    var start = rows.lowerBound
    var first = true
    while start < rows.upperBound || first {
      let count = min(blockRows, rows.upperBound - start)
      let top = first ? 0 : n
      let height = top + count
      var block = Matrix(rows: height, columns: n)
      let m = design.rows
      design.storage.withUnsafeBufferPointer { x in
        block.storage.withUnsafeMutableBufferPointer { b in
          for j in 0..<n {
            let column = j * height
            if top > 0 {
              for i in 0...min(j, n - 1) { b[column + i] = r[i, j] }
            }
            if j < p {
              let s = inverseScale[j]
              let source = j * m + start
              for i in 0..<count { b[column + top + i] = x[source + i] * s }
            } else {
              for i in 0..<count { b[column + top + i] = response[start + i] }
            }
          }
        }
      }
      if height >= 1 {
        r = try triangularFactor(of: block)
      }
      start += count
      first = false
      if count == 0 { break }
    }
    return r
  }
}

/// Per-lane results written from concurrent lanes, each slot by exactly one lane.
private final class LaneResults: @unchecked Sendable {
  private var slots: [Result<Matrix, LinearAlgebraError>?]
  private let lock = NSLockLike()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ lane: Int, _ result: Result<Matrix, LinearAlgebraError>) {
    lock.withLock { slots[lane] = result }
  }

  func value(_ lane: Int) throws(LinearAlgebraError) -> Matrix {
    guard let result = lock.withLock({ slots[lane] }) else {
      preconditionFailure("TallSkinnyQR: lane \(lane) produced no result")
    }
    return try result.get()
  }
}
