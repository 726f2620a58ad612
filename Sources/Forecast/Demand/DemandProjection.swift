/// What a demand run computes: per sector (rows) and path (columns) of each projection year.
///
/// Employment and openings are NaN for a sector given by its capacity (MODEL.md section 4:
/// "not reported", an empty cell), so that the three series keep one row per sector.
public struct DemandProjection: Sendable, Equatable {
  /// E_s(t).
  public let employment: PathSeries
  /// O_s(t) = max(E_s(t) − E_s(t−1), 0) + r_s(t) · E_s(t−1).
  public let openings: PathSeries
  /// D_s(t), never negative.
  public let capacity: PathSeries

  /// The sector names, in row order.
  public var sectors: [String] { capacity.names }
  /// The projection years.
  public var years: ClosedRange<Int> { capacity.years }
}

extension DemandProjection {
  /// Batches of paths side by side (see `PathSeries.joined`).
  static func joined(_ parts: [DemandProjection]) -> DemandProjection {
    if parts.count == 1 { return parts[0] }
    return DemandProjection(
      employment: .joined(parts.map(\.employment)), openings: .joined(parts.map(\.openings)),
      capacity: .joined(parts.map(\.capacity)))
  }
}
