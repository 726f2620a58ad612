import Foundation

/// How much freed memory the process keeps for its next allocations, set once at start-up.
///
/// A run allocates and frees matrices of a few hundred kilobytes per year and batch; with
/// glibc's default (128 KB of padding) the heap is handed back to the system after each run
/// and taken again, zeroed page by page, by the next. A what-if runs a scenario thousands of
/// times: on a 1,000-point, 1,000-path sweep of china-baseline those page faults were 2.3 s
/// of system time in 5.2 s; with 16 MB of padding 0.17 s in 4.0 s, for 13 MB more memory.
public enum HeapPadding {
  /// The padding the simulator asks for.
  public static let bytes = 16 << 20

  /// Sets the padding, unless `MALLOC_TOP_PAD_` is set in the environment.
  ///
  /// A value chosen by the user is respected. Does nothing where the allocator has no such
  /// setting.
  public static func apply(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard environment["MALLOC_TOP_PAD_"] == nil else { return }
    _ = systemSetHeapTopPad(bytes)
  }
}
