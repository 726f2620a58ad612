import Dispatch

/// The staging folders of output sets being written, so that an interrupted run (Ctrl-C, a
/// termination signal) can remove them before it exits and leave the previous output as it was.
public enum Interruption {
  private static let lock = NSLockLike()
  nonisolated(unsafe) private static var folders: Set<String> = []
  nonisolated(unsafe) private static var stopping = false
  nonisolated(unsafe) private static var placed = 0

  /// Records `path` as a staging folder of this process (creating it when asked); false when
  /// it cannot be created, or when the process is being interrupted.
  static func register(_ path: String, create: Bool) -> Bool {
    lock.withLock {
      guard !stopping else { return false }
      if create && !systemMakeDirectory(path) { return false }
      folders.insert(path)
      return true
    }
  }

  /// Runs a step of writing a set unless the process is being interrupted (nil then), so that
  /// no file is created or renamed after `stop` has cleaned up.
  static func unlessStopping<T>(_ step: () -> T) -> T? {
    lock.withLock { stopping ? nil : step() }
  }

  /// `path` is no longer a staging folder (it was moved into place).
  static func unregister(_ path: String) {
    lock.withLock { _ = folders.remove(path) }
  }

  /// Counts a new set put in place of its destination's.
  static func setPlaced() { lock.withLock { placed += 1 } }

  /// Removes a staging folder's output files and the folder itself, if it exists.
  static func remove(_ path: String) {
    lock.withLock {
      removeFolder(path)
      folders.remove(path)
    }
  }

  /// Removes a folder's output files, then the folder; never follows a link.
  private static func removeFolder(_ path: String) {
    guard systemLinkStatus(atPath: path)?.kind == .directory else { return }
    for entry in systemDirectoryEntries(path) ?? [] where OutputSet.isOutputFile(entry) {
      let file = path + "/" + entry
      if systemLinkStatus(atPath: file)?.kind == .regular { _ = systemUnlink(file) }
    }
    _ = systemRemoveDirectory(path)
  }

  /// Calls `handler` with the signal's number on SIGINT or SIGTERM (instead of the default of
  /// exiting at once), on a queue of its own. The handler should call `stop` and exit.
  public static func handleSignals(_ handler: @escaping @Sendable (Int32) -> Void) {
    for signal in [systemInterruptSignal, systemTerminateSignal] {
      systemIgnoreSignal(signal)
      let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
      source.setEventHandler { handler(signal) }
      source.resume()
      sources.append(source)
    }
  }

  /// Ends the process on a signal, after `stop`: at once, without exit handlers, since other
  /// threads may still be inside OpenBLAS, whose exit-time teardown would crash under them.
  public static func exit(_ code: Int32) -> Never { systemExitImmediately(code) }

  private static let queue = DispatchQueue(label: "forecast.signals")
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Removes every staging folder and refuses new ones: called once when the process is about
  /// to exit on a signal. Returns how many new sets were already in place (their old sets may
  /// be among the folders removed).
  ///
  /// The lock is kept: the process is exiting, and any step of a write, or `finish`, that
  /// another thread comes to waits for the exit instead of reporting a failure of its own.
  @discardableResult
  public static func stop() -> Int {
    lock.acquire()
    stopping = true
    for path in folders { removeFolder(path) }
    folders.removeAll()
    return placed
  }

  /// Called when the process is about to exit normally: from here on a signal no longer
  /// interrupts anything (the lock is kept, so a late `stop` waits for the exit). When a
  /// signal came first, this waits for its handler to end the process.
  public static func finish() {
    guard !finished else { return }
    finished = true
    lock.acquire()
  }

  /// Whether `finish` was called (only the thread that ends the process calls it).
  nonisolated(unsafe) private static var finished = false
}
