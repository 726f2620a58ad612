/// The paths a run computes and how their random draws are keyed (MODEL.md section 7).
///
/// A batch covers paths `paths` of a run of `total`; draws are keyed by the global path index,
/// so a path's values do not depend on the batch it is computed in.
struct PathContext: Sendable {
  let seed: UInt64
  let paths: Range<Int>
  /// The run's number of paths; with 1 the run is deterministic and nothing is drawn.
  let total: Int
  let baseYear: Int
  /// Every source drawn from, shared by the run's batches, to catch two names on one region.
  var sources = RandomSourceRegistry()

  var count: Int { paths.count }
  var isStochastic: Bool { total > 1 }

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
  /// `centers[i]` holds row i's centre, one value shared by every path or one per path; a
  /// shared centre's interval is worked out once for all paths.
  func noise(
    _ source: String, sd: Double, index: Int = 0, count: Int, domain: ParameterDomain,
    centers: [[Double]]
  ) -> Matrix {
    guard !domain.isUnbounded else { return noise(source, sd: sd, index: index, count: count) }
    precondition(centers.count == count, "noise: \(centers.count) centre rows for \(count) draws")
    sources.register(source)
    func interval(_ c: Double) -> NormalInterval {
      NormalInterval((domain.lower - c) / sd, (domain.upper - c) / sd)
    }
    let shared = centers.map { $0.count == 1 ? interval($0[0]) : nil }
    var z = RandomSource(source).truncatedNormals(
      seed: seed, paths: paths, index: index, count: count
    ) { i, p in
      shared[i] ?? interval(centers[i][p])
    }
    for i in z.storage.indices { z.storage[i] *= sd }
    return z
  }

  /// N(0, 1) draws `index ..< index + count` of `source`, count × paths, the source recorded.
  func normals(_ source: String, index: Int = 0, count: Int) -> Matrix {
    sources.register(source)
    return RandomSource(source).normals(seed: seed, paths: paths, index: index, count: count)
  }
}
