extension DemandProjection {
  /// Batches of paths side by side (see `PathSeries.joined`).
  static func joined(_ parts: [DemandProjection]) -> DemandProjection {
    if parts.count == 1 { return parts[0] }
    return DemandProjection(
      employment: .joined(parts.map(\.employment)), openings: .joined(parts.map(\.openings)),
      capacity: .joined(parts.map(\.capacity)))
  }
}
