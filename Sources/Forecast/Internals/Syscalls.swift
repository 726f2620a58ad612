#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Every C library call of the module, except BLAS and LAPACK, goes through this file: one thin
// wrapper per C function (the swift-system `Syscalls.swift` rule). Pointers passed in are only
// used for the duration of the call.

/// The text of a C `errno` value, as `strerror` gives it ("No such file or directory").
internal func systemErrorMessage(_ code: Int32) -> String {
  guard let message = strerror(code) else { return "error \(code)" }
  return String(cString: message)
}

/// The current thread's `errno`.
internal func systemErrno() -> Int32 { errno }

/// The C `errno` value for a missing file.
internal let systemNoSuchFile: Int32 = ENOENT

/// The C `errno` value for reading a directory as a file.
internal let systemIsADirectory: Int32 = EISDIR

/// The C `errno` value for an interrupted call.
internal let systemInterrupted: Int32 = EINTR

/// Opens a file for reading; returns the descriptor, or -1 with `errno` set. C: `open`.
///
/// `O_NONBLOCK`, so that a FIFO put in place of a checked regular file cannot block the open
/// (reads of a regular file ignore the flag).
internal func systemOpenForReading(_ path: String) -> Int32 {
  open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
}

/// What kind of file a path or descriptor is, and its size: what `stat` and `fstat` report.
internal struct SystemFileStatus: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case regular, directory, fifo, socket, characterDevice, blockDevice, symbolicLink, other

    /// "a symbolic link", "a folder", ..., for messages.
    var phrase: String {
      switch self {
      case .regular: return "a file"
      case .directory: return "a folder"
      case .fifo: return "a named pipe"
      case .socket: return "a socket"
      case .characterDevice, .blockDevice: return "a device"
      case .symbolicLink: return "a symbolic link"
      case .other: return "a special file"
      }
    }
  }

  var kind: Kind
  /// The size in bytes (0 for most files that are not regular).
  var size: Int

  init(kind: Kind, size: Int) {
    self.kind = kind
    self.size = size
  }

  fileprivate init(_ status: stat) {
    let type = status.st_mode & S_IFMT
    switch type {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    case S_IFCHR: kind = .characterDevice
    case S_IFBLK: kind = .blockDevice
    case S_IFLNK: kind = .symbolicLink
    default: kind = .other
    }
    size = Int(status.st_size)
  }
}

/// The kind and size of the file at `path`, symbolic links followed, without opening it; nil
/// with `errno` set. C: `stat`.
internal func systemFileStatus(atPath path: String) -> SystemFileStatus? {
  var status = stat()
  guard stat(path, &status) == 0 else { return nil }
  return SystemFileStatus(status)
}

/// The kind and size of the file at `path` itself, a symbolic link not followed; nil with
/// `errno` set. C: `lstat`.
internal func systemLinkStatus(atPath path: String) -> SystemFileStatus? {
  var status = stat()
  guard lstat(path, &status) == 0 else { return nil }
  return SystemFileStatus(status)
}

/// The kind and size of an open file, or nil with `errno` set. C: `fstat`.
internal func systemFileStatus(_ descriptor: Int32) -> SystemFileStatus? {
  var status = stat()
  guard fstat(descriptor, &status) == 0 else { return nil }
  return SystemFileStatus(status)
}

/// Resource limits `systemSoftLimit` reads.
internal enum SystemResource: Sendable {
  /// The address space (`RLIMIT_AS`, `ulimit -v`).
  case addressSpace
  /// The data segment, which glibc's `malloc` counts against (`RLIMIT_DATA`, `ulimit -d`).
  case data
}

/// The soft limit of `resource` in bytes, or nil when it is unlimited or cannot be read.
/// C: `getrlimit`.
internal func systemSoftLimit(_ resource: SystemResource) -> UInt64? {
  var limit = rlimit()
  #if canImport(Glibc)
    let code = __rlimit_resource_t(
      resource == .addressSpace ? RLIMIT_AS.rawValue : RLIMIT_DATA.rawValue)
    // glibc's RLIM_INFINITY is `(rlim_t) -1`, which Swift does not import.
    let infinity = rlim_t.max
  #else
    let code = resource == .addressSpace ? RLIMIT_AS : RLIMIT_DATA
    // Darwin's RLIM_INFINITY, `((__uint64_t)1 << 63) - 1`, is not imported either.
    let infinity = rlim_t(Int64.max)
  #endif
  guard getrlimit(code, &limit) == 0, limit.rlim_cur != infinity else { return nil }
  return UInt64(limit.rlim_cur)
}

/// Reads up to `buffer.count` bytes; returns the count read, 0 at end of file, -1 with `errno`
/// set. C: `read`.
internal func systemRead(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
  guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
  return read(descriptor, base, buffer.count)
}

/// Closes a descriptor. C: `close`.
internal func systemClose(_ descriptor: Int32) {
  _ = close(descriptor)
}

/// Runs `body` with the calling thread's numeric locale set to "C", so that `strtod` and
/// `vsnprintf` read and write "." as the decimal point whatever the process locale is.
/// C: `newlocale`, `uselocale`, `freelocale`.
internal func withCNumericLocale<Result, Failure: Error>(
  _ body: () throws(Failure) -> Result
) throws(Failure) -> Result {
  guard let cLocale = newlocale(LC_NUMERIC_MASK, "C", nil) else { return try body() }
  let previous = uselocale(cLocale)
  defer {
    if let previous { _ = uselocale(previous) }
    freelocale(cLocale)
  }
  return try body()
}

/// Parses a NUL-terminated decimal number, correctly rounded; returns the value and the number
/// of bytes consumed. C: `strtod`.
internal func systemStrtod(_ text: UnsafePointer<CChar>) -> (value: Double, consumed: Int) {
  var end: UnsafeMutablePointer<CChar>?
  let value = strtod(text, &end)
  guard let end else { return (value, 0) }
  return (value, UnsafePointer(end) - text)
}

/// Formats one `Double` with a `printf` conversion that takes a precision, such as `"%.*e"`,
/// `"%.*f"` or `"%.*g"`. C: `vsnprintf`.
internal func systemFormat(_ value: Double, conversion: String, precision: Int) -> String {
  let precision32 = Int32(clamping: precision)
  // 400 bytes hold any "%.*f" of a Double with precision up to 60 (the largest is ~310 digits).
  return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
    guard let base = buffer.baseAddress else { return "" }
    let written = withVaList([precision32, value]) { arguments in
      vsnprintf(base, buffer.count, conversion, arguments)
    }
    guard written >= 0, Int(written) < buffer.count else { return "" }
    return String(cString: base)
  }
}

/// The offset of the first `byte` in `buffer[start..<end]`, or nil. C: `memchr` (vectorised).
internal func systemFindByte(
  _ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
) -> Int? {
  guard let base = buffer.baseAddress, start < end else { return nil }
  guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
  return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}

/// Sets one of the allocator's options; returns whether the allocator took it. C: `mallopt`
/// (glibc; looked up with `dlsym`, since the Glibc module leaves out `malloc.h`; elsewhere
/// nothing happens and the result is false).
internal func systemMallopt(_ option: AllocatorOption, _ value: Int) -> Bool {
  #if canImport(Glibc)
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else {
      return false
    }
    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
    return mallopt(option.rawValue, Int32(clamping: value)) == 1
  #else
    return false
  #endif
}

/// Sets an environment variable of this process, replacing its value. C: `setenv`.
internal func systemSetEnvironment(_ name: String, _ value: String) {
  setenv(name, value, 1)
}

/// Replaces this process with a new run of its own executable with `arguments`; returns only
/// when that fails. C: `execv` of `/proc/self/exe`.
internal func systemReexecute(arguments: [String]) {
  var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
  cArguments.append(nil)
  execv("/proc/self/exe", &cArguments)
  for pointer in cArguments { free(pointer) }
}

/// The C `errno` values of a lock held by another process and of a full disk.
internal let systemWouldBlock: Int32 = EWOULDBLOCK
internal let systemNoSpace: Int32 = ENOSPC

/// Creates a directory (mode 0777 less the umask); false with `errno` set. C: `mkdir`.
internal func systemMakeDirectory(_ path: String) -> Bool { mkdir(path, 0o777) == 0 }

/// Removes an empty directory; false with `errno` set. C: `rmdir`.
internal func systemRemoveDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

/// Removes a file (never a directory); false with `errno` set. C: `unlink`.
internal func systemUnlink(_ path: String) -> Bool { unlink(path) == 0 }

/// Renames `from` to `to`, replacing a file or an empty directory there; false with `errno`
/// set. C: `rename`.
internal func systemRename(_ from: String, _ to: String) -> Bool { rename(from, to) == 0 }

/// Swaps two existing paths in one step, so that each name always refers to one of the two;
/// false with `errno` set (EINVAL or ENOSYS where the file system or kernel cannot). C:
/// `renameat2` with `RENAME_EXCHANGE` (Linux; looked up with `dlsym`, since the Glibc module
/// does not declare it; elsewhere false with ENOSYS).
internal func systemExchange(_ a: String, _ b: String) -> Bool {
  #if canImport(Glibc)
    typealias Renameat2 = @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
      errno = ENOSYS
      return false
    }
    let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
    let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0
  #else
    errno = ENOSYS
    return false
  #endif
}

/// Creates `path` for writing, failing if it exists; returns the descriptor, or -1 with
/// `errno` set. C: `open` with `O_CREAT | O_EXCL`.
internal func systemCreateExclusive(_ path: String) -> Int32 {
  open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
}

/// Opens a directory to lock or flush it; the descriptor, or -1 with `errno` set. C: `open`.
internal func systemOpenDirectory(_ path: String) -> Int32 {
  open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
}

/// Writes all of `bytes` to a descriptor, retrying short writes and interruptions; false with
/// `errno` set. C: `write`.
internal func systemWriteAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return write(descriptor, base.advanced(by: offset), buffer.count - offset)
    }
    if written < 0 {
      if errno == EINTR { continue }
      return false
    }
    offset += written
  }
  return true
}

/// Flushes a file's or a directory's data to the disk; false with `errno` set. C: `fsync`.
internal func systemSync(_ descriptor: Int32) -> Bool { fsync(descriptor) == 0 }

/// Takes an exclusive advisory lock on an open file or directory, without waiting; false with
/// `errno` set (EWOULDBLOCK when another process holds it). C: `flock`.
internal func systemTryLock(_ descriptor: Int32) -> Bool { flock(descriptor, LOCK_EX | LOCK_NB) == 0 }

/// The names in a directory, without `.` and `..`; nil with `errno` set. C: `opendir`,
/// `readdir`, `closedir`.
internal func systemDirectoryEntries(_ path: String) -> [String]? {
  guard let directory = opendir(path) else { return nil }
  defer { closedir(directory) }
  var names: [String] = []
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name != "." && name != ".." { names.append(name) }
  }
  return names
}

/// The process's id. C: `getpid`.
internal func systemProcessID() -> Int32 { getpid() }

/// The numbers of the interrupt (Ctrl-C) and termination signals.
internal let systemInterruptSignal: Int32 = SIGINT
internal let systemTerminateSignal: Int32 = SIGTERM

/// Ignores a signal's default action, so that a dispatch source can handle it. C: `signal`.
internal func systemIgnoreSignal(_ number: Int32) { _ = signal(number, SIG_IGN) }

/// Ends the process at once, without exit handlers or library destructors. C: `_exit`.
internal func systemExitImmediately(_ code: Int32) -> Never { _exit(code) }
