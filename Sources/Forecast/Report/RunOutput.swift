import Foundation

/// How a run's tables leave the program: one stream on stdout, or one file per table in a
/// folder, every file complete or absent.
public enum RunOutput {
  /// Why tables could not be written.
  public enum Failure: Error, Equatable, Sendable, SettingMessage {
    case unknownTable(String, nearest: [String])
    /// An empty name in the list (`""`, `supply,,demand`, a trailing comma).
    case emptyTableName(list: String)
    /// A folder is needed where a file is.
    case notADirectory(path: String)
    case oneTablePerStream(format: OutputFormat, count: Int)
    case cannotWrite(path: String, reason: String)
    /// A Vega-Lite chart of tables other than (or besides) the fan table.
    case chartNeedsFan(tables: [String])
    /// The long shape and a Vega-Lite chart together.
    case chartNotLong
    /// The fit table and others in the long shape, in a format that holds one table.
    case fitApartFromLong(format: OutputFormat)
    /// The output folder holds something else, or another run is writing beside it.
    case outputSet(OutputSet.Failure)
    /// A cell of a table overflowed; `row` names it by year and key, or by its place.
    case overflow(table: String, row: String, column: String, value: Double)

    public func message(naming n: SettingNames) -> String {
      switch self {
      case .unknownTable(let name, let nearest):
        return "\(n(.tables)): no table '\(name)' (tables: "
          + RunTable.allCases.map(\.rawValue).joined(separator: ", ") + ")"
          + suggestion(nearest)
      case .emptyTableName(let list):
        return "\(n(.tables)): expected comma-separated table names ("
          + RunTable.allCases.map(\.rawValue).joined(separator: ", ") + "), found "
          + (list.trimmingCharacters(in: .whitespaces).isEmpty ? "nothing" : "an empty name in '\(list)'")
      case .notADirectory(let path):
        return "\(path) is a file, not a directory"
      case .oneTablePerStream(let format, let count):
        return "\(n(.format)) \(format.rawValue) writes one table to standard output, and \(count) "
          + "were asked for: name one with \(n(.tables)) (for example \(n(.tables)) balance), or write "
          + "them all with \(n(.out)) DIR"
      case .cannotWrite(let path, let reason):
        return "cannot write \(path): \(reason) (nothing was replaced: the previous output is intact)"
      case .chartNeedsFan(let tables):
        return "\(n(.format)) vega-lite draws the fan table only, and "
          + (tables.isEmpty
            ? "no table was"
            : tables.count == 1
              ? "table \(tables[0]) was" : "tables \(tables.joined(separator: ", ")) were")
          + " asked for: use \(n(.tables)) fan (with \(n(.paths)) above 1 for a spread), or a table "
          + "format (text, markdown, csv, tsv, json) for the other tables"
      case .chartNotLong:
        return "\(n(.long)) writes a table, not a chart: leave out \(n(.long)) or \(n(.format)) vega-lite"
      case .fitApartFromLong(let format):
        return "the fit table has no year and no unit, so the long shape keeps it apart, and "
          + "\(n(.format)) \(format.rawValue) writes one table to standard output: ask for "
          + "\(n(.tables)) fit alone, leave it out, or write both with \(n(.out)) DIR (long and fit files)"
      case .outputSet(let failure):
        return failure.description
      case .overflow(let table, let row, let column, let value):
        return "the \(table) table overflowed: \(row), column \(column) is \(value), beyond "
          + "the range of a double; nothing was written (the scenario's values grow too large: "
          + "check its growth rates and horizon)"
      }
    }
  }

  /// Parses a comma-separated list of table names; an empty name is an error, not skipped.
  public static func tables(_ list: String) throws(Failure) -> [RunTable] {
    var out: [RunTable] = []
    let names = list.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    for name in names {
      guard !name.isEmpty else { throw .emptyTableName(list: list) }
      guard let table = RunTable(rawValue: name) else {
        throw .unknownTable(
          name,
          nearest: EditDistance.closest(
            to: name, among: RunTable.allCases.map(\.rawValue), limit: 1))
      }
      if !out.contains(table) { out.append(table) }
    }
    return out
  }

  /// The file extension of a format.
  public static func fileExtension(_ format: OutputFormat) -> String {
    switch format {
    case .text: return "txt"
    case .markdown: return "md"
    case .csv: return "csv"
    case .tsv: return "tsv"
    case .json: return "json"
    }
  }

  /// Text style of run tables: persons with thousands separators, 6 significant digits.
  public static let style = Table.TextStyle(thousandsSeparators: true, significantDigits: 6)

  /// Everything for standard output, rendered in memory first.
  public static func stream(
    _ projection: Projection, tables: [RunTable], format: OutputFormat,
    metadata: RunMetadata
  ) throws(Failure) -> String {
    switch format {
    case .text, .markdown:
      let header =
        format == .text
        ? "\(projection.scenario.info.title ?? projection.scenario.info.name)\n\n"
        : "# \(projection.scenario.info.title ?? projection.scenario.info.name)\n\n"
      return header
        + (try tables.map { name throws(Failure) in
          terminated(try finite(projection, name).rendered(as: format, style: style))
        }).joined(separator: "\n")
    case .csv, .tsv:
      guard tables.count == 1, let only = tables.first else {
        throw .oneTablePerStream(format: format, count: tables.count)
      }
      return terminated(try finite(projection, only).rendered(as: format))
    case .json:
      let body = try tables.map { name throws(Failure) in
        "\(Table.jsonString(name.rawValue)): "
          + (try finite(projection, name)).renderedJSON().trimmingCharacters(in: .whitespacesAndNewlines)
      }
      return "{\"metadata\": \(metadata.json),\n\"tables\": {\n"
        + body.joined(separator: ",\n") + "}}\n"
    }
  }

  /// `text` ending with exactly one line feed.
  public static func terminated(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
  }

  /// Fails unless a Vega-Lite chart can be drawn of `tables`: exactly the fan table, and
  /// not in the long form.
  public static func checkVegaLite(tables: [RunTable], long: Bool = false)
    throws(Failure)
  {
    if long { throw .chartNotLong }
    let others = tables.filter { $0 != .fan }
    guard others.isEmpty, !tables.isEmpty else {
      throw .chartNeedsFan(tables: others.map(\.rawValue))
    }
  }

  /// The Vega-Lite fan chart; `tables` must be exactly the fan table.
  public static func vegaLite(_ projection: Projection, tables: [RunTable])
    throws(Failure) -> String
  {
    try checkVegaLite(tables: tables)
    return VegaLiteFanChart(projection: projection).json
  }

  /// The chart file `fan.vl.json` plus `metadata.json`, as (name, contents).
  public static func vegaLiteFiles(
    _ projection: Projection, tables: [RunTable], metadata: RunMetadata
  ) throws(Failure) -> [(name: String, contents: String)] {
    [
      ("fan.vl.json", try vegaLite(projection, tables: tables)),
      ("metadata.json", metadata.json + "\n"),
    ]
  }

  /// The tables in the long form (`Projection.longTable`), rendered: JSON is the bare array
  /// of row objects, so that it reads straight into a data frame. The fit table keeps its own
  /// long table (`Projection.longFitTable`): alone, or after the long table in text and
  /// Markdown; with other tables it needs files.
  public static func long(
    _ projection: Projection, tables: [RunTable], format: OutputFormat
  ) throws(Failure) -> String {
    let parts = try longParts(projection, tables: tables, format: format)
    if parts.count > 1, format != .text, format != .markdown {
      throw .fitApartFromLong(format: format)
    }
    return parts.map(\.contents).joined(separator: "\n")
  }

  /// The long form in `long.<ext>` (and the fit table in `fit.<ext>`) plus `metadata.json`,
  /// as (name, contents).
  public static func longFiles(
    _ projection: Projection, tables: [RunTable], format: OutputFormat,
    metadata: RunMetadata
  ) throws(Failure) -> [(name: String, contents: String)] {
    try longParts(projection, tables: tables, format: format).map {
      ("\($0.name).\(fileExtension(format))", $0.contents)
    } + [("metadata.json", metadata.json + "\n")]
  }

  /// The long table of every table but fit (named `long`), then the fit table's (`fit`),
  /// each rendered; either is left out when it has no table.
  private static func longParts(
    _ projection: Projection, tables: [RunTable], format: OutputFormat
  ) throws(Failure) -> [(name: String, contents: String)] {
    var parts: [(name: String, table: Table)] = []
    if tables.contains(where: { $0 != .fit }) {
      parts.append(
        ("long", projection.longTable(tables).table(title: "\(projection.scenario.info.name): long")))
    }
    if tables.contains(.fit) { parts.append(("fit", projection.longFitTable())) }
    return try parts.map { part throws(Failure) in
      if part.name != "fit", let cell = part.table.firstInfiniteCell() {
        throw .overflow(
          table: part.name, row: "row \(cell.row + 1)", column: cell.column, value: cell.value)
      }
      return (part.name, terminated(part.table.rendered(as: format, style: style)))
    }
  }

  /// One file per table (`<table>.<ext>`) plus `metadata.json`, as (name, contents).
  public static func files(
    _ projection: Projection, tables: [RunTable], format: OutputFormat,
    metadata: RunMetadata
  ) throws(Failure) -> [(name: String, contents: String)] {
    try tables.map { name throws(Failure) in
      (
        "\(name.rawValue).\(fileExtension(format))",
        terminated(try finite(projection, name).rendered(as: format, style: style))
      )
    } + [("metadata.json", metadata.json + "\n")]
  }

  /// A run table, refused when a cell overflowed to an infinite value (written as `inf` it
  /// would pass for a number). The fit table is exempt: an exact fit's t is rightly infinite.
  static func finite(_ projection: Projection, _ name: RunTable) throws(Failure) -> Table {
    let table = projection.table(name)
    if name != .fit, let cell = table.firstInfiniteCell() {
      let index = TableCellIndex(table)
      let row = table.rows[cell.row]
      let place = [index.year(of: row).map(String.init), index.key(of: row)].compactMap { $0 }
      throw .overflow(
        table: name.rawValue, row: place.isEmpty ? "row \(cell.row + 1)" : place.joined(separator: " "),
        column: cell.column, value: cell.value)
    }
    return table
  }

  /// Writes one file whole, in place of the file at `path` if there is one.
  public static func write(file path: String, contents: String) throws(Failure) {
    do { try OutputSet.writeFile(path, contents: contents) } catch { throw Failure(error) }
  }

  /// Writes every file into `directory` as whole sets (`OutputSet`): names are plain
  /// (`supply.csv`, the whole content of `directory`) or one folder deep
  /// (`steady/supply.csv`, the whole content of `directory/steady`), not both.
  public static func write(
    _ files: [(name: String, contents: String)], to directory: String
  ) throws(Failure) {
    var folders: [String] = []
    var byFolder: [String: [(name: String, contents: String)]] = [:]
    for file in files {
      let parts = file.name.split(separator: "/", omittingEmptySubsequences: false)
      precondition(parts.count <= 2, "RunOutput.write: '\(file.name)' is more than one folder deep")
      let folder = parts.count == 2
        ? (directory as NSString).appendingPathComponent(String(parts[0])) : directory
      if byFolder[folder] == nil { folders.append(folder) }
      byFolder[folder, default: []].append((String(parts[parts.count - 1]), file.contents))
    }
    precondition(
      byFolder[directory] == nil || folders.count == 1,
      "RunOutput.write: plain names and names in folders together")
    do {
      try OutputSet.write(folders.map { OutputSet.Folder(path: $0, files: byFolder[$0] ?? []) })
    } catch {
      throw Failure(error)
    }
  }
}

extension RunOutput.Failure {
  /// The output set's failure, as a run's.
  init(_ failure: OutputSet.Failure) {
    switch failure {
    case .notADirectory(let path): self = .notADirectory(path: path)
    case .cannotWrite(let path, let reason): self = .cannotWrite(path: path, reason: reason)
    case .foreignEntry, .busy, .notAFile: self = .outputSet(failure)
    }
  }
}
