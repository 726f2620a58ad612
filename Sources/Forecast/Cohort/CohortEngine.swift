/// The cohort engine of MODEL.md section 3 in its linear form, validated against one system and
/// start year, and run for any number of Monte Carlo paths.
///
/// The state of all paths is an n × P matrix X (one column per path). One year is one matrix
/// product (BLAS `dgemm`):
///
///     X(t+1) = A(t) X(t) + B(t)
///     G(t+1) = C(t) X(t)                graduates, K × P
///     Δ(t+1) = W(t) X(t)                dropouts,  K × P
///
/// A(t) carries study year j of track k into year j + 1 with p_k,j(t+1); in a projection year
/// its first-year row of a continuation track k holds q_k(t+1) · c_src(t+1) in the column of
/// the source's final study year, because I_k(t+1) = q_k(t+1) · G_src(t+1) and
/// G_src(t+1) = c_src(t+1) · S_src,L(t): the intake is linear in the state of year t. B(t)
/// holds the observed intakes of year t+1 up to the base year and the exogenous intakes after
/// it. C(t) has c_k(t+1) in the column of S_k,L; W(t) has 1 − p_k,j(t+1) in the columns of
/// S_k,j (j < L) and 1 − c_k(t+1) in that of S_k,L, so every student of year t is in exactly
/// one of: year t+1's state, graduates of t+1, dropouts of t+1.
///
/// At the start year the state holds only that year's intakes: students who entered earlier
/// are not tracked, which is why the start must be at most baseYear − L_k + 1 for every track.
/// Rates are not clamped to [0, 1] (MODEL.md section 7 counts such path-years as a warning).
public struct CohortEngine: Sendable {
  /// The system, as validated.
  public let system: CohortSystem
  /// The first simulated year.
  public let startYear: Int
  /// The fields of the supply by field, in order of first appearance across the tracks.
  public let fields: [String]

  /// The rates that carry the state into one year, per track.
  struct YearRates: Sendable {
    var progression: [[Double]]
    var completion: [Double]
    /// Observed or exogenous intake; 0 for a continuation track in a projection year.
    var exogenousIntake: [Double]
    /// q_k of a continuation track in a projection year; 0 otherwise.
    var continuationShare: [Double]
    /// Per-path values of the rates that vary between paths, by track (nil: shared).
    var pathProgression: [[[Double]]?] = []
    var pathCompletion: [[Double]?] = []
    var pathIntake: [[Double]?] = []
    var pathShare: [[Double]?] = []

    /// Whether any rate of track k varies between paths.
    func varies(_ k: Int) -> Bool {
      pathProgression[k] != nil || pathCompletion[k] != nil || pathIntake[k] != nil
        || pathShare[k] != nil
    }
  }

  let offsets: [Int]
  let initialIntake: [Double]
  /// Rates of year startYear + 1 + i at index i.
  let rates: [YearRates]
  /// φ as a fields × tracks matrix.
  let fieldShares: Matrix

  /// The last simulated year, baseYear + horizon.
  public var lastYear: Int { system.baseYear + system.horizon }

  /// Validates `system` for a run from `startYear` (MODEL.md's default is
  /// `system.defaultStartYear`, the latest first year of the intake series).
  ///
  /// - Throws: `CohortError` naming the track (and year) of the first problem found: a
  ///   duration below 1, a start before a track's first year or after baseYear − L_k + 1, a
  ///   missing intake or rate, a wrong number of progression rates, a continuation cycle,
  ///   continuation shares above 1, field shares that are negative or do not sum to 1 (1e-9).
  public init(system: CohortSystem, startYear: Int) throws(CohortError) {
    precondition(system.horizon >= 1, "CohortEngine: horizon \(system.horizon) < 1")
    let tracks = system.tracks
    for track in tracks {
      // Read into a local first: the Swift 6.3.1 optimiser crashes (ownership verifier) when
      // the computed property is used inside the precondition's autoclosures.
      let source = track.continuationSource ?? -1
      let validSource = source == -1 || tracks.indices.contains(source)
      precondition(
        validSource, "CohortEngine: track \(track.name) continues track index \(source) of \(tracks.count)")
      guard track.duration >= 1 else {
        throw .invalidDuration(track: track.name, duration: track.duration)
      }
      guard startYear >= track.firstYear else {
        throw .startBeforeFirstYear(track: track.name, start: startYear, firstYear: track.firstYear)
      }
      let latestStart = system.baseYear - track.duration + 1
      guard startYear <= latestStart else {
        throw .startTooLate(track: track.name, start: startYear, latestStart: latestStart)
      }
      for year in startYear...system.baseYear where track.observedIntakes[year] == nil {
        throw .missingIntake(track: track.name, year: year)
      }
    }
    try Self.checkAcyclic(tracks)
    self.system = system
    self.startYear = startYear
    self.offsets = system.offsets
    self.initialIntake = tracks.map { $0.observedIntakes[startYear] ?? 0 }
    var rates = [YearRates]()
    for year in (startYear + 1)...(system.baseYear + system.horizon) {
      rates.append(try Self.resolve(system, year: year))
    }
    self.rates = rates
    let fields = system.fields
    self.fields = fields
    self.fieldShares = try Self.fieldShareMatrix(tracks, fields: fields)
  }

  /// The rates of `year` per track, validated.
  private static func resolve(_ system: CohortSystem, year: Int) throws(CohortError) -> YearRates
  {
    let tracks = system.tracks
    let projecting = year > system.baseYear
    var rates = YearRates(
      progression: [], completion: [], exogenousIntake: [], continuationShare: [])
    for track in tracks {
      let progression = track.progression[year] ?? (track.duration == 1 ? [] : nil)
      guard let progression else {
        throw .missingRate(track: track.name, parameter: .progression, year: year)
      }
      guard progression.count == track.duration - 1 else {
        throw .progressionCount(
          track: track.name, year: year, expected: track.duration - 1, found: progression.count)
      }
      guard let completion = track.completion[year] else {
        throw .missingRate(track: track.name, parameter: .completion, year: year)
      }
      var intake = 0.0
      var share = 0.0
      switch (projecting, track.projectedIntake) {
      case (false, _):
        guard let observed = track.observedIntakes[year] else {
          throw .missingIntake(track: track.name, year: year)
        }
        intake = observed
      case (true, .exogenous(let values)):
        guard let value = values[year] else { throw .missingIntake(track: track.name, year: year) }
        intake = value
      case (true, .continuation(_, let shares)):
        guard let value = shares[year] else {
          throw .missingRate(track: track.name, parameter: .continuationShare, year: year)
        }
        share = value
      }
      rates.progression.append(progression)
      rates.completion.append(completion)
      rates.exogenousIntake.append(intake)
      rates.continuationShare.append(share)
      let varying = track.pathRates
      if let steps = varying.progression[year], steps.count != track.duration - 1 {
        throw .progressionCount(
          track: track.name, year: year, expected: track.duration - 1, found: steps.count)
      }
      rates.pathProgression.append(varying.progression[year])
      rates.pathCompletion.append(varying.completion[year])
      rates.pathIntake.append(projecting && track.continuationSource == nil ? varying.intake[year] : nil)
      rates.pathShare.append(
        projecting && track.continuationSource != nil ? varying.continuationShare[year] : nil)
    }
    if projecting {
      let totals = Self.continuationTotals(tracks, shares: rates.continuationShare)
      // Strictly "more than 1" (MODEL.md section 3), with the 1e-9 slack of the field shares so
      // that shares such as 0.1 + 0.2 + 0.7 are not rejected for their rounding.
      for (k, total) in totals.enumerated() where total > 1 + 1e-9 {
        throw .continuationExceedsOne(track: tracks[k].name, year: year, total: total)
      }
      if rates.pathShare.contains(where: { $0 != nil }) {
        let paths = rates.pathShare.compactMap { $0?.count }.max() ?? 1
        let totals = Self.continuationTotals(
          tracks, shares: rates.continuationShare, pathShares: rates.pathShare, paths: paths)
        for p in 0..<paths {
          for k in tracks.indices where totals[k, p] > 1 + 1e-9 {
            throw .continuationExceedsOne(track: tracks[k].name, year: year, total: totals[k, p])
          }
        }
      }
    }
    return rates
  }

  /// cont_k = Σ q_j over the tracks j that take from k.
  static func continuationTotals(_ tracks: [CohortTrack], shares: [Double]) -> [Double] {
    var totals = [Double](repeating: 0, count: tracks.count)
    for (j, track) in tracks.enumerated() {
      if let source = track.continuationSource { totals[source] += shares[j] }
    }
    return totals
  }

  /// cont_k per path, K × P: `continuationTotals` with each share from `pathShares` where a
  /// track has them (P values or one), summed in the same track order.
  static func continuationTotals(
    _ tracks: [CohortTrack], shares: [Double], pathShares: [[Double]?], paths: Int
  ) -> Matrix {
    var totals = Matrix(rows: tracks.count, columns: paths)
    for (j, track) in tracks.enumerated() {
      guard let source = track.continuationSource else { continue }
      if let values = pathShares[j] {
        for p in 0..<paths { totals[source, p] += values[values.count == 1 ? 0 : p] }
      } else {
        for p in 0..<paths { totals[source, p] += shares[j] }
      }
    }
    return totals
  }

  /// Each track has at most one source, so a cycle is found by following sources.
  private static func checkAcyclic(_ tracks: [CohortTrack]) throws(CohortError) {
    for start in tracks.indices {
      var path = [start]
      var current = start
      while let source = tracks[current].continuationSource {
        if let at = path.firstIndex(of: source) {
          let cycle = path[at...].reversed().map { tracks[$0].name }
          throw .continuationCycle(tracks: cycle)
        }
        path.append(source)
        current = source
      }
    }
  }

  private static func fieldShareMatrix(
    _ tracks: [CohortTrack], fields: [String]
  ) throws(CohortError) -> Matrix {
    var phi = Matrix(rows: fields.count, columns: tracks.count)
    for (k, track) in tracks.enumerated() {
      var sum = 0.0
      for share in track.fieldShares {
        guard share.share >= 0 else {
          throw .negativeFieldShare(track: track.name, field: share.field, share: share.share)
        }
        sum += share.share
        if let f = fields.firstIndex(of: share.field) { phi[f, k] += share.share }
      }
      guard abs(sum - 1) <= 1e-9 else { throw .fieldSharesSum(track: track.name, sum: sum) }
    }
    return phi
  }
}
