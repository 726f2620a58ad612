/// A data series: one column of a CSV file with a `year` column, times a scale (MODEL.md 1).
public struct DataSeriesSpec: Sendable, Equatable {
  public var name: String
  /// Absolute path, resolved against the directory of the scenario file that wrote it.
  public var file: String
  public var column: String
  /// Multiplies every value (10000 for data in units of 10,000 persons); default 1.
  public var scale: Double

  public init(name: String, file: String, column: String, scale: Double = 1) {
    self.name = name
    self.file = file
    self.column = column
    self.scale = scale
  }
}
