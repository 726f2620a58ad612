/// A data series: one column of a CSV file with a `year` column, times a scale (MODEL.md 1).
public struct DataSeriesSpec: Sendable, Equatable {
  public var name: String
  /// Absolute path, resolved against the directory of the scenario file that wrote it.
  public var file: String
  public var column: String
  /// Multiplies every value (10000 for data in units of 10,000 persons); default 1.
  public var scale: Double
  /// Whether the file's years after base_year are a projection, read by population entry and
  /// by model drivers' right-hand sides in projection years, never by fits (MODEL.md 1).
  public var projected: Bool

  public init(name: String, file: String, column: String, scale: Double = 1, projected: Bool = false) {
    self.name = name
    self.file = file
    self.column = column
    self.scale = scale
    self.projected = projected
  }
}
