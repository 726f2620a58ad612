/// One year's matching on every Monte Carlo path (MODEL.md section 5), the rule of
/// `MatchingEngine.match` applied to each column.
public struct PathMatching: Sendable, Equatable {
  public let year: Int
  public let fields: [String]
  public let sectors: [String]
  /// P_f,s on each path: row f · sectors.count + s, one column per path.
  public let placements: Matrix
  /// Σ_f N_f per path.
  public let supply: [Double]
  /// Σ_s D_s per path.
  public let capacity: [Double]
  /// Σ_f,s P_f,s per path.
  public let placed: [Double]
  /// Σ_s V_s per path, V_s = D_s − Σ_f P_f,s, 0 where it is rounding (as in
  /// `MatchingResult.vacancies`).
  public let vacancies: [Double]

  /// The rows × paths placements row of field f and sector s.
  public func row(field f: Int, sector s: Int) -> Int { f * sectors.count + s }
}

extension MatchingEngine {
  /// Matches every column of `supply` (fields × P, or fields × 1 shared by all paths) against
  /// the same column of `capacity` (sectors × P). Paths are independent; one path's result
  /// never depends on the others.
  ///
  /// - Parameter eligibility: per-path e_f,s at index f · sectors.count + s (P values or 1), where
  ///   a shock draws it per path; nil for the engine's own shares.
  /// - Throws: `MatchingError` for the first negative capacity or supply, or a per-path share
  ///   outside [0, 1].
  public func match(
    supply: Matrix, capacity: Matrix, eligibility varying: [[Double]]? = nil, year: Int
  ) throws(MatchingError) -> PathMatching {
    let nf = fields.count
    let ns = sectors.count
    let paths = capacity.columns
    precondition(
      supply.rows == nf && capacity.rows == ns && (supply.columns == paths || supply.columns == 1),
      "match: supply \(supply.rows)×\(supply.columns), capacity \(capacity.rows)×\(capacity.columns)")
    var placements = Matrix(rows: nf * ns, columns: paths)
    var totalSupply = [Double](repeating: 0, count: paths)
    var totalCapacity = [Double](repeating: 0, count: paths)
    var placed = [Double](repeating: 0, count: paths)
    var vacancies = [Double](repeating: 0, count: paths)
    let allowed = Double(MatchingResult.vacancyRoundingUlps(fields: nf))
    var e = [Double](repeating: 0, count: nf * ns)
    var p = [Double](repeating: 0, count: nf * ns)
    let sharedSupply = supply.columns == 1
    var n = [Double](repeating: 0, count: nf)
    for path in 0..<paths {
      for f in 0..<nf { n[f] = supply[f, sharedSupply ? 0 : path] }
      for f in 0..<nf {
        for s in 0..<ns {
          if let varying {
            let values = varying[f * ns + s]
            let value = values[values.count == 1 ? 0 : path]
            guard (0...1).contains(value) else {
              throw .eligibilityOutOfRange(field: fields[f], sector: sectors[s], value: value)
            }
            e[f * ns + s] = value
          } else {
            e[f * ns + s] = eligibility[f, s]
          }
        }
      }
      for s in 0..<ns where capacity[s, path] < 0 || capacity[s, path].isNaN {
        throw .negativeCapacity(sector: sectors[s], year: year, value: capacity[s, path])
      }
      for f in 0..<nf where n[f] < 0 || n[f].isNaN {
        throw .negativeSupply(field: fields[f], year: year, value: n[f])
      }
      for index in p.indices { p[index] = 0 }
      for s in 0..<ns {
        var eligible = 0.0
        for f in 0..<nf { eligible += e[f * ns + s] * n[f] }
        guard eligible > 0 else { continue }
        let taken = min(capacity[s, path], eligible)
        for f in 0..<nf { p[f * ns + s] = taken * e[f * ns + s] * n[f] / eligible }
      }
      for f in 0..<nf {
        var claimed = 0.0
        for s in 0..<ns { claimed += p[f * ns + s] }
        guard claimed > n[f] else { continue }
        let scale = n[f] / claimed
        for s in 0..<ns { p[f * ns + s] *= scale }
      }
      var supplied = 0.0
      for f in 0..<nf { supplied += n[f] }
      var d = 0.0
      var total = 0.0
      var open = 0.0
      for s in 0..<ns {
        var taken = 0.0
        for f in 0..<nf { taken += p[f * ns + s] }
        d += capacity[s, path]
        total += taken
        // Where a sector is full, capacity − Σ placements is rounding (`MatchingResult.vacancies`).
        let left = capacity[s, path] - taken
        open += left <= allowed * max(capacity[s, path], taken).ulp ? 0 : left
      }
      for index in p.indices { placements[index, path] = p[index] }
      totalSupply[path] = supplied
      totalCapacity[path] = d
      placed[path] = total
      vacancies[path] = open
    }
    return PathMatching(
      year: year, fields: fields, sectors: sectors, placements: placements, supply: totalSupply,
      capacity: totalCapacity, placed: placed, vacancies: vacancies)
  }
}

extension PathMatching {
  /// Batches of paths of one year side by side, in path order.
  static func joined(_ parts: [PathMatching]) -> PathMatching {
    let first = parts[0]
    if parts.count == 1 { return first }
    return PathMatching(
      year: first.year, fields: first.fields, sectors: first.sectors,
      placements: Matrix(
        rows: first.placements.rows, columns: parts.reduce(0) { $0 + $1.placements.columns },
        columnMajor: parts.flatMap(\.placements.storage)),
      supply: parts.flatMap(\.supply), capacity: parts.flatMap(\.capacity),
      placed: parts.flatMap(\.placed), vacancies: parts.flatMap(\.vacancies))
  }
}
