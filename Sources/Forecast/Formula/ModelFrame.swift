/// A formula evaluated over a table: the response and design matrix over the usable rows,
/// ready for least squares, and how many rows were left out and why.
public struct ModelFrame: Sendable, Equatable {
  /// The response as written in the formula ("log(y)").
  public let responseName: String
  /// The design's column names: "(Intercept)" when present, then the terms.
  public let termNames: [String]
  public let hasIntercept: Bool
  /// The response on the model's scale, one value per usable row.
  public let response: [Double]
  /// Usable rows × terms, column-major, the column of ones first when there is an intercept.
  public let design: Matrix
  /// The 0-based table rows used, in table order.
  public let rows: [Int]
  /// Rows left out because a value the model reads (in that row or an earlier year) is missing.
  public let droppedForMissing: Int
  /// Rows left out because a function's argument is outside its domain (and nothing is missing).
  public let droppedForDomain: Int
  /// How to report predictions on the response's original scale.
  public let transform: ResponseTransform
}
