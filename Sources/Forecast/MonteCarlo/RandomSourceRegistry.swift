/// The random sources a run draws from, by stream region: two names whose hashes share a
/// region would draw the same numbers, so a run checks that none do.
final class RandomSourceRegistry: @unchecked Sendable {
  private var names: [UInt64: String] = [:]
  private var clashes: [(String, String)] = []
  private let lock = NSLockLike()

  func register(_ name: String) {
    let region = RandomSource(name).regionOffset
    lock.withLock {
      if let other = names[region] {
        if other != name { clashes.append((min(other, name), max(other, name))) }
      } else {
        names[region] = name
      }
    }
  }

  /// The first pair of names found on one region, in name order.
  var clash: (String, String)? {
    lock.withLock { clashes.min { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 } }
  }
}
