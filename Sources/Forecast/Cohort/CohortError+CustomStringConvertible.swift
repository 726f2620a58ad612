extension CohortError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .invalidDuration(let track, let duration):
      return "track \(track) has duration \(duration); a track lasts at least 1 year"
    case .startBeforeFirstYear(let track, let start, let firstYear):
      return
        "the simulation starts in \(start), before the first year \(firstYear) of track \(track)"
    case .startTooLate(let track, let start, let latestStart):
      return
        "the simulation starts in \(start), but track \(track) needs a start no later than "
        + "\(latestStart) so that its students at the base year come from observed intakes"
    case .missingIntake(let track, let year):
      return "track \(track) has no intake for \(year)"
    case .missingRate(let track, let parameter, let year):
      return "track \(track) has no \(parameter.rawValue) rate for \(year)"
    case .progressionCount(let track, let year, let expected, let found):
      return
        "track \(track) has \(found) progression rates for \(year); its duration needs \(expected)"
    case .continuationCycle(let tracks):
      let around = (tracks + tracks.prefix(1)).joined(separator: " → ")
      return "the continuation rules form a cycle: \(around)"
    case .continuationExceedsOne(let track, let year, let total):
      return
        "the continuation shares taking from track \(track) sum to \(total) in \(year); "
        + "at most 1 of its graduates can continue"
    case .fieldSharesSum(let track, let sum):
      return "the field shares of track \(track) sum to \(sum), not 1"
    case .negativeFieldShare(let track, let field, let share):
      return "track \(track) gives field \(field) the negative share \(share)"
    case .zeroProgressionProduct(let track):
      return
        "track \(track) has a progression rate of 0, so no completion rate gives its yield"
    }
  }
}
