/// The paths a run computes and how their random draws are keyed (MODEL.md section 7).
///
/// A batch covers paths `paths` of a run of `total`; draws are keyed by the global path index,
/// so a path's values do not depend on the batch it is computed in.
///
/// Design points side by side (`Simulation.runPointsSideBySide`) run `points` scenarios on the
/// same paths in one batch: column g · paths.count + p is path p of point g, and takes the
/// draws of that path (common random numbers).
struct PathContext: Sendable {
  let seed: UInt64
  let paths: Range<Int>
  /// The run's number of paths; with 1 the run is deterministic and nothing is drawn.
  let total: Int
  let baseYear: Int
  /// Design points side by side on `paths`; 1 for a run of one scenario.
  var points = 1
  /// Every source drawn from, shared by the run's batches, to catch two names on one region.
  var sources = RandomSourceRegistry()

  /// The batch's columns: every point's paths.
  var count: Int { paths.count * points }
  var isStochastic: Bool { total > 1 }

  /// The context of one point's columns, on the same paths and sources: what does not depend
  /// on the point is worked out there once and `repeated` for every point.
  var onePoint: PathContext {
    var context = self
    context.points = 1
    return context
  }

  /// `values`, one per path, repeated for every point.
  func repeated(_ values: [Double]) -> [Double] {
    guard points > 1 else { return values }
    var out: [Double] = []
    out.reserveCapacity(values.count * points)
    for _ in 0..<points { out.append(contentsOf: values) }
    return out
  }

  /// `z`, one column per path, repeated for every point.
  private func repeated(_ z: Matrix) -> Matrix {
    guard points > 1 else { return z }
    var storage: [Double] = []
    storage.reserveCapacity(z.storage.count * points)
    for _ in 0..<points { storage.append(contentsOf: z.storage) }
    return Matrix(rows: z.rows, columns: z.columns * points, columnMajor: storage)
  }

  /// `sd` · N(0, 1) for draws `index ..< index + count` of `source`, count × paths.
  func noise(_ source: String, sd: Double, index: Int = 0, count: Int) -> Matrix {
    var z = normals(source, index: index, count: count)
    for i in z.storage.indices { z.storage[i] *= sd }
    return z
  }
}

extension PathContext {
  /// sd · N(0, 1) draws of `source` truncated so that `center(i, p)` + the draw stays in
  /// `domain` (MODEL.md 7), count × paths; an unbounded domain gives `noise`'s draws.
  ///
  /// `centers[i]` holds row i's centre, one value shared by every column or one per column; a
  /// shared centre's interval is worked out once for all paths. Side by side, each point's
  /// columns are truncated around their own centres, drawn once when every point has the
  /// same ones.
  func noise(
    _ source: String, sd: Double, index: Int = 0, count: Int, domain: ParameterDomain,
    centers: [[Double]]
  ) -> Matrix {
    guard !domain.isUnbounded else { return noise(source, sd: sd, index: index, count: count) }
    precondition(centers.count == count, "noise: \(centers.count) centre rows for \(count) draws")
    precondition(
      centers.allSatisfy { $0.count == 1 || $0.count == self.count },
      "noise: centres for neither one nor every column")
    sources.register(source)
    func interval(_ c: Double) -> NormalInterval {
      NormalInterval((domain.lower - c) / sd, (domain.upper - c) / sd)
    }
    let shared = centers.map { $0.count == 1 ? interval($0[0]) : nil }
    let width = paths.count
    func draws(point g: Int) -> Matrix {
      RandomSource(source).truncatedNormals(
        seed: seed, paths: paths, index: index, count: count
      ) { i, p in
        shared[i] ?? interval(centers[i][g &* width &+ p])
      }
    }
    let samePerPoint = points == 1 || centers.allSatisfy { row in
      row.count == 1 || (width..<row.count).allSatisfy { row[$0].bitPattern == row[$0 % width].bitPattern }
    }
    var z: Matrix
    if samePerPoint {
      z = repeated(draws(point: 0))
    } else {
      var storage: [Double] = []
      storage.reserveCapacity(count * self.count)
      for g in 0..<points { storage.append(contentsOf: draws(point: g).storage) }
      z = Matrix(rows: count, columns: self.count, columnMajor: storage)
    }
    for i in z.storage.indices { z.storage[i] *= sd }
    return z
  }

  /// N(0, 1) draws `index ..< index + count` of `source`, count × columns (every point's
  /// columns the same draws), the source recorded.
  func normals(_ source: String, index: Int = 0, count: Int) -> Matrix {
    sources.register(source)
    return repeated(RandomSource(source).normals(seed: seed, paths: paths, index: index, count: count))
  }
}
