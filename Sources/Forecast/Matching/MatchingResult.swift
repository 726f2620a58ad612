/// One year's matching: the placements of every field in every sector (zeros included) and
/// the balance figures derived from them (MODEL.md sections 5 and 9).
public struct MatchingResult: Sendable, Equatable {
  public let year: Int
  /// The fields, in row order of `placements`.
  public let fields: [String]
  /// The sectors, in column order of `placements`.
  public let sectors: [String]
  /// N_f.
  public let supply: [Double]
  /// D_s.
  public let capacity: [Double]
  /// P_f,s, fields × sectors.
  public let placements: Matrix

  /// Σ_s P_f,s, per field.
  public var placedByField: [Double] {
    fields.indices.map { f in sectors.indices.reduce(0) { $0 + placements[f, $1] } }
  }

  /// Σ_f P_f,s, per sector.
  public var placedBySector: [Double] {
    sectors.indices.map { s in fields.indices.reduce(0) { $0 + placements[$1, s] } }
  }

  /// P = Σ_f,s P_f,s.
  public var placed: Double { placedBySector.reduce(0, +) }

  /// N = Σ_f N_f.
  public var totalSupply: Double { supply.reduce(0, +) }

  /// D = Σ_s D_s.
  public var totalCapacity: Double { capacity.reduce(0, +) }

  /// U = N − P.
  public var unplaced: Double { totalSupply - placed }

  /// V_s = D_s − Σ_f P_f,s, per sector; 0 where the difference is rounding.
  ///
  /// Placements never exceed capacity (Σ_f P_f,s ≤ D'_s ≤ D_s), so a negative difference is
  /// rounding. So is a positive one within `vacancyRoundingUlps` ulps of the larger operand: a
  /// filled sector's column sum carries about 2F + 2 roundings (F fields: the eligible supply
  /// Q_s, the share of each field, the sum), and leaves D_s − Σ_f P_f,s at a few ulps of D_s
  /// (5.8e-11 for a capacity of 280,194) instead of 0.
  public var vacancies: [Double] {
    let allowed = Double(Self.vacancyRoundingUlps(fields: fields.count))
    return zip(capacity, placedBySector).map { d, placed in
      let v = d - placed
      return v <= allowed * max(d, placed).ulp ? 0 : v
    }
  }

  /// How many ulps of max(D_s, Σ_f P_f,s) a vacancy must exceed to be reported: 2F + 4 for F
  /// fields, the roundings of a filled column (2F + 2) with a margin of two.
  static func vacancyRoundingUlps(fields: Int) -> Int { 2 * fields + 4 }

  /// Σ_s V_s.
  public var totalVacancies: Double { vacancies.reduce(0, +) }

  /// D / N; NaN (an empty cell) where N = 0.
  public var coverage: Double {
    let n = totalSupply
    return n == 0 ? .nan : totalCapacity / n
  }
}
