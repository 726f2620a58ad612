extension CSVReader {
  /// The bytes of the file at `path`, read with one `read` call when its size is known.
  ///
  /// - Throws: `CSVError.fileNotFound` or `CSVError.unreadable` with the system's message.
  static func readFile(atPath path: String) throws(CSVError) -> [UInt8] {
    let descriptor = systemOpenForReading(path)
    guard descriptor >= 0 else {
      let code = systemErrno()
      if code == systemNoSuchFile { throw .fileNotFound(file: path) }
      throw .unreadable(file: path, reason: systemErrorMessage(code))
    }
    defer { systemClose(descriptor) }
    guard let size = systemFileSize(descriptor) else {
      throw .unreadable(file: path, reason: systemErrorMessage(systemErrno()))
    }
    // One byte more than the size, so that a full buffer means the file grew (or reported a
    // size of 0, as files in /proc do) and the rest must be read in chunks.
    var bytes: [UInt8] = []
    var capacity = max(size, 0) + 1
    while true {
      var failure: Int32 = 0
      let start = bytes.count
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
      guard failure == 0 else {
        throw .unreadable(file: path, reason: systemErrorMessage(failure))
      }
      if start == 0 { bytes = filled } else { bytes.append(contentsOf: filled) }
      if filled.count < capacity { return bytes }
      capacity = max(capacity, 1 << 16)
    }
  }
}
