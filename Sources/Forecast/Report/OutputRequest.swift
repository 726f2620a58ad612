/// What a command writes of a run: which tables, in which format and shape, and where. A
/// front end builds one from its options; `emit` renders everything in memory first and then
/// writes it whole, to standard output's text or to a folder of files.
public struct OutputRequest: Sendable, Equatable {
  /// One table per run table (wide), or all of them as one tidy table (long).
  public enum Shape: Sendable, Equatable { case wide, long }

  /// Where the output goes.
  public enum Destination: Sendable, Equatable {
    case standardOutput
    /// One file per table (or the long table, or the chart) plus `metadata.json`.
    case directory(String)
  }

  /// What `rendered` produces: the text for standard output, or files by name.
  public enum Rendered: Sendable {
    case text(String)
    case files([(name: String, contents: String)])
  }

  public let tables: [RunTable]
  public let format: RunFormat
  public let shape: Shape
  public let destination: Destination

  /// A request, checked before a run that may take a while: a chart draws the fan table
  /// alone, in the wide shape.
  public init(
    tables: [RunTable], format: RunFormat, shape: Shape = .wide,
    destination: Destination = .standardOutput
  ) throws(RunOutput.Failure) {
    if format == .vegaLite { try RunOutput.checkVegaLite(tables: tables, long: shape == .long) }
    self.tables = tables
    self.format = format
    self.shape = shape
    self.destination = destination
  }

  /// Everything the request writes of `projection`, rendered.
  public func rendered(_ projection: Projection, metadata: RunMetadata) throws(RunOutput.Failure)
    -> Rendered
  {
    switch (destination, format, shape) {
    case (.directory, .vegaLite, _):
      return .files(try RunOutput.vegaLiteFiles(projection, tables: tables, metadata: metadata))
    case (.directory, .table(let format), .long):
      return .files(
        try RunOutput.longFiles(projection, tables: tables, format: format, metadata: metadata))
    case (.directory, .table(let format), .wide):
      return .files(
        try RunOutput.files(projection, tables: tables, format: format, metadata: metadata))
    case (.standardOutput, .vegaLite, _):
      return .text(try RunOutput.vegaLite(projection, tables: tables))
    case (.standardOutput, .table(let format), .long):
      return .text(try RunOutput.long(projection, tables: tables, format: format))
    case (.standardOutput, .table(let format), .wide):
      return .text(
        try RunOutput.stream(projection, tables: tables, format: format, metadata: metadata))
    }
  }

  /// Renders and writes the output: files into the destination folder, all or nothing.
  /// Returns the text for standard output (empty when the output went to files).
  public func emit(_ projection: Projection, metadata: RunMetadata) throws(RunOutput.Failure)
    -> String
  {
    switch try rendered(projection, metadata: metadata) {
    case .text(let text):
      return text
    case .files(let files):
      guard case .directory(let folder) = destination else { return "" }
      try RunOutput.write(files, to: folder)
      return ""
    }
  }
}
