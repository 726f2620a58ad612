/// What a cohort run computes, per track (rows) and path (columns) of each year.
///
/// Intake and enrolment cover every simulated year, startYear ... baseYear + horizon;
/// graduates and dropouts every year from startYear + 1 (students before the start are not
/// tracked); continuing graduates and new supply the projection years only. Enrolment of year t
/// is Σ_j S_k,j(t), the academic year starting in September of t, that year's intake included.
public struct CohortProjection: Sendable, Equatable {
  /// The stock and flows of one track up to a year, for checking conservation.
  public struct Balance: Sendable, Equatable {
    /// Σ I_k(τ) for τ = start ... year.
    public let entered: Double
    /// Σ G_k(τ) for τ = start + 1 ... year (continuing graduates included).
    public let graduated: Double
    /// Σ Δ_k(τ) for τ = start + 1 ... year: students who left without graduating.
    public let droppedOut: Double
    /// Σ_j S_k,j(year).
    public let enrolled: Double

    /// entered − graduated − droppedOut − enrolled: zero up to rounding.
    public var residual: Double { entered - graduated - droppedOut - enrolled }
  }

  public let baseYear: Int
  public let startYear: Int
  public let paths: Int
  /// I_k(t).
  public let intake: PathSeries
  /// Σ_j S_k,j(t).
  public let enrolled: PathSeries
  /// G_k(t), continuing graduates included.
  public let graduates: PathSeries
  /// Δ_k(t) = Σ_{j<L} (1 − p_k,j(t)) S_k,j(t−1) + (1 − c_k(t)) S_k,L(t−1).
  public let droppedOut: PathSeries
  /// G_k(t) · cont_k(t).
  public let continuing: PathSeries
  /// G_k(t) · (1 − cont_k(t)).
  public let newSupply: PathSeries
  /// N_f(t) = Σ_k G_k(t) (1 − cont_k(t)) φ_k,f, one row per field.
  public let newSupplyByField: PathSeries
  /// The n × P state of the last year.
  public let finalState: Matrix

  /// The track names, in row order.
  public var tracks: [String] { intake.names }
  /// The fields, in row order of `newSupplyByField`.
  public var fields: [String] { newSupplyByField.names }
  /// The projection years.
  public var projectionYears: ClosedRange<Int> { newSupply.years }

  /// Entered, graduated, dropped out and still enrolled for `track` from the start through
  /// `year`, on `path`.
  ///
  ///     Σ I(τ) = Σ G(τ) + Σ Δ(τ) + Σ_j S_j(year)
  public func balance(track: Int, through year: Int, path: Int = 0) -> Balance {
    precondition(intake.years.contains(year), "balance: year \(year) outside \(intake.years)")
    var entered = 0.0
    var graduated = 0.0
    var droppedOut = 0.0
    for t in startYear...year {
      entered += intake.value(row: track, year: t, path: path)
      if t > startYear {
        graduated += graduates.value(row: track, year: t, path: path)
        droppedOut += self.droppedOut.value(row: track, year: t, path: path)
      }
    }
    return Balance(
      entered: entered, graduated: graduated, droppedOut: droppedOut,
      enrolled: enrolled.value(row: track, year: year, path: path))
  }
}



extension CohortProjection {
  /// Batches of paths side by side (see `PathSeries.joined`).
  static func joined(_ parts: [CohortProjection]) -> CohortProjection {
    let first = parts[0]
    if parts.count == 1 { return first }
    let finals = parts.map { part in
      part.finalState.columns == part.paths
        ? part.finalState
        : Matrix(
          rows: part.finalState.rows, columns: part.paths,
          columnMajor: Array([[Double]](repeating: part.finalState.storage, count: part.paths).joined()))
    }
    return CohortProjection(
      baseYear: first.baseYear, startYear: first.startYear, paths: parts.reduce(0) { $0 + $1.paths },
      intake: .joined(parts.map(\.intake)), enrolled: .joined(parts.map(\.enrolled)),
      graduates: .joined(parts.map(\.graduates)), droppedOut: .joined(parts.map(\.droppedOut)),
      continuing: .joined(parts.map(\.continuing)), newSupply: .joined(parts.map(\.newSupply)),
      newSupplyByField: .joined(parts.map(\.newSupplyByField)),
      finalState: Matrix(
        rows: first.finalState.rows, columns: finals.reduce(0) { $0 + $1.columns },
        columnMajor: finals.flatMap(\.storage)))
  }
}
