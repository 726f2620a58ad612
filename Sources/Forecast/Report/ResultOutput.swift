/// What a command that produces one result table writes (a comparison, a sweep, a tornado, a
/// sensitivity analysis, a backtest): the table or its long form, in a table format, on
/// standard output or as a file beside `metadata.json` in a folder. A front end builds one
/// from its options; `emit` renders everything in memory first and writes it whole.
public struct ResultOutput: Sendable, Equatable {
  public let format: OutputFormat
  public let shape: OutputRequest.Shape
  public let destination: OutputRequest.Destination
  /// How numbers read in text and Markdown.
  public let style: Table.TextStyle

  public init(
    format: OutputFormat, shape: OutputRequest.Shape = .wide,
    destination: OutputRequest.Destination = .standardOutput,
    style: Table.TextStyle = RunOutput.style
  ) {
    self.format = format
    self.shape = shape
    self.destination = destination
    self.style = style
  }

  /// The result's table, or `long` (its long form) when the shape is long; a result without a
  /// long form is written wide.
  public func rendered(_ table: Table, long: @autoclosure () -> Table? = nil) -> String {
    RunOutput.terminated((shape == .long ? long() ?? table : table).rendered(as: format, style: style))
  }

  /// Writes the result: to standard output, returning its text, or into the destination
  /// folder as `<name>.<ext>` (`long.<ext>` in the long shape) and `metadata.json`, all or
  /// nothing, returning an empty string.
  public func emit(
    _ table: Table, long: @autoclosure () -> Table? = nil, name: String,
    metadata: @autoclosure () -> ResultMetadata
  ) throws(RunOutput.Failure) -> String {
    let longTable = shape == .long ? long() : nil
    return try emit([(longTable == nil ? name : "long", longTable ?? table)], metadata: metadata())
  }

  /// Writes several named tables: on standard output one after the other (a blank line
  /// between them), or into the destination folder as `<name>.<ext>` each and
  /// `metadata.json`, all or nothing, returning an empty string.
  public func emit(
    _ tables: [(name: String, table: Table)], metadata: @autoclosure () -> ResultMetadata
  ) throws(RunOutput.Failure) -> String {
    let texts = tables.map { RunOutput.terminated($0.table.rendered(as: format, style: style)) }
    guard case .directory(let folder) = destination else { return texts.joined(separator: "\n") }
    try RunOutput.write(
      zip(tables, texts).map { ("\($0.name).\(RunOutput.fileExtension(format))", $1) }
        + [("metadata.json", metadata().json + "\n")], to: folder)
    return ""
  }
}
