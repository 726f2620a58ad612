/// Where a value of a scenario was written: the file and, when known, the line and column.
public struct SourceLocation: Sendable, Equatable, Hashable {
  /// The scenario file's path as loaded (absolute).
  public var file: String
  /// 1-based line, nil when the position is not known.
  public var line: Int?
  /// 1-based column, nil when the position is not known.
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }
}
