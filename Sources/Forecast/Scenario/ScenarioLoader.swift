import Foundation
import TOMLKit

/// Reads a scenario file: parses its TOML, applies `extends` recursively and validates the
/// result, reporting every problem found rather than the first (MODEL.md 8).
public enum ScenarioLoader {
  /// Loads, merges and validates the scenario at `path`.
  ///
  /// Relative paths in the file (`extends`, data `file`) resolve against the directory of the
  /// file that wrote them. Data files are read once: checked here and kept, with the digest of
  /// every file read, in the scenario for its run (`Scenario.dataFiles`, `Scenario.digests`).
  ///
  /// - Throws: `ScenarioError` with every problem found: syntax, unknown keys (with the nearest
  ///   known ones), missing keys, wrong types, ranges, names that are not defined, data files
  ///   or columns that are missing, cycles in `extends` or in the continuation graph.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    var issues: [ScenarioIssue] = []
    let file = absolutePath(path, relativeTo: FileManager.default.currentDirectoryPath)
    var files: [FileDigest] = []
    guard let document = readDocument(file, chain: [], from: nil, files: &files, issues: &issues)
    else {
      throw ScenarioError(issues: issues)
    }
    // Problems that stop a file from loading leave nothing sane to validate.
    guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    var decoder = ScenarioDecoder(topFile: file)
    let scenario = decoder.decode(document)
    guard var scenario, decoder.issues.isEmpty else {
      throw ScenarioError(issues: decoder.issues)
    }
    scenario.files = files.map(\.path)
    for digest in files + decoder.dataFiles.values.map(\.digest) { scenario.digests[digest.path] = digest }
    scenario.dataFiles = decoder.dataFiles
    return scenario
  }

  /// Reads one file and, through `extends`, the files under it, adding each one's digest to
  /// `files`; nil
  /// when it cannot be read.
  static func readDocument(
    _ file: String, chain: [String], from extendsLocation: SourceLocation?,
    files: inout [FileDigest], issues: inout [ScenarioIssue]
  ) -> ScenarioNode? {
    let location = extendsLocation ?? SourceLocation(file: file)
    if chain.contains(file) {
      let names = (chain + [file]).map { ($0 as NSString).lastPathComponent }
      issues.append(
        ScenarioIssue(
          kind: .extendsCycle, location: location, keyPath: "extends",
          expected: "a chain of `extends` without a cycle",
          found: names.joined(separator: " -> ")))
      return nil
    }
    guard
      let text = readText(
        file, location: location, keyPath: extendsLocation == nil ? "" : "extends",
        issues: &issues)
    else { return nil }
    if let limit = TOMLLimits.issue(in: text, file: file) {
      issues.append(limit)
      return nil
    }
    files.append(FileDigest(path: file, bytes: text.utf8))
    if let header = malformedTableHeader(in: text) {
      issues.append(
        ScenarioIssue(
          kind: .syntax,
          location: SourceLocation(file: file, line: header.line, column: header.column),
          keyPath: "", expected: header.expected, found: header.found))
      return nil
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      issues.append(
        ScenarioIssue(
          kind: .syntax,
          location: SourceLocation(
            file: file, line: error.source.begin.line, column: error.source.begin.column),
          keyPath: "", expected: "valid TOML", found: error.description))
      return nil
    } catch {
      issues.append(
        ScenarioIssue(
          kind: .syntax, location: SourceLocation(file: file), keyPath: "",
          expected: "valid TOML", found: "\(error)"))
      return nil
    }
    let index = SourceIndex(text: text)
    let document = node(table, path: "", file: file, index: index)
    issues += TOMLLimits.nulIssues(in: text, file: file, index: index)
    guard let extends = document["extends"] else { return document }
    let rest = document.dropping(["extends"])
    guard let relative = extends.string, !relative.trimmingCharacters(in: .whitespaces).isEmpty else {
      issues.append(
        ScenarioIssue(
          kind: .wrongType, location: extends.location, keyPath: "extends",
          expected: "a string naming the base scenario file",
          found: extends.string == nil ? extends.kindDescription : "an empty string"))
      return nil
    }
    let directory = (file as NSString).deletingLastPathComponent
    let baseFile = absolutePath(relative, relativeTo: directory)
    guard
      let base = readDocument(
        baseFile, chain: chain + [file], from: extends.location, files: &files, issues: &issues)
    else { return nil }
    return ScenarioMerge.merge(base: base, extension: rest)
  }

  /// `path` made absolute against `directory` and standardized (no `.`, `..`).
  static func absolutePath(_ path: String, relativeTo directory: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }

  /// Converts a TOMLKit value into a node, restoring file order and positions from `index`.
  static func node(
    _ value: TOMLValueConvertible, path: String, file: String, index: SourceIndex
  ) -> ScenarioNode {
    let position = index.position(of: path)
    let location = SourceLocation(file: file, line: position?.line, column: position?.column)
    switch value.type {
    case .table:
      guard let table = value.table else { break }
      let keys = table.keys.enumerated().sorted { a, b in
        let pa = index.position(of: SourceIndex.join(path, a.element))
        let pb = index.position(of: SourceIndex.join(path, b.element))
        switch (pa, pb) {
        case (let x?, let y?): return (x.line, x.column, a.offset) < (y.line, y.column, b.offset)
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.offset < b.offset
        }
      }.map(\.element)
      var entries: [(key: String, node: ScenarioNode)] = []
      for key in keys {
        guard let child = table[key] else { continue }
        entries.append(
          (key, node(child, path: SourceIndex.join(path, key), file: file, index: index)))
      }
      return ScenarioNode(value: .table(entries), location: location)
    case .array:
      guard let array = value.array else { break }
      var elements: [ScenarioNode] = []
      for (i, element) in array.enumerated() {
        elements.append(node(element, path: path + "[\(i)]", file: file, index: index))
      }
      return ScenarioNode(value: .array(elements), location: location)
    case .string:
      if let s = value.string { return ScenarioNode(value: .string(s), location: location) }
    case .int:
      if let i = value.int { return ScenarioNode(value: .integer(i), location: location) }
    case .double:
      if let x = value.double { return ScenarioNode(value: .float(x), location: location) }
    case .bool:
      if let b = value.bool { return ScenarioNode(value: .boolean(b), location: location) }
    case .date, .time, .dateTime:
      break
    }
    return ScenarioNode(value: .other("a \(value.type)"), location: location)
  }
}
