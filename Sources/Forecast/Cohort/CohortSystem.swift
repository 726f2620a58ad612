/// The tracks of a scenario with their resolved per-year parameters, the base year and the
/// horizon: everything the cohort engine needs, independent of how a scenario file is parsed.
///
/// The state stacks the study years of every track, track by track:
///
///     x = (S_1,1 … S_1,L_1, S_2,1 … S_2,L_2, …),   n = Σ_k L_k
public struct CohortSystem: Sendable, Equatable {
  /// The last observed year; the projection covers baseYear + 1 ... baseYear + horizon.
  public var baseYear: Int
  /// The number of projection years, at least 1.
  public var horizon: Int
  /// The tracks; continuation rules refer to them by index in this array.
  public var tracks: [CohortTrack]

  public init(baseYear: Int, horizon: Int, tracks: [CohortTrack]) {
    self.baseYear = baseYear
    self.horizon = horizon
    self.tracks = tracks
  }

  /// The projection years, baseYear + 1 ... baseYear + horizon.
  public var projectionYears: ClosedRange<Int> {
    precondition(horizon >= 1, "CohortSystem: horizon \(horizon) < 1")
    return (baseYear + 1)...(baseYear + horizon)
  }

  /// MODEL.md's start: the latest first year of the tracks' intake series.
  public var defaultStartYear: Int? {
    tracks.map(\.firstYear).max()
  }

  /// n = Σ_k L_k, the length of the state vector.
  public var stateSize: Int {
    tracks.reduce(0) { $0 + $1.duration }
  }

  /// The position in the state vector of each track's first study year.
  public var offsets: [Int] {
    var offsets = [Int]()
    var next = 0
    for track in tracks {
      offsets.append(next)
      next += track.duration
    }
    return offsets
  }

  /// The fields named by the tracks' field shares, in order of first appearance.
  public var fields: [String] {
    var fields = [String]()
    for track in tracks {
      for share in track.fieldShares where !fields.contains(share.field) {
        fields.append(share.field)
      }
    }
    return fields
  }
}
