import Foundation

/// A mutex for the few places that gather results from concurrent workers.
final class NSLockLike: @unchecked Sendable {
  private let lock = NSLock()
  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
