import Foundation

/// How much freed memory the process keeps for its next allocations, set once at start-up.
///
/// A run allocates and frees matrices of a few hundred kilobytes per year and batch; with
/// glibc's defaults (128 KB of padding; blocks from 128 KB up in mappings of their own,
/// unmapped when freed) the memory is handed back to the system and taken again, zeroed page
/// by page, by the next batch or run. A what-if runs a scenario thousands of times: on a
/// 1,000-point, 1,000-path sweep of china-baseline those page faults were 2.3 s of system time
/// in 5.2 s; with 16 MB of padding 0.17 s in 4.0 s, for 13 MB more memory. The thresholds keep
/// larger blocks (a 100,000-path run's per-year matrices) in the heap too.
public enum HeapPadding {
  /// The padding the simulator asks for.
  public static let bytes = 16 << 20
  /// Blocks below this size come from the heap, not from mappings of their own (32 MB:
  /// glibc's largest).
  public static let mappingThreshold = 32 << 20
  /// Free memory at the top of the heap beyond which it is handed back.
  public static let trimThreshold = 64 << 20

  /// Sets the padding and the thresholds, each unless the user set it: with glibc's
  /// environment variable (`MALLOC_TOP_PAD_`, `MALLOC_MMAP_THRESHOLD_`,
  /// `MALLOC_TRIM_THRESHOLD_`) or its tunable in `GLIBC_TUNABLES` (`glibc.malloc.top_pad`...).
  /// Does nothing where the allocator has no such settings.
  public static func apply(environment: [String: String] = ProcessInfo.processInfo.environment) {
    for (option, value) in settings(environment: environment) { _ = systemMallopt(option, value) }
  }

  /// The settings `apply` makes in `environment`: those the user did not set.
  static func settings(environment: [String: String]) -> [(AllocatorOption, Int)] {
    let all: [(AllocatorOption, Int, variable: String, tunable: String)] = [
      (.topPad, bytes, "MALLOC_TOP_PAD_", "glibc.malloc.top_pad"),
      (.mmapThreshold, mappingThreshold, "MALLOC_MMAP_THRESHOLD_", "glibc.malloc.mmap_threshold"),
      (.trimThreshold, trimThreshold, "MALLOC_TRIM_THRESHOLD_", "glibc.malloc.trim_threshold"),
    ]
    let tunables = environment["GLIBC_TUNABLES"] ?? ""
    return all.filter { environment[$0.variable] == nil && !tunables.contains($0.tunable) }
      .map { ($0.0, $0.1) }
  }
}
