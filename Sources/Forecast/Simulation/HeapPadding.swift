import Foundation

/// How much freed memory the process keeps for its next allocations, set once at start-up.
///
/// A run allocates and frees matrices of a few hundred kilobytes per year and batch; with
/// glibc's defaults (128 KB of padding; blocks from 128 KB up in their own mappings, unmapped
/// when freed) the memory is handed back to the system and taken again, zeroed page by page,
/// by the next batch or run. A what-if runs a scenario thousands of times: on a 1,000-point,
/// 1,000-path sweep of china-baseline those page faults were 2.3 s of system time in 5.2 s;
/// with 16 MB of padding 0.17 s in 4.0 s, for 13 MB more memory. Keeping blocks up to 32 MB
/// in the heap, and the heap from being trimmed below 64 MB of free memory, took a
/// 10,000-path run from 64 to 60 ms of CPU (docs/montecarlo-benchmark.md).
public enum HeapPadding {
  /// The padding the simulator asks for.
  public static let bytes = 16 << 20
  /// Blocks below this size come from the heap, not from mappings of their own (32 MB:
  /// glibc's largest).
  public static let mappingThreshold = 32 << 20
  /// Free memory at the top of the heap beyond which it is handed back.
  public static let trimThreshold = 64 << 20

  /// Sets the padding and thresholds, unless `MALLOC_TOP_PAD_` (or, for the thresholds,
  /// `MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`) is set in the environment.
  ///
  /// A value chosen by the user is respected. Does nothing where the allocator has no such
  /// settings.
  public static func apply(environment: [String: String] = ProcessInfo.processInfo.environment) {
    if environment["MALLOC_TOP_PAD_"] == nil { _ = systemMallopt(.topPad, bytes) }
    if environment["MALLOC_MMAP_THRESHOLD_"] == nil {
      _ = systemMallopt(.mmapThreshold, mappingThreshold)
    }
    if environment["MALLOC_TRIM_THRESHOLD_"] == nil {
      _ = systemMallopt(.trimThreshold, trimThreshold)
    }
  }
}
