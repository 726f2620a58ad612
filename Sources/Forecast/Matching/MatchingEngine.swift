/// Places one year's new graduates, by field, into the sectors' graduate capacity
/// (MODEL.md section 5).
///
///     Q_s  = Σ_f e_f,s · N_f                  eligible supply of sector s
///     D'_s = min(D_s, Q_s)
///     R_f,s = D'_s · e_f,s · N_f / Q_s        (0 where Q_s = 0)
///     row f: if Σ_s R_f,s > N_f, scale the row by N_f / Σ_s R_f,s
///     P_f,s = R_f,s after scaling             placements
///
/// Each sector shares what it can take among the fields in proportion to their eligible
/// supply; a field whose graduates are claimed by more sectors than it has graduates is scaled
/// down. So Σ_f P_f,s ≤ D_s and Σ_s P_f,s ≤ N_f, up to rounding. Scaling a row leaves capacity
/// that other fields could have used unfilled: the rule is one pass, not an optimum.
public struct MatchingEngine: Sendable, Equatable {
  /// The fields, in row order.
  public let fields: [String]
  /// The sectors, in column order.
  public let sectors: [String]

  public init(fields: [String], sectors: [String]) {
    self.fields = fields
    self.sectors = sectors
  }
}
