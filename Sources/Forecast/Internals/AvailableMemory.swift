import Foundation

/// The memory this process can actually use: the physical memory, lowered by whatever limit
/// applies to the process, so that a run too large for a container or a `ulimit` is refused
/// with a clear error instead of being killed by the kernel halfway.
///
///     available = min(physical memory, RLIMIT_AS, RLIMIT_DATA, cgroup memory limit)
///
/// The cgroup limit is that of the process's own cgroup and of each cgroup above it (a limit on
/// a parent applies to its children): `memory.max` under cgroup v2, `memory.limit_in_bytes`
/// under cgroup v1, with the hierarchies mounted at `/sys/fs/cgroup` (v2) and
/// `/sys/fs/cgroup/memory` (v1), as systemd and container runtimes mount them. Limitations:
/// memory other processes use is not subtracted, and cgroup v2's softer `memory.high` is not
/// read.
public enum AvailableMemory {
  /// The memory available to this process, in bytes.
  public static func bytes() -> UInt64 {
    smallest(
      physical: ProcessInfo.processInfo.physicalMemory,
      limits: [systemSoftLimit(.addressSpace), systemSoftLimit(.data), cgroupLimit()])
  }

  /// The smallest of `physical` and the `limits` that are set.
  static func smallest(physical: UInt64, limits: [UInt64?]) -> UInt64 {
    limits.reduce(physical) { least, limit in limit.map { min(least, $0) } ?? least }
  }

  /// The cgroup memory limit of this process, or nil when it has none (or no cgroups).
  static func cgroupLimit() -> UInt64? {
    cgroupLimit(membership: readSmallFile("/proc/self/cgroup") ?? "", read: readSmallFile)
  }

  /// The cgroup memory limit for the membership lines of `/proc/<pid>/cgroup`
  /// (`hierarchy:controllers:path`), reading control files with `read`; nil without a limit.
  ///
  /// ```text
  /// 0::/user.slice/session-1.scope        (v2: memory.max of each folder up to the root)
  /// 4:memory:/docker/0123abcd             (v1: memory.limit_in_bytes likewise)
  /// ```
  static func cgroupLimit(membership: String, read: (String) -> String?) -> UInt64? {
    var limits: [UInt64] = []
    for line in membership.split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      let controllers = fields[1].split(separator: ",")
      let path = String(fields[2])
      if fields[0] == "0" && controllers.isEmpty {
        limits += limitsUpward(from: path, root: "/sys/fs/cgroup", file: "memory.max", read: read)
      } else if controllers.contains("memory") {
        limits += limitsUpward(
          from: path, root: "/sys/fs/cgroup/memory", file: "memory.limit_in_bytes", read: read)
      }
    }
    return limits.min()
  }

  /// The limits in `file` of the cgroup at `path` under `root` and of every cgroup above it.
  ///
  /// The walk reaches the root, whose file holds the limit of a container whose cgroup
  /// namespace hides the path outside it.
  private static func limitsUpward(
    from path: String, root: String, file: String, read: (String) -> String?
  ) -> [UInt64] {
    var components = path.split(separator: "/").map(String.init)
    var limits: [UInt64] = []
    while true {
      let folder = ([root] + components).joined(separator: "/")
      if let text = read(folder + "/" + file), let limit = parseLimit(text) { limits.append(limit) }
      guard !components.isEmpty else { return limits }
      components.removeLast()
    }
  }

  /// A control file's limit: a number of bytes; nil for `max` (v2) or a number of 2^62 or
  /// more (v1 writes "no limit" as the largest page multiple below 2^63).
  static func parseLimit(_ text: String) -> UInt64? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let value = UInt64(trimmed), value < 1 << 62 else { return nil }
    return value
  }

  /// A small text file such as `/proc/self/cgroup` (whose size reads as 0): nil when missing.
  private static func readSmallFile(_ path: String) -> String? {
    guard let bytes = try? InputFile.read(
      atPath: path, limit: InputLimit(what: "a control file", bytes: 1 << 16, variable: ""))
    else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}
