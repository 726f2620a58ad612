extension DemandError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .missingValue(let sector, let parameter, let year):
      return "sector \(sector) has no \(parameter.rawValue) for \(year)"
    case .negativeCapacity(let sector, let year, _, let value) where value.isNaN:
      return
        "sector \(sector) has no graduate capacity in \(year): it comes out as NaN, so a value "
        + "it is computed from is undefined there"
    case .negativeCapacity(let sector, let year, _, let value):
      // The path is left to the caller, which knows whether there is more than one.
      return "sector \(sector) has a negative graduate capacity \(value) in \(year)"
    }
  }
}
