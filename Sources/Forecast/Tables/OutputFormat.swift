/// A format a `Table` renders to; the raw values are the command-line spellings.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal or a report.
  case text
  /// A GitHub-flavoured Markdown pipe table.
  case markdown
  /// Comma-separated values (RFC 4180, LF line ends), numbers at round-trip precision.
  case csv
  /// Tab-separated values, numbers at round-trip precision.
  case tsv
  /// A JSON array of row objects keyed by column name, numbers at round-trip precision.
  case json
}
