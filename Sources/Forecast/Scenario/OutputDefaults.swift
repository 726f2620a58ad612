/// The `[output]` table: defaults for `simulate run` that its options override.
public struct OutputDefaults: Sendable, Equatable {
  /// Table names, in the order to emit them; nil when the scenario gives none.
  public var tables: [String]?
  /// An `OutputFormat` raw value; nil when the scenario gives none.
  public var format: OutputFormat?

  public init(tables: [String]? = nil, format: OutputFormat? = nil) {
    self.tables = tables
    self.format = format
  }
}
