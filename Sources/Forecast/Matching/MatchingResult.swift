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

  /// V_s = D_s − Σ_f P_f,s, per sector.
  public var vacancies: [Double] {
    // Placements never exceed capacity (Σ_f P_f,s ≤ D'_s ≤ D_s), so a negative difference is
    // rounding in the sum; it is reported as 0 rather than as -1.8e-12.
    zip(capacity, placedBySector).map { max($0 - $1, 0) }
  }

  /// Σ_s V_s.
  public var totalVacancies: Double { vacancies.reduce(0, +) }

  /// D / N; NaN (an empty cell) where N = 0.
  public var coverage: Double {
    let n = totalSupply
    return n == 0 ? .nan : totalCapacity / n
  }
}
