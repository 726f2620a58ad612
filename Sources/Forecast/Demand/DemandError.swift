/// Why the demand engine cannot compute a sector's capacity: each case names the sector and
/// the year.
public enum DemandError: Error, Equatable, Sendable {
  /// A per-year parameter of a sector.
  public enum Parameter: String, Sendable, Equatable {
    case growth, replacement, capacity
    case graduateShare = "graduate share"
  }

  /// A parameter has no value for a projection year.
  case missingValue(sector: String, parameter: Parameter, year: Int)
  /// D_s(t) < 0 on `path` (0-based), from a capacity given directly or from negative openings.
  case negativeCapacity(sector: String, year: Int, path: Int, value: Double)
}

extension DemandError {
  /// The sector at fault.
  public var sector: String {
    switch self {
    case .missingValue(let sector, _, _), .negativeCapacity(let sector, _, _, _): return sector
    }
  }

  /// The path at fault (0-based within the run that threw), 0 where it is not path-specific.
  public var path: Int {
    if case .negativeCapacity(_, _, let path, _) = self { return path }
    return 0
  }
}

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
