/// A dense column-major matrix of `Double`, LAPACK's native layout.
///
/// Element (i, j) lives at `storage[j * rows + i]`. A value type: copies share storage until one
/// of them writes (copy-on-write through `Array`).
public struct Matrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  @usableFromInline package var storage: [Double]

  /// A matrix of zeros.
  public init(rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)×\(columns)")
    self.rows = rows
    self.columns = columns
    self.storage = [Double](repeating: 0, count: rows * columns)
  }

  /// A matrix over column-major storage.
  public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
    precondition(
      storage.count == rows * columns,
      "Matrix: \(storage.count) values for a \(rows)×\(columns) matrix")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from its columns, each of the same length.
  public init(columns: [[Double]]) {
    let rows = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rows }, "Matrix: columns of unequal length")
    self.init(rows: rows, columns: columns.count, columnMajor: Array(columns.joined()))
  }

  /// A matrix from its rows, each of the same length (test and small-case convenience).
  public init(rowMajor values: [[Double]]) {
    let rows = values.count
    let columns = values.first?.count ?? 0
    precondition(values.allSatisfy { $0.count == columns }, "Matrix: rows of unequal length")
    var storage = [Double](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<columns { storage[j * rows + i] = values[i][j] }
    }
    self.init(rows: rows, columns: columns, columnMajor: storage)
  }

  /// The n×n identity.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m.storage[i * n + i] = 1 }
    return m
  }

  @inlinable public subscript(row: Int, column: Int) -> Double {
    get { storage[column &* rows &+ row] }
    set { storage[column &* rows &+ row] = newValue }
  }

  /// Column j as an array (a copy).
  public func column(_ j: Int) -> [Double] {
    Array(storage[(j * rows)..<((j + 1) * rows)])
  }

  /// The transpose (a copy; BLAS calls take a transpose flag instead).
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t.storage[i * columns + j] = storage[j * rows + i] }
    }
    return t
  }

  /// The columns at the given indices, in that order.
  public func selectingColumns(_ indices: [Int]) -> Matrix {
    var out = [Double]()
    out.reserveCapacity(rows * indices.count)
    for j in indices { out.append(contentsOf: storage[(j * rows)..<((j + 1) * rows)]) }
    return Matrix(rows: rows, columns: indices.count, columnMajor: out)
  }

  /// The upper triangle (zeros below the diagonal) of the leading `n`×`n` block.
  public func upperTriangle(_ n: Int) -> Matrix {
    precondition(n <= rows && n <= columns, "upperTriangle: \(n) in \(rows)×\(columns)")
    var r = Matrix(rows: n, columns: n)
    for j in 0..<n {
      for i in 0...j { r.storage[j * n + i] = storage[j * rows + i] }
    }
    return r
  }
}

extension Matrix {
  /// The rows at the given indices, in that order.
  public func selectingRows(_ indices: [Int]) -> Matrix {
    var out = Matrix(rows: indices.count, columns: columns)
    for j in 0..<columns {
      for (position, i) in indices.enumerated() { out[position, j] = self[i, j] }
    }
    return out
  }
}
