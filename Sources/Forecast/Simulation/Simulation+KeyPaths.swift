extension Simulation {
  /// `tracks[i] "name"` of a track, as scenario errors write key paths.
  func keyPath(track: String) -> String {
    let index = scenario.tracks.firstIndex { $0.name == track }.map(String.init) ?? "?"
    return "tracks[\(index)] \"\(track)\""
  }

  /// `sectors[i] "name"` of a sector.
  func keyPath(sector: String) -> String {
    let index = scenario.sectors.firstIndex { $0.name == sector }.map(String.init) ?? "?"
    return "sectors[\(index)] \"\(sector)\""
  }

  func keyPath(of error: CohortError) -> String {
    switch error {
    case .invalidDuration(let track, _), .startBeforeFirstYear(let track, _, _),
      .startTooLate(let track, _, _), .missingIntake(let track, _):
      return keyPath(track: track)
    case .missingRate(let track, let parameter, _):
      return keyPath(track: track) + "." + (parameter == .continuationShare ? "continuation.share" : parameter.rawValue)
    case .progressionCount(let track, _, _, _), .zeroProgressionProduct(let track):
      return keyPath(track: track) + ".progression"
    case .continuationExceedsOne(let track, _, _):
      return keyPath(track: track)
    case .continuationCycle(let tracks):
      return keyPath(track: tracks.first ?? "?") + ".continuation"
    case .fieldSharesSum(let track, _), .negativeFieldShare(let track, _, _):
      return keyPath(track: track) + ".fields"
    }
  }

  func keyPath(of error: MatchingError) -> String {
    switch error {
    case .eligibilityOutOfRange(let field, let sector, _):
      return keyPath(sector: sector) + ".eligibility.\(field)"
    case .negativeCapacity(let sector, _, _):
      return keyPath(sector: sector)
    case .negativeSupply(let field, _, _):
      return "field '\(field)'"
    case .overflow:
      return "matching"
    }
  }

}
