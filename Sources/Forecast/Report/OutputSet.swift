import Foundation

/// Folders of output files replaced as wholes: at every instant each destination folder holds
/// either its complete old set of files or its complete new one.
///
/// Each new set is written into a staging folder beside its destination (`.NAME.ID.staging`),
/// every file flushed to disk, and then swapped with the destination in one step (Linux
/// `renameat2` with `RENAME_EXCHANGE`; where the file system cannot, the old folder is renamed
/// aside first, so for an instant the destination is absent, never mixed). The old files are
/// then removed one by one. Writers of folders with the same parent take turns (a lock on the
/// parent folder). Nothing is removed that is not an output file of a set, and nothing
/// recursively: a destination holding anything else, or output-like files without a set's
/// `metadata.json` or `manifest.json`, is an error naming it, and nothing is written. A
/// destination that is a link to a folder is written through, in the folder it names.
public enum OutputSet {
  /// One destination folder and the files it should hold (plain names, no folders).
  public struct Folder: Sendable {
    public let path: String
    public let files: [(name: String, contents: String)]

    public init(path: String, files: [(name: String, contents: String)]) {
      self.path = path
      self.files = files
    }
  }

  /// Why a set could not be written; the destinations are as they were.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination, or a folder above it, is a file.
    case notADirectory(path: String)
    /// The destination holds an entry that is not an output file (a folder, a link, another
    /// kind of file): it is left alone, and so is everything else.
    case foreignEntry(folder: String, entry: String)
    /// Another process is writing a destination in the same folder.
    case busy(folder: String, seconds: Int)
    case cannotWrite(path: String, reason: String)
    /// A file to write whose path is something other than a regular file (a link, a folder,
    /// a device): it is left alone.
    case notAFile(path: String, kind: String)

    public var description: String {
      switch self {
      case .notADirectory(let path):
        return "\(path) is a file, not a directory"
      case .foreignEntry(let folder, let entry):
        return "\(folder) holds '\(Wording.escapingControlCharacters(entry))', which is not an "
          + "output file: choose an empty or new folder, or remove it (nothing was written)"
      case .busy(let folder, let seconds):
        return "another run is writing in \(folder) and did not finish within \(seconds) s: "
          + "try again when it has (nothing was written)"
      case .cannotWrite(let path, let reason):
        return "cannot write \(path): \(reason) (nothing was replaced: the previous output is intact)"
      case .notAFile(let path, let kind):
        return "\(path) is \(kind), not a file: name a new path or a regular file to replace "
          + "(nothing was written)"
      }
    }
  }

  /// Whether `name` is an output file a set may hold and replace: a plain name of lower-case
  /// letters, digits, `_`, `-` and `.`, ending in one of the formats' extensions.
  public static func isOutputFile(_ name: String) -> Bool {
    let extensions = [".csv", ".tsv", ".json", ".txt", ".md", ".svg", ".html", ".xml", ".shard"]
    return !name.hasPrefix(".") && extensions.contains { name.hasSuffix($0) }
      && name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "_-.".unicodeScalars.contains($0)
      }
  }

  /// How long a writer waits for another writer in the same folder.
  public static let lockTimeout = 30

  /// Writes `files` as the whole content of `folder`.
  public static func write(
    _ files: [(name: String, contents: String)], to folder: String
  ) throws(Failure) {
    try write([Folder(path: folder, files: files)])
  }

  /// Writes every folder's set: all are staged before any is swapped in, so a failure while
  /// writing leaves every destination as it was.
  public static func write(_ folders: [Folder]) throws(Failure) {
    var staged: [Staging] = []
    var locks: [String: Int32] = [:]
    defer {
      for staging in staged { staging.remove() }
      for lock in locks.values { systemClose(lock) }
    }
    for folder in folders {
      // A link to a folder is written through: the folder it names is the destination.
      let destination = URL(fileURLWithPath: folder.path).standardizedFileURL
        .resolvingSymlinksInPath().path
      let parent = (destination as NSString).deletingLastPathComponent
      try makeFolders(parent)
      if locks[parent] == nil { locks[parent] = try lock(parent) }
      try checkDestination(destination)
      for file in folder.files {
        precondition(isOutputFile(file.name), "OutputSet: '\(file.name)' is not an output file name")
      }
      let staging = try Staging.create(for: destination)
      staged.append(staging)
      try staging.write(folder.files)
    }
    for staging in staged { try staging.swap() }
  }

  /// Writes one file whole in place of `path` (a file or nothing), through a staging folder
  /// beside it: at every instant `path` is the old file or the new one.
  public static func writeFile(_ path: String, contents: String) throws(Failure) {
    try writeFile(path, bytes: Array(contents.utf8))
  }

  /// Writes one file of bytes whole in place of `path`, as `writeFile(_:contents:)` does. A
  /// link to a folder above it is followed; `path` itself must be a regular file or nothing (a
  /// link there is refused, so nothing outside the folder named is written).
  public static func writeFile(_ path: String, bytes: [UInt8]) throws(Failure) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let name = url.lastPathComponent
    let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
    let destination = (parent as NSString).appendingPathComponent(name)
    try makeFolders(parent)
    if let status = systemLinkStatus(atPath: destination), status.kind != .regular {
      throw .notAFile(path: destination, kind: status.kind.phrase)
    }
    let lockDescriptor = try lock(parent)
    defer { systemClose(lockDescriptor) }
    let staging = try Staging.create(for: destination)
    defer { staging.remove() }
    // Staged under an output file's name, whatever the destination's, so that an
    // interruption's clean-up removes it.
    try staging.write(bytes: [(name: "file.staged.txt", bytes: bytes)])
    let staged = (staging.path as NSString).appendingPathComponent("file.staged.txt")
    guard Interruption.unlessStopping({ systemRename(staged, destination) }) == true else {
      throw .cannotWrite(path: destination, reason: systemErrorMessage(systemErrno()))
    }
    Interruption.setPlaced()
  }

  /// Creates `path` and the folders above it that are missing.
  static func makeFolders(_ path: String) throws(Failure) {
    if let status = systemFileStatus(atPath: path) {
      guard status.kind == .directory else { throw .notADirectory(path: path) }
      return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if parent != path, !parent.isEmpty { try makeFolders(parent) }
    if systemMakeDirectory(path) { return }
    let code = systemErrno()
    guard systemFileStatus(atPath: path)?.kind == .directory else {
      throw .cannotWrite(path: path, reason: systemErrorMessage(code))
    }
  }

  /// An exclusive lock on `folder`, waiting up to `lockTimeout` seconds for another writer.
  static func lock(_ folder: String) throws(Failure) -> Int32 {
    let descriptor = systemOpenDirectory(folder)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: folder, reason: systemErrorMessage(systemErrno()))
    }
    let deadline = Date().addingTimeInterval(TimeInterval(lockTimeout))
    while !systemTryLock(descriptor) {
      guard systemErrno() == systemWouldBlock, Date() < deadline else {
        systemClose(descriptor)
        throw .busy(folder: folder, seconds: lockTimeout)
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return descriptor
  }

  /// A destination may be missing, or a folder of output files only.
  static func checkDestination(_ destination: String) throws(Failure) {
    guard let status = systemLinkStatus(atPath: destination) else { return }
    guard status.kind == .directory else { throw .notADirectory(path: destination) }
    let entries = (systemDirectoryEntries(destination) ?? []).sorted()
    for entry in entries {
      let path = (destination as NSString).appendingPathComponent(entry)
      guard isOutputFile(entry), systemLinkStatus(atPath: path)?.kind == .regular
      else { throw .foreignEntry(folder: destination, entry: entry) }
    }
    // Only a set a run wrote (it has its metadata or manifest) is replaced: a folder of other
    // CSV files is not this tool's to delete.
    if let first = entries.first, !entries.contains("metadata.json"), !entries.contains("manifest.json") {
      throw .foreignEntry(folder: destination, entry: first)
    }
  }
}
