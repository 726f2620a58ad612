import Foundation

/// Chooses OpenBLAS's kernel family when OpenBLAS itself falls back to a generic one.
///
/// Debian's OpenBLAS 0.3.21 does not recognise some recent processors and runs its Prescott
/// (SSE3) kernels on them, about 5x slower for matrix products. The variable
/// `OPENBLAS_CORETYPE` is read once, when the library loads, so a program that wants another
/// kernel sets it and re-executes itself. A user's own setting is always respected.
public enum KernelSelection {
  /// The environment variable OpenBLAS reads.
  public static let variable = "OPENBLAS_CORETYPE"
  /// Set on the re-executed process so it never re-executes twice.
  public static let marker = "FORECAST_BLAS_REEXECUTED"

  /// Kernel families older than AVX2: OpenBLAS's generic fallbacks on a modern x86-64.
  static let generic: Set<String> = [
    "prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "katmai", "coppermine",
    "northwood", "banias", "opteron", "opteron_sse3", "barcelona", "bobcat", "sandybridge",
    "bulldozer", "piledriver", "steamroller", "excavator", "unknown",
  ]

  /// The kernel to ask for, or nil to leave OpenBLAS as it is.
  /// - Parameters:
  ///   - cpuFlags: the processor's feature flags (`/proc/cpuinfo` "flags").
  ///   - currentKernel: what OpenBLAS chose (`openblas_get_corename`).
  ///   - environment: the process environment.
  public static func recommendedKernel(
    cpuFlags: Set<String>, currentKernel: String, environment: [String: String]
  ) -> String? {
    if environment[variable] != nil || environment[marker] != nil { return nil }
    guard generic.contains(currentKernel.lowercased()) else { return nil }
    let avx512 = ["avx512f", "avx512dq", "avx512bw", "avx512vl"].allSatisfy(cpuFlags.contains)
    if avx512 { return "SkylakeX" }
    if cpuFlags.contains("avx2") && cpuFlags.contains("fma") { return "Haswell" }
    return nil
  }

  /// The feature flags of the first processor in `/proc/cpuinfo` (empty where there is none).
  public static func cpuFlags(cpuinfo path: String = "/proc/cpuinfo") -> Set<String> {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    for line in text.split(separator: "\n") where line.hasPrefix("flags") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
    return []
  }

  /// The variables that set OpenBLAS's thread count; a user's setting of any is respected.
  public static let threadVariables = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"]

  /// glibc's allocator settings for a re-executed scenario program, unless the user set
  /// `GLIBC_TUNABLES`: the heap in transparent huge pages where the system allows them (its
  /// `madvise` mode), so that a run's per-path arrays fault in 2 MB at a time rather than
  /// 4 KB. A 10,000-path run of china-baseline took 0.021 s in process instead of 0.026
  /// (docs/montecarlo-benchmark.md). Other C libraries ignore the variable.
  public static let allocatorTunables = "glibc.malloc.hugetlb=1"

  /// Re-executes the running program with the recommended kernel when OpenBLAS fell back to a
  /// generic one, and with one BLAS thread when `singleThreaded` (and the user set no thread
  /// count); returns (doing nothing) otherwise or when re-execution is impossible. A
  /// single-threaded program that is re-executed also gets `allocatorTunables`.
  ///
  /// One thread is for programs whose products are all small (a scenario's n × P cohort
  /// steps, run in their own parallel batches): OpenBLAS's idle pool threads spin on
  /// `sched_yield` and took about 30% of a 10,000-path run's time, with nothing to gain.
  public static func reexecuteIfNeeded(singleThreaded: Bool = false) {
    let environment = ProcessInfo.processInfo.environment
    guard
      let variables = reexecutionVariables(
        environment: environment, cpuFlags: cpuFlags(), currentKernel: BLASInfo.current.kernel,
        threads: BLASInfo.current.threads, singleThreaded: singleThreaded)
    else { return }
    for (name, value) in variables { systemSetEnvironment(name, value) }
    // Only returns on failure; the program then carries on with the kernel it has.
    systemReexecute(arguments: CommandLine.arguments)
  }

  /// The variables `reexecuteIfNeeded` sets before re-executing, or nil when it does not
  /// re-execute: a kernel to choose, or one BLAS thread for a single-threaded program whose
  /// OpenBLAS has more (and whose user set no thread count). A re-executed single-threaded
  /// program also gets `allocatorTunables` unless the user set `GLIBC_TUNABLES`; the allocator
  /// alone is not worth a second start-up.
  public static func reexecutionVariables(
    environment: [String: String], cpuFlags: Set<String>, currentKernel: String, threads: Int,
    singleThreaded: Bool
  ) -> [String: String]? {
    guard environment[marker] == nil else { return nil }
    let kernel = recommendedKernel(
      cpuFlags: cpuFlags, currentKernel: currentKernel, environment: environment)
    let oneThread =
      singleThreaded && !threadVariables.contains { environment[$0] != nil } && threads > 1
    guard kernel != nil || oneThread else { return nil }
    var variables = [marker: "1"]
    if let kernel { variables[variable] = kernel }
    if oneThread { variables["OPENBLAS_NUM_THREADS"] = "1" }
    if singleThreaded && environment["GLIBC_TUNABLES"] == nil {
      variables["GLIBC_TUNABLES"] = allocatorTunables
    }
    return variables
  }
}
