/// Why the cohort engine cannot run a system: each case names the track, and the year where
/// there is one.
public enum CohortError: Error, Equatable, Sendable {
  /// A per-year parameter of a track.
  public enum Parameter: String, Sendable, Equatable {
    case progression, completion
    case continuationShare = "continuation share"
  }

  /// A duration below 1.
  case invalidDuration(track: String, duration: Int)
  /// The engine would start before the track's first year.
  case startBeforeFirstYear(track: String, start: Int, firstYear: Int)
  /// The start is after baseYear − L_k + 1, so some students in school at the base year would
  /// not come from history.
  case startTooLate(track: String, start: Int, latestStart: Int)
  /// No intake for a year that needs one: observed (up to the base year) or exogenous (after).
  case missingIntake(track: String, year: Int)
  /// A per-year parameter has no value for a year the engine simulates.
  case missingRate(track: String, parameter: Parameter, year: Int)
  /// A year's progression rates are not L − 1 values.
  case progressionCount(track: String, year: Int, expected: Int, found: Int)
  /// The continuation rules form a cycle (the tracks in order around it).
  case continuationCycle(tracks: [String])
  /// cont_k(t), the sum of the continuation shares of the tracks that take from k, exceeds 1.
  case continuationExceedsOne(track: String, year: Int, total: Double)
  /// The field shares of a track do not sum to 1 within 1e-9.
  case fieldSharesSum(track: String, sum: Double)
  /// A field share is negative.
  case negativeFieldShare(track: String, field: String, share: Double)
  /// A yield cannot be turned into a completion rate: the product of progression rates is 0.
  case zeroProgressionProduct(track: String)
}

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
