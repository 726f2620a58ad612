/// An assertion on a cell of a run's tables: a forecast regression test (MODEL.md 10).
///
/// Passes when `|x - value| <= atol + rtol * |value|`, a tolerance left out being 0.
public struct Expectation: Sendable, Equatable {
  public var table: RunTable
  /// The row's track, sector, metric; `field/sector` for matching, `model/term` for fit.
  public var key: String?
  public var column: String
  /// The row's year; nil only for the fit table, whose rows have no year.
  public var year: Int?
  public var value: Double
  public var rtol: Double?
  public var atol: Double?

  public init(
    table: RunTable, key: String? = nil, column: String, year: Int?, value: Double,
    rtol: Double? = nil, atol: Double? = nil
  ) {
    self.table = table
    self.key = key
    self.column = column
    self.year = year
    self.value = value
    self.rtol = rtol
    self.atol = atol
  }
}
