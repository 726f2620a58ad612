/// One slot per task for concurrent workers to put their results in, and a count of work done.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private var finished = 0
  private let lock = NSLockLike()

  init(count: Int) { slots = [Value?](repeating: nil, count: count) }

  /// Stores the result of task `index` and adds `work` to the total done; returns that total.
  @discardableResult
  func put(_ value: Value, at index: Int, work: Int = 1) -> Int {
    lock.withLock {
      slots[index] = value
      finished += work
      return finished
    }
  }

  var values: [Value?] { lock.withLock { slots } }
}
