/// One study track of the cohort engine (MODEL.md section 3), with every parameter already
/// resolved to a number per year.
///
/// Students of track k move through study years 1...L_k:
///
///     S_k,1(t)     = I_k(t)                        intake
///     S_k,j+1(t+1) = p_k,j(t+1) · S_k,j(t)          j < L_k
///     G_k(t+1)     = c_k(t+1) · S_k,L_k(t)          graduates, June of t+1
///
/// A rate "of year t" is the one that carries students from year t−1 into year t, so the step
/// into year t reads `progression[t]` and `completion[t]`. Years are calendar years; every
/// per-year value is keyed by its year, and a year the engine needs but the track lacks is a
/// `CohortError` naming the track and the year.
public struct CohortTrack: Sendable, Equatable {
  /// How the intake of a projection year (t > base year) is formed.
  enum IntakeRule: Sendable, Equatable {
    /// An intake computed by the caller (population entry, an intake driver), by year.
    case exogenous([Int: Double])
    /// I_k(t) = q_k(t) · G_src(t): a share of the same year's graduates of the track at index
    /// `source` of the system (June graduates start in September), with q_k by year.
    case continuation(source: Int, share: [Int: Double])
  }

  /// The track's name, used in errors and as a row label.
  public var name: String
  /// L_k ≥ 1, the number of study years.
  public var duration: Int
  /// The first year the track is simulated from: the first year of its observed intake series.
  /// The system's default start is the latest of these (MODEL.md section 3).
  public var firstYear: Int
  /// I_k(t) for t up to the base year. Values after the base year are ignored.
  public var observedIntakes: [Int: Double]
  /// p_k,1(t) ... p_k,L−1(t) by year t (L − 1 values; a one-year track needs no entry).
  var progression: [Int: [Double]]
  /// c_k(t) by year t.
  var completion: [Int: Double]
  /// The intake rule for the projection years.
  var projectedIntake: IntakeRule
  /// The shares φ_k,f of the track's new labour supply that belong to each field f, summing
  /// to 1 within 1e-9; the order of first appearance across the tracks is the order of the
  /// fields in the results.
  public var fieldShares: [FieldShare]
  /// The rates that differ between Monte Carlo paths; they override the shared series above
  /// in the years they cover. These are the engine's own representation: callers give values
  /// by year and path to `init(name:duration:firstYear:observedIntakes:progression:completion:intake:years:fieldShares:)`.
  var pathRates = CohortPathRates()

  /// How the intake of a projection year is formed, with values per path.
  public enum PathIntake: Sendable, Equatable {
    /// An intake computed by the caller, by year and path.
    case exogenous(PathValues)
    /// A share of the same year's graduates of the track at index `source`, by year and path.
    case continuation(source: Int, share: PathValues)
  }

  /// A track from values by year and path, the shape every engine takes (`PathValues`): the
  /// progression steps, completion and intake in `years` (the simulated years; the intake's
  /// in the projection years). What differs between paths goes to `pathRates`.
  public init(
    name: String, duration: Int, firstYear: Int, observedIntakes: [Int: Double],
    progression steps: [PathValues], completion: PathValues, intake: PathIntake,
    years: ClosedRange<Int>, fieldShares: [FieldShare]
  ) {
    var varying = CohortPathRates()
    var progression: [Int: [Double]] = [:]
    for t in years {
      let values = steps.map { $0[t] ?? [.nan] }
      progression[t] = values.map { $0[0] }
      if values.contains(where: { $0.count > 1 }) { varying.progression[t] = values }
    }
    let rule: IntakeRule
    switch intake {
    case .exogenous(let intakes):
      rule = .exogenous(intakes.mapValues { $0[0] })
      varying.intake = intakes.filter { $0.value.count > 1 }
    case .continuation(let source, let shares):
      rule = .continuation(source: source, share: shares.mapValues { $0[0] })
      varying.continuationShare = shares.filter { $0.value.count > 1 }
    }
    self.init(
      name: name, duration: duration, firstYear: firstYear, observedIntakes: observedIntakes,
      progression: progression, completion: [:], projectedIntake: rule, fieldShares: fieldShares)
    pathRates = varying
    setCompletion(completion)
  }

  /// A track whose rates are the same on every path.
  init(
    name: String, duration: Int, firstYear: Int, observedIntakes: [Int: Double],
    progression: [Int: [Double]], completion: [Int: Double], projectedIntake: IntakeRule,
    fieldShares: [FieldShare]
  ) {
    self.name = name
    self.duration = duration
    self.firstYear = firstYear
    self.observedIntakes = observedIntakes
    self.progression = progression
    self.completion = completion
    self.projectedIntake = projectedIntake
    self.fieldShares = fieldShares
  }

  /// The continuation source's index, for a track whose projected intake continues another.
  public var continuationSource: Int? {
    if case .continuation(let source, _) = projectedIntake { return source }
    return nil
  }
}

extension CohortTrack {
  /// Sets c_k by year from values per path: path 0's in `completion`, all paths' in
  /// `pathRates` where they differ.
  public mutating func setCompletion(_ values: PathValues) {
    completion = values.mapValues { $0[0] }
    pathRates.completion = values.filter { $0.value.count > 1 }
  }
}
