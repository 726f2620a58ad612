/// Why a year cannot be matched: each case names the field or sector (and the year).
public enum MatchingError: Error, Equatable, Sendable {
  /// An eligibility share outside [0, 1].
  case eligibilityOutOfRange(field: String, sector: String, value: Double)
  /// D_s < 0 (possible through a capacity driver or an `add` shock).
  case negativeCapacity(sector: String, year: Int, value: Double)
  /// N_f < 0 (possible only with rates outside [0, 1]).
  case negativeSupply(field: String, year: Int, value: Double)
  /// The year's placements are not numbers: its supply or capacity are so large that their
  /// products overflow (∞ · 0).
  case overflow(year: Int)
}

extension MatchingError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .eligibilityOutOfRange(let field, let sector, let value):
      return "the eligibility of field \(field) for sector \(sector) is \(value), outside [0, 1]"
    case .negativeCapacity(let sector, let year, let value):
      return "sector \(sector) has a negative graduate capacity \(value) in \(year)"
    case .negativeSupply(let field, let year, let value):
      return "field \(field) has a negative new supply \(value) in \(year)"
    case .overflow(let year):
      return "the matching of \(year) overflowed: its new supply, capacity or placements are "
        + "beyond the range of a double (the scenario's values grow too large: check its growth "
        + "rates, births and horizon)"
    }
  }
}
