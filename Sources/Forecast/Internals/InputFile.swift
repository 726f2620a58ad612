/// Reads an input file (a data CSV, a scenario TOML) whole, within bounds: only a regular file,
/// checked before it is opened, and only up to a size limit, checked before it is read.
///
/// A FIFO would block the open or the read forever, `/dev/zero` would be read until memory ran
/// out, and a directory cannot be read at all: each is refused at once with what it is. The
/// check is made with `stat` before opening (opening a device can have effects of its own) and
/// again with `fstat` on the descriptor, opened with `O_NONBLOCK`, in case the file was swapped
/// in between. The limit is checked against the size `stat` reports and again while reading,
/// for files that grow or report no size (as files in `/proc` do).
enum InputFile {
  /// Why a file was not read.
  enum Failure: Error, Equatable, Sendable {
    /// Nothing exists at the path.
    case notFound
    /// The path names something other than a regular file (`describe(kind)` says what).
    case notRegular(SystemFileStatus.Kind)
    /// The file is larger than the limit; `size` is its size, or the bytes read when it grew.
    case tooLarge(size: Int, limit: InputLimit)
    /// The limit's environment variable holds something that is not a size.
    case badLimitSetting(variable: String, found: String)
    /// The system refused to open or read it; `reason` is its message.
    case unreadable(reason: String)
  }

  /// The bytes of the regular file at `path`, at most `limit.bytes` of them.
  ///
  /// - Throws: `Failure`, before reading anything when the file is missing, not a regular file
  ///   or larger than the limit.
  static func read(atPath path: String, limit: InputLimit) throws(Failure) -> [UInt8] {
    guard let status = systemFileStatus(atPath: path) else { throw failure(systemErrno()) }
    try check(status, limit: limit)
    let descriptor = systemOpenForReading(path)
    guard descriptor >= 0 else { throw failure(systemErrno()) }
    defer { systemClose(descriptor) }
    guard let opened = systemFileStatus(descriptor) else { throw failure(systemErrno()) }
    try check(opened, limit: limit)
    return try readAll(descriptor, sizeHint: opened.size, limit: limit)
  }

  /// Refuses anything but a regular file, and a regular file over the limit.
  private static func check(_ status: SystemFileStatus, limit: InputLimit) throws(Failure) {
    guard status.kind == .regular else { throw .notRegular(status.kind) }
    guard status.size <= limit.bytes else { throw .tooLarge(size: status.size, limit: limit) }
  }

  private static func failure(_ code: Int32) -> Failure {
    code == systemNoSuchFile ? .notFound : .unreadable(reason: systemErrorMessage(code))
  }

  /// What a file that is not a regular file is, for "found ..." in messages.
  static func describe(_ kind: SystemFileStatus.Kind) -> String {
    switch kind {
    case .regular: return "a regular file"
    case .directory: return "a directory"
    case .fifo: return "a FIFO (named pipe)"
    case .socket: return "a socket"
    case .characterDevice: return "a character device"
    case .blockDevice: return "a block device"
    case .symbolicLink: return "a symbolic link"
    case .other: return "a file that is not a regular file"
    }
  }

  /// Reads to the end of the file, in one `read` when the size is known, and refuses to go
  /// past `limit`.
  private static func readAll(_ descriptor: Int32, sizeHint: Int, limit: InputLimit)
    throws(Failure) -> [UInt8]
  {
    // One byte more than the size, so that a full buffer means the file grew (or reported a
    // size of 0) and the rest must be read in chunks.
    var bytes: [UInt8] = []
    var capacity = max(sizeHint, 0) + 1
    while true {
      var failure: Int32 = 0
      let start = bytes.count
      // Never more than one byte past the limit: that byte is enough to know it is exceeded.
      capacity = min(capacity, limit.bytes + 1 - start)
      let filled = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        count = 0
        while count < buffer.count {
          let raw = UnsafeMutableRawBufferPointer(
            UnsafeMutableBufferPointer(rebasing: buffer[count...]))
          let read = systemRead(descriptor, into: raw)
          if read > 0 {
            count += read
          } else if read == 0 {
            break
          } else {
            let code = systemErrno()
            if code == systemInterrupted { continue }
            failure = code
            break
          }
        }
      }
      guard failure == 0 else { throw .unreadable(reason: systemErrorMessage(failure)) }
      if start == 0 { bytes = filled } else { bytes.append(contentsOf: filled) }
      if bytes.count > limit.bytes { throw .tooLarge(size: bytes.count, limit: limit) }
      if filled.count < capacity { return bytes }
      capacity = max(capacity, 1 << 16)
    }
  }
}
