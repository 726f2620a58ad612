/// One year's matching on every Monte Carlo path: the rule of `MatchingEngine` (MODEL.md
/// section 5) applied to each path's column.
public struct PathMatching: Sendable, Equatable {
  /// How many ulps of max(D_s, Σ_f P_f,s) a vacancy must exceed to be reported: 2F + 4 for F
  /// fields, the roundings of a filled column (2F + 2) with a margin of two. A filled sector's
  /// column sum leaves D_s − Σ_f P_f,s at a few ulps of D_s (5.8e-11 for a capacity of
  /// 280,194) instead of 0.
  static func vacancyRoundingUlps(fields: Int) -> Int { 2 * fields + 4 }

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
  /// `vacancyRoundingUlps`).
  public let vacancies: [Double]

  /// The rows × paths placements row of field f and sector s.
  public func row(field f: Int, sector s: Int) -> Int { f * sectors.count + s }
}

extension MatchingEngine {
  /// Matches every column of `supply` (fields × P, or fields × 1 shared by all paths) against
  /// the same column of `capacity` (sectors × P). Paths are independent; one path's result
  /// never depends on the others.
  ///
  /// - Parameter eligibility: e_f,s at index f · sectors.count + s, each one value shared by
  ///   every path or P values (where a shock draws it per path).
  /// - Throws: `MatchingError` for a shared share outside [0, 1] (NaN included), then, path by
  ///   path, for a per-path share outside [0, 1], a negative capacity or a negative supply.
  public func match(
    supply: Matrix, capacity: Matrix, eligibility: [[Double]], year: Int
  ) throws(MatchingError) -> PathMatching {
    let nf = fields.count
    let ns = sectors.count
    let cells = nf * ns
    let paths = capacity.columns
    precondition(
      supply.rows == nf && capacity.rows == ns && (supply.columns == paths || supply.columns == 1),
      "match: supply \(supply.rows)×\(supply.columns), capacity \(capacity.rows)×\(capacity.columns)")
    precondition(eligibility.count == cells, "match: \(cells) eligibility cells")
    for s in 0..<ns {
      for f in 0..<nf {
        let values = eligibility[f * ns + s]
        if values.count == 1, !(0...1).contains(values[0]) {
          throw .eligibilityOutOfRange(field: fields[f], sector: sectors[s], value: values[0])
        }
      }
    }
    // e_f,s of every path as one array: cell i of path p at start[i] + p · step[i] (step 0 when
    // shared), so the loop over paths reads no nested arrays.
    var shares: [Double] = []
    var start = [Int](repeating: 0, count: cells)
    var step = [Int](repeating: 0, count: cells)
    for i in 0..<cells {
      start[i] = shares.count
      let values = eligibility[i]
      precondition(
        values.count == 1 || values.count == paths,
        "match: eligibility cell \(i) has \(values.count) values for \(paths) paths")
      shares += values
      step[i] = values.count == 1 ? 0 : 1
    }
    var placementStorage = [Double](repeating: 0, count: cells * paths)
    var totalSupply = [Double](repeating: 0, count: paths)
    var totalCapacity = [Double](repeating: 0, count: paths)
    var placed = [Double](repeating: 0, count: paths)
    var vacancies = [Double](repeating: 0, count: paths)
    let allowed = Double(PathMatching.vacancyRoundingUlps(fields: nf))
    var eScratch = [Double](repeating: 0, count: cells)
    var nScratch = [Double](repeating: 0, count: nf)
    let supplyStride = supply.columns == 1 ? 0 : nf
    let checkShares = eligibility.contains { $0.count > 1 }
    // Spans: bounds-checked like arrays, without a uniqueness check on every write.
    let shareValues = shares.span
    let supplyValues = supply.storage.span
    let capacityValues = capacity.storage.span
    var out = placementStorage.mutableSpan
    var supplied = totalSupply.mutableSpan
    var capacities = totalCapacity.mutableSpan
    var placedOut = placed.mutableSpan
    var open = vacancies.mutableSpan
    var e = eScratch.mutableSpan
    var n = nScratch.mutableSpan
    // Index arithmetic wraps (&+, &*): the indices stay far below Int.max and every access is
    // still bounds-checked by its span.
    // Shares that no path varies, set once; per-path shares replace them path by path.
    for i in 0..<cells { e[i] = shareValues[start[i]] }
    for path in 0..<paths {
      let at = path &* supplyStride
      for f in 0..<nf { n[f] = supplyValues[at &+ f] }
      for i in 0..<cells where checkShares {
        let value = shareValues[start[i] &+ path &* step[i]]
        guard (0...1).contains(value) else {
          throw .eligibilityOutOfRange(field: fields[i / ns], sector: sectors[i % ns], value: value)
        }
        e[i] = value
      }
      let c = path &* ns
      for s in 0..<ns where capacityValues[c &+ s] < 0 || capacityValues[c &+ s].isNaN {
        throw .negativeCapacity(sector: sectors[s], year: year, value: capacityValues[c &+ s])
      }
      for f in 0..<nf where n[f] < 0 || n[f].isNaN {
        throw .negativeSupply(field: fields[f], year: year, value: n[f])
      }
      let o = path &* cells
      for s in 0..<ns {
        var eligible = 0.0
        for f in 0..<nf { eligible += e[f &* ns &+ s] * n[f] }
        guard eligible > 0 else { continue }
        let taken = min(capacityValues[c &+ s], eligible)
        for f in 0..<nf {
          let i = f &* ns &+ s
          out[o &+ i] = taken * e[i] * n[f] / eligible
        }
      }
      for f in 0..<nf {
        let row = o &+ f &* ns
        var claimed = 0.0
        for s in 0..<ns { claimed += out[row &+ s] }
        guard claimed > n[f] else { continue }
        let scale = n[f] / claimed
        for s in 0..<ns { out[row &+ s] *= scale }
      }
      var supplyTotal = 0.0
      for f in 0..<nf { supplyTotal += n[f] }
      var d = 0.0
      var total = 0.0
      var left = 0.0
      for s in 0..<ns {
        var taken = 0.0
        for f in 0..<nf { taken += out[o &+ f &* ns &+ s] }
        let cap = capacityValues[c &+ s]
        d += cap
        total += taken
        // Where a sector is full, capacity − Σ placements is rounding (`vacancyRoundingUlps`).
        let rest = cap - taken
        left += rest <= allowed * max(cap, taken).ulp ? 0 : rest
      }
      // Inputs whose products overflow leave NaN placements (∞ · 0): refused, never written
      // as cells that look like values that do not exist. An infinite total is left to the
      // tables, which name the cell.
      guard !(supplyTotal.isNaN || d.isNaN || total.isNaN || left.isNaN) else {
        throw .overflow(year: year)
      }
      supplied[path] = supplyTotal
      capacities[path] = d
      placedOut[path] = total
      open[path] = left
    }
    let placements = Matrix(rows: cells, columns: paths, columnMajor: placementStorage)
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
