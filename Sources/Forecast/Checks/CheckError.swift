/// Bad input to `simulate check` and `simulate snapshot` (exit 2): an expectation that names
/// something the run does not produce, an unreadable or malformed snapshot.
public enum CheckError: Error, Equatable, Sendable, SettingMessage {
  case unknownColumn(scenario: String, index: Int, table: String, column: String, columns: [String])
  case unknownRow(scenario: String, index: Int, table: String, key: String?, year: Int?)
  /// The cell exists but the run leaves it empty (`always`: for every year of its key).
  case emptyCell(scenario: String, index: Int, table: String, key: String?, year: Int?, column: String, always: Bool)
  case snapshotMissing(path: String)
  /// A snapshot's file does not match its manifest: written partly, edited or damaged.
  case snapshotDamaged(folder: String, file: String, reason: String)
  case snapshotUnreadable(path: String, reason: String)
  /// A recorded table that is not valid CSV.
  case snapshotCSV(CSVError)
  /// A recorded table whose header, year, key or value cell is not what `simulate snapshot`
  /// writes (`column` 1-based, nil for the whole line).
  case snapshotCorrupt(file: String, line: Int, column: Int?, expected: String, found: String)
  case cannotWrite(path: String, reason: String)
  /// A tolerance option of `simulate check` that is not a valid tolerance or names no column.
  case toleranceOption(option: Setting, expected: String, found: String, suggestions: [String])
  /// Two scenario files with the same name, whose snapshots would be the same folder.
  case snapshotNameClash(name: String, files: [String], folder: String)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .unknownColumn(let scenario, let index, let table, let column, let columns):
      return "\(scenario): expect[\(index)]: table '\(table)' has no column '\(column)' "
        + "(columns: \(columns.joined(separator: ", ")))"
        + suggestion(EditDistance.closest(to: column, among: columns, limit: 1))
    case .unknownRow(let scenario, let index, let table, let key, let year):
      let what = [key.map { "key '\($0)'" }, year.map { "year \($0)" }].compactMap { $0 }
        .joined(separator: " and ")
      return "\(scenario): expect[\(index)]: table '\(table)' has no row with \(what)"
    case .emptyCell(let scenario, let index, let table, let key, let year, let column, let always):
      let row = key.map { " of '\($0)'" } ?? ""
      let when = always ? "in every year" : year.map { "in \($0)" } ?? ""
      return "\(scenario): expect[\(index)]: table '\(table)' leaves column '\(column)'\(row) empty "
        + "\(when): the value does not exist (the employment and openings of a sector given by "
        + "capacity, for example), so the expectation could never pass"
    case .snapshotDamaged(let folder, let file, let reason):
      return "the snapshot in \(folder) is damaged: \(file) \(reason); it cannot be compared, "
        + "so record it again with \(n(.recordSnapshot)) once the run is known to be right"
    case .snapshotMissing(let path):
      return "no snapshot at \(path): record one with \(n(.recordSnapshot))"
    case .snapshotUnreadable(let path, let reason):
      return "snapshot \(path): \(reason)"
    case .snapshotCSV(let error):
      return "snapshot \(error)"
    case .snapshotCorrupt(let file, let line, let column, let expected, let found):
      return "snapshot \(file):\(line)" + (column.map { ":\($0)" } ?? "")
        + ": expected \(expected), found \(found) (record it again with \(n(.recordSnapshot)) "
        + "or \(n(.updateSnapshot)) if the run is right)"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    case .toleranceOption(let option, let expected, let found, let suggestions):
      return "\(n(option)): expected \(expected), found \(found)" + suggestion(suggestions)
    case .snapshotNameClash(let name, let files, let folder):
      return "scenarios \(Wording.list(files)) are both named '\(name)', so their snapshots would "
        + "be the same folder \(folder): give one of them another [scenario] name"
    }
  }
}
