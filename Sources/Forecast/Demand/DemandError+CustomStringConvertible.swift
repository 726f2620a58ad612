extension DemandError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .missingValue(let sector, let parameter, let year):
      return "sector \(sector) has no \(parameter.rawValue) for \(year)"
    case .negativeCapacity(let sector, let year, let path, let value):
      return
        "sector \(sector) has a negative graduate capacity \(value) in \(year) (path \(path + 1))"
    }
  }
}
