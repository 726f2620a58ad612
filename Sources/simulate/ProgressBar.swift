import Foundation

/// A progress bar on standard error, shown only when standard error is a terminal and only
/// once a run has lasted about a second; nothing at all otherwise (pipes, files, CI logs).
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let label: String
  private let unit: String
  private let start = Date()
  private let lock = NSLock()
  private let enabled: Bool
  private var shown = false
  private var most = 0

  init(total: Int, label: String, unit: String = "paths") {
    self.total = total
    self.label = label
    self.unit = unit
    enabled = isatty(STDERR_FILENO) == 1 && total > 1
  }

  /// Called with the work done so far (from any thread).
  func update(_ done: Int) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    // Batches finish in any order: show the most reported, never a step back.
    most = max(most, done)
    guard Date().timeIntervalSince(start) >= 1 else { return }
    shown = true
    let done = most
    let width = 30
    let filled = total == 0 ? width : min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total) \(unit)".utf8))
  }

  /// Runs `work` with a bar's `update` as its progress callback, and clears the bar before
  /// returning or throwing, so what is written next starts on a clean line.
  static func showing<T, E: Error>(
    total: Int, label: String, unit: String = "paths",
    _ work: (@escaping @Sendable (Int) -> Void) throws(E) -> T
  ) throws(E) -> T {
    let bar = ProgressBar(total: total, label: label, unit: unit)
    shownBar.set(bar)
    defer {
      bar.finish()
      shownBar.set(nil)
    }
    return try work(bar.update)
  }

  /// The bar being shown, for an interruption to clear.
  static let shownBar = ShownBar()

  /// Holds the bar being shown, behind a lock.
  final class ShownBar: @unchecked Sendable {
    private let lock = NSLock()
    private var bar: ProgressBar?
    func set(_ value: ProgressBar?) { lock.withLock { bar = value } }
    func finish() { lock.withLock { bar }?.finish() }
  }

  /// Clears the bar's line, if it was shown (once: later calls do nothing).
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }
}
