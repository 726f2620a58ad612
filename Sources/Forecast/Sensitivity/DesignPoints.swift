/// The points of a sensitivity design: one row per model run, one column per input.
///
/// Row-major, unlike `Matrix` (column-major for LAPACK): each row is handed to one model run, so
/// a run's values are contiguous, and the order of rows is the design's run order (SALib's).
public struct DesignPoints: Sendable, Equatable {
  /// The number of points (model runs).
  public let rows: Int

  /// The number of inputs.
  public let columns: Int

  /// The values, row after row: element (r, c) is `values[r * columns + c]`.
  public let values: [Double]

  /// Points from their values, row after row.
  public init(rows: Int, columns: Int, values: [Double]) {
    precondition(rows >= 0 && columns >= 0, "DesignPoints: \(rows)×\(columns)")
    precondition(
      values.count == rows * columns,
      "DesignPoints: \(values.count) values for \(rows)×\(columns)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// The value of input `column` in run `row`.
  public subscript(row: Int, column: Int) -> Double {
    precondition(
      (0..<rows).contains(row) && (0..<columns).contains(column),
      "DesignPoints: (\(row), \(column)) outside \(rows)×\(columns)")
    return values[row * columns + column]
  }

  /// The inputs of run `row`.
  public func row(_ row: Int) -> ArraySlice<Double> {
    precondition((0..<rows).contains(row), "DesignPoints: row \(row) outside 0..<\(rows)")
    return values[(row * columns)..<((row + 1) * columns)]
  }
}
