import Foundation

extension Snapshot {
  /// Checks every table file against the SHA-256 its manifest records, so that a damaged or
  /// torn snapshot is reported as such, never as a change of code or data. A manifest without
  /// table digests (recorded by an older version) is taken as it is.
  static func verifyTables(manifestPath: String, folder: String) throws(CheckError) {
    guard let object = try manifestObject(manifestPath), let tables = object["tables"] else { return }
    guard let entries = tables as? [[String: Any]] else {
      throw .snapshotDamaged(folder: folder, file: "manifest.json", reason: "has a malformed `tables` list")
    }
    var recorded: [String: String] = [:]
    for entry in entries {
      guard let name = entry["path"] as? String, let hash = entry["sha256"] as? String else {
        throw .snapshotDamaged(folder: folder, file: "manifest.json", reason: "has a malformed `tables` entry")
      }
      guard RunTable.allCases.contains(where: { "\($0.rawValue).csv" == name }) else {
        throw .snapshotDamaged(folder: folder, file: "manifest.json", reason: "lists '\(name)', which is not a table of a snapshot")
      }
      recorded[name] = hash
    }
    for table in RunTable.allCases {
      let name = "\(table.rawValue).csv"
      guard let expected = recorded[name] else {
        throw .snapshotDamaged(folder: folder, file: name, reason: "is not listed in manifest.json")
      }
      let path = (folder as NSString).appendingPathComponent(name)
      let bytes: [UInt8]
      do { bytes = try CSVReader.readFile(atPath: path) } catch {
        if case .fileNotFound = error {
          throw .snapshotDamaged(folder: folder, file: name, reason: "is missing")
        }
        throw .snapshotCSV(error)
      }
      let found = FileDigest(path: name, bytes: bytes).sha256
      if found != expected {
        throw .snapshotDamaged(
          folder: folder, file: name,
          reason: "does not match its SHA-256 in manifest.json (\(expected.prefix(12))… recorded, \(found.prefix(12))… found)")
      }
    }
  }

  /// The manifest's JSON object; nil when the file is not a JSON object. Read through
  /// `InputFile`, as data files are: a FIFO or a device in its place is refused at once.
  static func manifestObject(_ manifestPath: String) throws(CheckError) -> [String: Any]? {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(atPath: manifestPath, limit: try InputLimit.data())
    } catch {
      let reason: String
      switch error {
      case .notRegular(let kind): reason = "expected a regular file, found \(InputFile.describe(kind))"
      case .tooLarge(let size, let limit):
        reason = "larger than \(limit.variable) allows (\(InputLimit.describe(bytes: size)))"
      default: reason = "not a JSON object"
      }
      throw .snapshotUnreadable(path: manifestPath, reason: reason)
    }
    return try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
  }

  /// Inputs whose SHA-256, or the tool version, differ from the manifest's.
  ///
  /// Files are told apart by their path relative to the folder of the scenario file (on each
  /// side), so `data/a.csv` and `other/a.csv` are two inputs, and a project moved or checked out
  /// elsewhere still compares file by file.
  static func inputChanges(manifestPath: String, metadata: RunMetadata) throws(CheckError) -> [String] {
    guard let object = try manifestObject(manifestPath) else {
      throw .snapshotUnreadable(path: manifestPath, reason: "not a JSON object")
    }
    var notes: [String] = []
    if let version = object["tool_version"] as? String, version != metadata.toolVersion {
      notes.append("tool version \(version) → \(metadata.toolVersion)")
    }
    func entries(_ key: String) -> [(path: String, sha256: String)] {
      (object[key] as? [[String: Any]] ?? []).compactMap { entry in
        guard let path = entry["path"] as? String, let hash = entry["sha256"] as? String else { return nil }
        return (path, hash)
      }
    }
    let oldBase = entries("scenario_files").first.map { ($0.path as NSString).deletingLastPathComponent }
    let newBase = metadata.scenarioFiles.first.map { ($0.path as NSString).deletingLastPathComponent }
    for (key, current, kind) in [
      ("scenario_files", metadata.scenarioFiles, "scenario file"),
      ("data_files", metadata.dataFiles, "data file"),
    ] {
      let old = Dictionary(
        entries(key).map { (relativePath($0.path, from: oldBase), $0.sha256) }, uniquingKeysWith: { a, _ in a })
      let new = Dictionary(
        current.map { (relativePath($0.path, from: newBase), $0.sha256) }, uniquingKeysWith: { a, _ in a })
      for (file, hash) in new.sorted(by: { $0.key < $1.key }) {
        if let before = old[file] {
          if before != hash { notes.append("\(kind) \(file) changed (SHA-256 \(before.prefix(12))… → \(hash.prefix(12))…)") }
        } else {
          notes.append("\(kind) \(file) is new")
        }
      }
      for file in old.keys.sorted() where new[file] == nil { notes.append("\(kind) \(file) is no longer read") }
    }
    return notes
  }

  /// `path` relative to the folder `base` ("data/a.csv", "../shared/b.csv"); `path` itself
  /// when either is not absolute.
  static func relativePath(_ path: String, from base: String?) -> String {
    guard let base, path.hasPrefix("/"), base.hasPrefix("/") else { return path }
    let target = (path as NSString).standardizingPath.split(separator: "/")
    let origin = (base as NSString).standardizingPath.split(separator: "/")
    var common = 0
    while common < min(target.count, origin.count), target[common] == origin[common] { common += 1 }
    let up = [String](repeating: "..", count: origin.count - common)
    return (up + target[common...].map(String.init)).joined(separator: "/")
  }
}
