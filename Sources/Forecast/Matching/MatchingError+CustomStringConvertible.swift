extension MatchingError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .eligibilityOutOfRange(let field, let sector, let value):
      return "the eligibility of field \(field) for sector \(sector) is \(value), outside [0, 1]"
    case .negativeCapacity(let sector, let year, let value):
      return "sector \(sector) has a negative graduate capacity \(value) in \(year)"
    case .negativeSupply(let field, let year, let value):
      return "field \(field) has a negative new supply \(value) in \(year)"
    }
  }
}
