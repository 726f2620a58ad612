/// A named source of normal draws in every path's Philox stream: a driver's yearly noise, a
/// model's coefficients or residuals, a shock's value.
///
/// Each source owns its own region of the stream, found from its name, so a path's draws for
/// one source do not move when another source is added or removed. That keeps two scenarios
/// on common random numbers (`simulate compare`, `sweep`) even when one adds a noisy shock.
///
///     region = FNV-1a-32(name)              a 2³⁴-word region of the path's 2⁶⁶ words
///     offset = region · 2³⁴ + 2 · index     normal `index` of the source (2 words each)
public struct RandomSource: Sendable, Hashable {
  public let name: String

  public init(_ name: String) { self.name = name }

  /// The first word of the source's region in a path's stream.
  public var regionOffset: UInt64 {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    return UInt64(hash) << 34
  }

  /// Standard normals `index ..< index + count` of this source on paths `paths`, as a
  /// count × paths matrix (row i, column p: draw index + i of path paths.lowerBound + p).
  ///
  /// Paths are independent streams, so the result for one path never depends on which other
  /// paths are drawn with it, nor on the number of threads that draw them.
  public func normals(seed: UInt64, paths: Range<Int>, index: Int = 0, count: Int) -> Matrix {
    precondition(index >= 0 && count >= 0 && index + count <= 1 << 33, "RandomSource: index range")
    var out = Matrix(rows: count, columns: paths.count)
    guard count > 0, !paths.isEmpty else { return out }
    let start = regionOffset + 2 * UInt64(index)
    for column in 0..<paths.count {
      var stream = PhiloxStream(seed: seed, path: UInt64(paths.lowerBound + column), offset: start)
      for i in 0..<count { out.storage[column * count + i] = stream.nextNormal() }
    }
    return out
  }

  /// As `normals`, each draw truncated to `bounds(i, p)` (in standard units) for row i and
  /// column p, by inversion (`PhiloxStream.nextNormal(truncatedTo:_:)`).
  public func truncatedNormals(
    seed: UInt64, paths: Range<Int>, index: Int = 0, count: Int,
    bounds: (Int, Int) -> (lower: Double, upper: Double)
  ) -> Matrix {
    truncatedNormals(seed: seed, paths: paths, index: index, count: count) { i, p in
      let (lower, upper) = bounds(i, p)
      return NormalInterval(lower, upper)
    }
  }

  /// As `normals`, each draw truncated to `interval(i, p)`, whose CDF values the caller can
  /// work out once for many draws.
  public func truncatedNormals(
    seed: UInt64, paths: Range<Int>, index: Int = 0, count: Int,
    interval: (Int, Int) -> NormalInterval
  ) -> Matrix {
    precondition(index >= 0 && count >= 0 && index + count <= 1 << 33, "RandomSource: index range")
    var out = Matrix(rows: count, columns: paths.count)
    guard count > 0, !paths.isEmpty else { return out }
    let start = regionOffset + 2 * UInt64(index)
    for column in 0..<paths.count {
      var stream = PhiloxStream(seed: seed, path: UInt64(paths.lowerBound + column), offset: start)
      for i in 0..<count {
        out.storage[column * count + i] = interval(i, column).draw(stream.nextUniform())
      }
    }
    return out
  }
}
