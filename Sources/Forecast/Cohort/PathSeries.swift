/// Yearly values of named rows (tracks, sectors, fields) on every Monte Carlo path.
///
/// One matrix per year, rows × paths, column-major like every `Matrix`: the value of row `r` on
/// path `p` in year `t` is `self[t][r, p]`. The engines write their results in this shape
/// because it is the shape of their state (one column per path), so no path is ever looped over
/// to store a result.
///
/// A cell that a quantity does not have (the employment of a sector given by its capacity) is
/// NaN; table writers render NaN as an empty cell.
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
      matrices.allSatisfy { $0.rows == names.count && $0.columns == paths },
      "PathSeries: every matrix must be \(names.count)×\(paths)")
    self.years = years
    self.names = names
    self.paths = paths
    self.matrices = matrices
  }

  /// The rows × paths matrix of `year`, which must be one of `years`.
  public subscript(year: Int) -> Matrix {
    precondition(years.contains(year), "PathSeries: year \(year) outside \(years)")
    return matrices[year - years.lowerBound]
  }

  /// The value of row `row` on `path` in `year`.
  public func value(row: Int, year: Int, path: Int = 0) -> Double {
    self[year][row, path]
  }

  /// The values of row `row` in `year`, one per path.
  public func values(row: Int, year: Int) -> [Double] {
    let m = self[year]
    return (0..<paths).map { m[row, $0] }
  }

  /// The index of the row labelled `name`, if any.
  public func row(named name: String) -> Int? {
    names.firstIndex(of: name)
  }

  /// The mean over paths of row `row` in `year` (the cell a table with P > 1 holds).
  public func mean(row: Int, year: Int) -> Double {
    let m = self[year]
    var sum = 0.0
    for p in 0..<paths { sum += m[row, p] }
    return sum / Double(paths)
  }
}
