extension PathSeries {
  /// The series of consecutive batches of paths side by side: the paths of `parts[0]`, then
  /// those of `parts[1]`, and so on. Every part must cover the same years and rows.
  public static func joined(_ parts: [PathSeries]) -> PathSeries {
    guard let first = parts.first else { preconditionFailure("PathSeries.joined: no parts") }
    if parts.count == 1 { return first }
    let paths = parts.reduce(0) { $0 + $1.paths }
    let matrices = first.matrices.indices.map { i in
      // A year with one column in every part, the same in all, stays one shared column (a
      // part of one path has one column too, so equality decides); otherwise each part
      // contributes its columns.
      if parts.allSatisfy({ $0.matrices[i].columns == 1 && $0.matrices[i] == first.matrices[i] }) {
        return first.matrices[i]
      }
      var storage = [Double]()
      storage.reserveCapacity(first.names.count * paths)
      for part in parts {
        let m = part.matrices[i]
        if m.columns == 1 && part.paths > 1 {
          for _ in 0..<part.paths { storage.append(contentsOf: m.storage) }
        } else {
          storage.append(contentsOf: m.storage)
        }
      }
      return Matrix(rows: first.names.count, columns: paths, columnMajor: storage)
    }
    return PathSeries(years: first.years, names: first.names, paths: paths, matrices: matrices)
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

extension PathSeries {
  /// The same series over `years` only (which must lie within its years).
  public func restricted(to years: ClosedRange<Int>) -> PathSeries {
    precondition(
      self.years.contains(years.lowerBound) && self.years.contains(years.upperBound),
      "PathSeries: \(years) outside \(self.years)")
    let offset = years.lowerBound - self.years.lowerBound
    return PathSeries(
      years: years, names: names, paths: paths,
      matrices: Array(matrices[offset..<(offset + years.count)]))
  }
}
