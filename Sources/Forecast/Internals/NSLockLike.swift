import Foundation

/// A mutex for the few places that gather results from concurrent workers.
final class NSLockLike: @unchecked Sendable {
  private let lock = NSLock()
  /// Takes the lock and keeps it (for a process that is about to exit).
  func acquire() { lock.lock() }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
