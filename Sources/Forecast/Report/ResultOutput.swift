/// What a command that produces one result table writes (a comparison, a sweep, a tornado, a
/// backtest): the table or its long form, in a table format, on standard output. A front end
/// builds one from its options; `rendered` gives the text, whole, ending in one line feed.
public struct ResultOutput: Sendable, Equatable {
  public let format: OutputFormat
  public let shape: OutputRequest.Shape
  /// How numbers read in text and Markdown.
  public let style: Table.TextStyle

  public init(
    format: OutputFormat, shape: OutputRequest.Shape = .wide, style: Table.TextStyle = RunOutput.style
  ) {
    self.format = format
    self.shape = shape
    self.style = style
  }

  /// The result's table, or `long` (its long form) when the shape is long; a result without a
  /// long form is written wide.
  public func rendered(_ table: Table, long: @autoclosure () -> Table? = nil) -> String {
    let chosen = shape == .long ? (long() ?? table) : table
    return RunOutput.terminated(chosen.rendered(as: format, style: style))
  }
}
