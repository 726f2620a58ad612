/// Why a year cannot be matched: each case names the field or sector (and the year).
public enum MatchingError: Error, Equatable, Sendable {
  /// An eligibility share outside [0, 1].
  case eligibilityOutOfRange(field: String, sector: String, value: Double)
  /// D_s < 0 (possible through a capacity driver or an `add` shock).
  case negativeCapacity(sector: String, year: Int, value: Double)
  /// N_f < 0 (possible only with rates outside [0, 1]).
  case negativeSupply(field: String, year: Int, value: Double)
}
