extension PathSeries {
  /// The series of consecutive batches of paths side by side: the paths of `parts[0]`, then
  /// those of `parts[1]`, and so on. Every part must cover the same years and rows.
  public static func joined(_ parts: [PathSeries]) -> PathSeries {
    guard let first = parts.first else { preconditionFailure("PathSeries.joined: no parts") }
    if parts.count == 1 { return first }
    let paths = parts.reduce(0) { $0 + $1.paths }
    let matrices = first.matrices.indices.map { i in
      Matrix(
        rows: first.names.count, columns: paths, columnMajor: parts.flatMap { $0.matrices[i].storage })
    }
    return PathSeries(years: first.years, names: first.names, paths: paths, matrices: matrices)
  }

  /// The paths × years values of one row, for quantiles and paired differences.
  public func pathValues(row: Int) -> [[Double]] {
    matrices.map { m in (0..<paths).map { m[row, $0] } }
  }
}

extension CohortProjection {
  /// Batches of paths side by side (see `PathSeries.joined`).
  static func joined(_ parts: [CohortProjection]) -> CohortProjection {
    let first = parts[0]
    if parts.count == 1 { return first }
    let finals = parts.map(\.finalState)
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
