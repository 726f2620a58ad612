/// Yearly values of named rows (tracks, sectors, fields) on every Monte Carlo path.
///
/// One matrix per year, rows × paths, column-major like every `Matrix`: the value of row `r` on
/// path `p` in year `t` is `self[t][r, p]`. The engines write their results in this shape
/// because it is the shape of their state (one column per path), so no path is ever looped over
/// to store a result.
///
/// A cell that a quantity does not have (the employment of a sector given by its capacity) is
/// NaN; table writers render NaN as an empty cell.
///
/// A year whose values are the same on every path (the years before any path draws anything)
/// may hold a single column, shared by all paths: computed once, not P times.
public struct PathSeries: Sendable, Equatable {
  /// The years covered, each with one matrix.
  public let years: ClosedRange<Int>
  /// The row labels, in row order.
  public let names: [String]
  /// The number of Monte Carlo paths (columns of each matrix).
  public let paths: Int
  /// One rows × paths matrix per year, in year order.
  public let matrices: [Matrix]

  /// A series from its yearly matrices; each must be `names.count` × `paths`.
  public init(years: ClosedRange<Int>, names: [String], paths: Int, matrices: [Matrix]) {
    precondition(
      matrices.count == years.count,
      "PathSeries: \(matrices.count) matrices for the \(years.count) years \(years)")
    precondition(
      matrices.allSatisfy { $0.rows == names.count && ($0.columns == paths || $0.columns == 1) },
      "PathSeries: every matrix must be \(names.count)×\(paths) (or \(names.count)×1, shared)")
    self.years = years
    self.names = names
    self.paths = paths
    self.matrices = matrices
  }

  /// The matrix of `year`, which must be one of `years`: rows × paths, or rows × 1 when the
  /// year's values are shared by all paths.
  public subscript(year: Int) -> Matrix {
    precondition(years.contains(year), "PathSeries: year \(year) outside \(years)")
    return matrices[year - years.lowerBound]
  }

  /// The value of row `row` on `path` in `year`.
  public func value(row: Int, year: Int, path: Int = 0) -> Double {
    let m = self[year]
    return m[row, m.columns == 1 ? 0 : path]
  }

  /// The values of row `row` in `year`, one per path.
  public func values(row: Int, year: Int) -> [Double] {
    let m = self[year]
    if m.columns == 1 { return [Double](repeating: m[row, 0], count: paths) }
    return (0..<paths).map { m[row, $0] }
  }

  /// The index of the row labelled `name`, if any.
  public func row(named name: String) -> Int? {
    names.firstIndex(of: name)
  }

  /// The mean over paths of row `row` in `year` (the cell a table with P > 1 holds).
  public func mean(row: Int, year: Int) -> Double {
    let m = self[year]
    if m.columns == 1 { return m[row, 0] }
    return Quantiles.mean((0..<paths).map { m[row, $0] })
  }

}

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
