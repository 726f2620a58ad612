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

/// The C `errno` value for an interrupted call.
internal let systemInterrupted: Int32 = EINTR

/// Opens a file for reading; returns the descriptor, or -1 with `errno` set. C: `open`.
internal func systemOpenForReading(_ path: String) -> Int32 {
  open(path, O_RDONLY | O_CLOEXEC)
}

/// The size in bytes of an open file, or nil with `errno` set. C: `fstat`.
internal func systemFileSize(_ descriptor: Int32) -> Int? {
  var status = stat()
  guard fstat(descriptor, &status) == 0 else { return nil }
  return Int(status.st_size)
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
