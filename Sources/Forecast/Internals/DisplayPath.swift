import Foundation

/// Paths as messages and metadata show them.
enum DisplayPath {
  /// `path` relative to the working folder when inside it, else absolute: what the user typed
  /// in the common case, and the same text wherever the checkout lives.
  static func shown(_ path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }
}
