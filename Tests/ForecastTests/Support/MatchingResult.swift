@testable import Forecast

/// One year's matching: the placements of every field in every sector (zeros included) and
/// the balance figures derived from them (MODEL.md sections 5 and 9).
struct MatchingResult: Sendable, Equatable {
  let year: Int
  /// The fields, in row order of `placements`.
  let fields: [String]
  /// The sectors, in column order of `placements`.
  let sectors: [String]
  /// N_f.
  let supply: [Double]
  /// D_s.
  let capacity: [Double]
  /// P_f,s, fields × sectors.
  let placements: Matrix

  /// Σ_s P_f,s, per field.
  var placedByField: [Double] {
    fields.indices.map { f in sectors.indices.reduce(0) { $0 + placements[f, $1] } }
  }

  /// Σ_f P_f,s, per sector.
  var placedBySector: [Double] {
    sectors.indices.map { s in fields.indices.reduce(0) { $0 + placements[$1, s] } }
  }

  /// P = Σ_f,s P_f,s.
  var placed: Double { placedBySector.reduce(0, +) }

  /// N = Σ_f N_f.
  var totalSupply: Double { supply.reduce(0, +) }

  /// D = Σ_s D_s.
  var totalCapacity: Double { capacity.reduce(0, +) }

  /// U = N − P.
  var unplaced: Double { totalSupply - placed }

  /// V_s = D_s − Σ_f P_f,s, per sector; 0 where the difference is rounding.
  ///
  /// Placements never exceed capacity (Σ_f P_f,s ≤ D'_s ≤ D_s), so a negative difference is
  /// rounding. So is a positive one within `vacancyRoundingUlps` ulps of the larger operand: a
  /// filled sector's column sum carries about 2F + 2 roundings (F fields: the eligible supply
  /// Q_s, the share of each field, the sum), and leaves D_s − Σ_f P_f,s at a few ulps of D_s
  /// (5.8e-11 for a capacity of 280,194) instead of 0.
  var vacancies: [Double] {
    let allowed = Double(PathMatching.vacancyRoundingUlps(fields: fields.count))
    return zip(capacity, placedBySector).map { d, placed in
      let v = d - placed
      return v <= allowed * max(d, placed).ulp ? 0 : v
    }
  }


  /// Σ_s V_s.
  var totalVacancies: Double { vacancies.reduce(0, +) }

  /// D / N; NaN (an empty cell) where N = 0.
  var coverage: Double {
    let n = totalSupply
    return n == 0 ? .nan : totalCapacity / n
  }
}

/// A matching engine with one eligibility matrix e_f,s shared by every path: the one-year,
/// one-path view the matching tests state their hand-computed cases in.
struct SharedEligibilityEngine {
  let engine: MatchingEngine
  /// e_f,s, fields × sectors.
  let eligibility: Matrix

  init(fields: [String], sectors: [String], eligibility: Matrix) {
    engine = MatchingEngine(fields: fields, sectors: sectors)
    self.eligibility = eligibility
  }

  var fields: [String] { engine.fields }
  var sectors: [String] { engine.sectors }

  /// Matches new supply N_f (one per field) against capacity D_s (one per sector) in `year`,
  /// on one path.
  func match(
    supply: [Double], capacity: [Double], year: Int
  ) throws(MatchingError) -> MatchingResult {
    precondition(
      supply.count == fields.count && capacity.count == sectors.count,
      "match: \(supply.count) supplies for \(fields.count) fields, "
        + "\(capacity.count) capacities for \(sectors.count) sectors")
    var cells: [[Double]] = []
    for f in fields.indices {
      for s in sectors.indices { cells.append([eligibility[f, s]]) }
    }
    let one = try engine.match(
      supply: Matrix(rows: fields.count, columns: 1, columnMajor: supply),
      capacity: Matrix(rows: sectors.count, columns: 1, columnMajor: capacity),
      eligibility: cells, year: year)
    var placements = Matrix(rows: fields.count, columns: sectors.count)
    for f in fields.indices {
      for s in sectors.indices { placements[f, s] = one.placements[one.row(field: f, sector: s), 0] }
    }
    return MatchingResult(
      year: year, fields: fields, sectors: sectors, supply: supply, capacity: capacity,
      placements: placements)
  }
}
