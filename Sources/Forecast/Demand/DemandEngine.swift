/// The demand engine of MODEL.md section 4: employment, openings and graduate capacity of
/// every sector in every projection year, on P paths at once.
///
///     E_s(t) = E_s(t−1) · (1 + g_s(t))
///     O_s(t) = max(E_s(t) − E_s(t−1), 0) + r_s(t) · E_s(t−1)
///     D_s(t) = h_s(t) · O_s(t)                      or D_s(t) given directly
///
/// Each path is its own column, so growth may differ by path. For a sector given by its
/// capacity, employment and openings are NaN (empty cells in a table).
public struct DemandEngine: Sendable {
  /// The last observed year; E_s(baseYear) is the base employment.
  public let baseYear: Int
  /// The number of projection years, baseYear + 1 ... baseYear + horizon.
  public let horizon: Int
  public let sectors: [DemandSector]

  public init(baseYear: Int, horizon: Int, sectors: [DemandSector]) {
    precondition(horizon >= 1, "DemandEngine: horizon \(horizon) < 1")
    self.baseYear = baseYear
    self.horizon = horizon
    self.sectors = sectors
  }

  /// The projection years.
  public var projectionYears: ClosedRange<Int> { (baseYear + 1)...(baseYear + horizon) }

  /// Employment, openings and capacity per sector (rows) and path (columns) of each projection
  /// year.
  ///
  /// - Parameter paths: P ≥ 1; every per-path input has P values or 1 (shared by all paths).
  /// - Throws: `DemandError` naming the sector and year of the first missing value or negative
  ///   capacity (earliest year first, then sectors in order).
  public func run(paths: Int = 1) throws(DemandError) -> DemandProjection {
    precondition(paths >= 1, "DemandEngine: \(paths) paths")
    let years = projectionYears
    let rows = sectors.count
    var employment = [Matrix]()
    var openings = [Matrix]()
    var capacity = [Matrix]()
    // E_s(t − 1) of sector s on path p at s · paths + p.
    var previous = [Double](repeating: .nan, count: rows * paths)
    for (s, sector) in sectors.enumerated() {
      if case .employment(let base, _, _, _) = sector.specification {
        let e0 = Self.expand(base, paths: paths, sector: sector.name)
        for p in 0..<paths { previous[s * paths + p] = e0[p] }
      }
    }
    // Year by year (the first error is the earliest year's), each year's matrices filled
    // column by column: sector s of path p at p · rows + s.
    for year in years {
      var e = [Double](repeating: .nan, count: rows * paths)
      var o = e
      var d = e
      do {
        // Spans: each write without the array's uniqueness check.
        var employed = e.mutableSpan
        var opening = o.mutableSpan
        var graduateCapacity = d.mutableSpan
        var before = previous.mutableSpan
        for (s, sector) in sectors.enumerated() {
          switch sector.specification {
          case .employment(_, let growth, let replacement, let share):
            let g = try value(growth, .growth, sector, year, paths)
            let r = try value(replacement, .replacement, sector, year, paths)
            let h = try value(share, .graduateShare, sector, year, paths)
            for p in 0..<paths {
              let last = before[s &* paths &+ p]
              let current = last * (1 + g[p])
              let opened = max(current - last, 0) + r[p] * last
              let graduates = h[p] * opened
              guard graduates >= 0 else {
                throw .negativeCapacity(sector: sector.name, year: year, path: p, value: graduates)
              }
              let at = p &* rows &+ s
              employed[at] = current
              opening[at] = opened
              graduateCapacity[at] = graduates
              before[s &* paths &+ p] = current
            }
          case .capacity(let given):
            let values = try value(given, .capacity, sector, year, paths)
            for p in 0..<paths {
              guard values[p] >= 0 else {
                throw .negativeCapacity(sector: sector.name, year: year, path: p, value: values[p])
              }
              graduateCapacity[p &* rows &+ s] = values[p]
            }
          }
        }
      }
      employment.append(Matrix(rows: rows, columns: paths, columnMajor: e))
      openings.append(Matrix(rows: rows, columns: paths, columnMajor: o))
      capacity.append(Matrix(rows: rows, columns: paths, columnMajor: d))
    }
    let names = sectors.map(\.name)
    return DemandProjection(
      employment: PathSeries(years: years, names: names, paths: paths, matrices: employment),
      openings: PathSeries(years: years, names: names, paths: paths, matrices: openings),
      capacity: PathSeries(years: years, names: names, paths: paths, matrices: capacity))
  }

  /// The P values of a parameter in `year`, or the error naming what is missing.
  private func value(
    _ values: [Int: [Double]], _ parameter: DemandError.Parameter, _ sector: DemandSector,
    _ year: Int, _ paths: Int
  ) throws(DemandError) -> [Double] {
    guard let given = values[year] else {
      throw .missingValue(sector: sector.name, parameter: parameter, year: year)
    }
    return Self.expand(given, paths: paths, sector: sector.name)
  }

  /// P values from P values or one; any other count is a programming error.
  private static func expand(_ values: [Double], paths: Int, sector: String) -> [Double] {
    precondition(
      values.count == paths || values.count == 1,
      "DemandEngine: sector \(sector) has \(values.count) values for \(paths) paths")
    return values.count == paths ? values : [Double](repeating: values[0], count: paths)
  }
}
