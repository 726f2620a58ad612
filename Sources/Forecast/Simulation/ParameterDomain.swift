/// The values a parameter may take (MODEL.md 7): draws that feed it are truncated to it.
/// A share or rate [0, 1], a growth rate [−1, ∞), an employment, capacity, intake or
/// calibrated completion [0, ∞), a `scale` factor [0, ∞); an `add` shock has none.
struct ParameterDomain: Sendable, Equatable {
  var lower: Double
  var upper: Double

  static let unbounded = ParameterDomain(lower: -.infinity, upper: .infinity)
  static let unit = ParameterDomain(lower: 0, upper: 1)
  static let nonNegative = ParameterDomain(lower: 0, upper: .infinity)
  static let growth = ParameterDomain(lower: -1, upper: .infinity)

  var isUnbounded: Bool { lower == -.infinity && upper == .infinity }

  /// The values in both domains (a driver feeding two parameters).
  func intersected(with other: ParameterDomain) -> ParameterDomain {
    ParameterDomain(lower: max(lower, other.lower), upper: min(upper, other.upper))
  }
}

extension ShockTarget {
  /// The domain of the parameter this target names; a driver's is that of the parameters it
  /// feeds (`Scenario.domain(ofDriver:)`).
  func domain(in scenario: Scenario) -> ParameterDomain {
    switch self {
    case .driver(let name): return scenario.domain(ofDriver: name)
    case .survival, .entryRate, .continuationShare, .progression, .replacement, .graduateShare,
      .eligibility:
      return .unit
    case .completion(let track):
      // A calibrated completion may exceed 1 (its yield may); a given one is a rate.
      return scenario.isCalibrated(track: track) ? .nonNegative : .unit
    case .growth: return .growth
    case .capacity, .births: return .nonNegative
    }
  }
}

extension Scenario {
  /// The domain of a driver: the intersection of the domains of every parameter that names
  /// it (unbounded when none does, or only formulas do).
  func domain(ofDriver name: String) -> ParameterDomain {
    var domain = ParameterDomain.unbounded
    func feeds(_ value: ParameterValue, _ target: ParameterDomain) {
      if case .driver(name) = value { domain = domain.intersected(with: target) }
    }
    if let population {
      feeds(population.survival, .unit)
      if population.birthsDriver == name { domain = domain.intersected(with: .nonNegative) }
    }
    for track in tracks {
      track.progression.forEach { feeds($0, .unit) }
      feeds(track.completion, isCalibrated(track: track.name) ? .nonNegative : .unit)
      switch track.rule {
      case .entry(_, let rate): feeds(rate, .unit)
      case .continuation(_, let share): feeds(share, .unit)
      case .intakeDriver(let driver): if driver == name { domain = domain.intersected(with: .nonNegative) }
      }
    }
    for sector in sectors {
      switch sector.demand {
      case .employment(let base, let growth, let replacement, let share):
        feeds(base, .nonNegative)
        feeds(growth, .growth)
        feeds(replacement, .unit)
        feeds(share, .unit)
      case .capacity(let capacity): feeds(capacity, .nonNegative)
      }
    }
    return domain
  }
}
