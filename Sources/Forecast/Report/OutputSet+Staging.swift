import Foundation

extension OutputSet {
  /// A staging folder beside a destination: the new set while it is written, the old set once
  /// swapped. Whatever it holds was written by this process or is an old output file, and it
  /// is removed file by file.
  struct Staging {
    let destination: String
    let path: String

    /// A new, empty staging folder, registered so that an interruption removes it.
    static func create(for destination: String) throws(Failure) -> Staging {
      let parent = (destination as NSString).deletingLastPathComponent
      let name = (destination as NSString).lastPathComponent
      let token = UUID().uuidString.prefix(8).lowercased()
      let path = (parent as NSString).appendingPathComponent(".\(name).\(token).staging")
      guard Interruption.register(path, create: true) else {
        throw .cannotWrite(path: destination, reason: systemErrorMessage(systemErrno()))
      }
      return Staging(destination: destination, path: path)
    }

    /// Writes each file whole and flushed, then flushes the folder.
    func write(_ files: [(name: String, contents: String)]) throws(Failure) {
      try write(bytes: files.map { (name: $0.name, bytes: Array($0.contents.utf8)) })
    }

    /// Writes each file of bytes whole and flushed, then flushes the folder.
    func write(bytes files: [(name: String, bytes: [UInt8])]) throws(Failure) {
      for file in files {
        let target = (path as NSString).appendingPathComponent(file.name)
        let descriptor = Interruption.unlessStopping { systemCreateExclusive(target) } ?? -1
        guard descriptor >= 0 else { throw failure() }
        let written = systemWriteAll(descriptor, file.bytes) && systemSync(descriptor)
        let code = systemErrno()
        systemClose(descriptor)
        guard written else { throw failure(code) }
      }
      try sync(path)
    }

    /// Puts the staged set in place of the destination's, then removes the old set.
    func swap() throws(Failure) {
      let parent = (destination as NSString).deletingLastPathComponent
      if systemFileStatus(atPath: destination) == nil {
        guard Interruption.unlessStopping({ systemRename(path, destination) }) == true else {
          throw failure()
        }
        Interruption.unregister(path)
      } else if Interruption.unlessStopping({ systemExchange(path, destination) }) == true {
        // The staging path now holds the old set, which `remove` takes away.
      } else {
        let aside = path + ".old"
        guard Interruption.register(aside, create: false),
          Interruption.unlessStopping({ systemRename(destination, aside) }) == true
        else { throw failure() }
        guard Interruption.unlessStopping({ systemRename(path, destination) }) == true else {
          let code = systemErrno()
          _ = systemRename(aside, destination)
          throw failure(code)
        }
        Interruption.unregister(path)
        Staging(destination: destination, path: aside).remove()
      }
      Interruption.setPlaced()
      try sync(parent)
    }

    /// Removes the staging folder's files and the folder (nothing when it was moved into place).
    func remove() {
      Interruption.remove(path)
    }

    private func sync(_ folder: String) throws(Failure) {
      let descriptor = systemOpenDirectory(folder)
      guard descriptor >= 0 else { throw failure() }
      defer { systemClose(descriptor) }
      guard systemSync(descriptor) else { throw failure() }
    }

    private func failure(_ code: Int32 = systemErrno()) -> Failure {
      .cannotWrite(path: destination, reason: systemErrorMessage(code))
    }
  }
}
