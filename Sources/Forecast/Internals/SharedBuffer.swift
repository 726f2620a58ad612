/// A buffer of doubles that concurrent workers fill in disjoint ranges.
final class SharedBuffer: @unchecked Sendable {
  private var storage: [Double]
  private let lock = NSLockLike()

  init(count: Int) { storage = [Double](repeating: 0, count: count) }

  /// Copies `values` to `offset...`; ranges written by different workers must not overlap.
  func write(at offset: Int, _ values: ArraySlice<Double>) {
    lock.withLock {
      for (i, v) in values.enumerated() { storage[offset + i] = v }
    }
  }

  var values: [Double] { lock.withLock { storage } }
}
