import Foundation
import Testing

/// Kills `simulate` at every file-system step of a write (strace's fault injection: SIGKILL at
/// the Nth call of one system call, for every N until the write completes, for each call a
/// write makes) and checks after each kill that the destination holds the complete old set or
/// the complete new one, and that `check` reads a snapshot as old or new, never as damaged.
@Suite(.enabled(if: FaultInjection.available, "strace is not installed (.ci/run installs it)"))
struct FaultInjectionTests {
  @Test(arguments: FaultInjection.calls)
  func runOutIsOldOrNew(call: String) throws {
    let folder = try FaultInjection.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out").path
    let old = ["run", FaultInjection.steady, "--format", "csv", "--tables", "balance,supply", "--out", out]
    let new = ["run", FaultInjection.steady, "--format", "csv", "--tables", "supply,demand", "--out", out]
    #expect(try Simulate.run(old).status == 0)
    let oldSet = try FaultInjection.contents(out)
    let newFolder = folder.appendingPathComponent("reference").path
    #expect(try Simulate.run(Array(new.dropLast()) + [newFolder]).status == 0)
    let newSet = try FaultInjection.contents(newFolder)
    #expect(oldSet != newSet)
    var kills = 0
    for n in 1...FaultInjection.maximumSteps {
      let status = try FaultInjection.run(new, killingAt: call, invocation: n)
      let found = try FaultInjection.contents(out)
      #expect(found == oldSet || found == newSet, "killed at \(call) #\(n): a mixed set \(found.keys.sorted())")
      if status == 0 {
        #expect(found == newSet)
        break
      }
      #expect(status == 137, "\(call) #\(n): status \(status)")
      kills += 1
      // Back to the old set for the next kill.
      if found == newSet { #expect(try Simulate.run(old).status == 0) }
    }
    #expect(kills < FaultInjection.maximumSteps, "the write never completed")
    // Every call but `rename` (which only a first write makes) is a step of this write.
    #expect(call == "rename" || kills > 0, "no \(call) was ever interrupted")
  }

  @Test(arguments: FaultInjection.calls)
  func snapshotIsOldOrNew(call: String) throws {
    let folder = try FaultInjection.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let changed = try FaultInjection.changedScenario(in: folder)
    let snapshots = folder.appendingPathComponent("snapshots").path
    let target = (snapshots as NSString).appendingPathComponent("steady")
    #expect(try Simulate.run(["snapshot", FaultInjection.steady, "--dir", snapshots]).status == 0)
    let oldSet = try FaultInjection.contents(target)
    var kills = 0
    for n in 1...FaultInjection.maximumSteps {
      let status = try FaultInjection.run(
        ["check", changed, "--snapshots", snapshots, "--update"], killingAt: call, invocation: n)
      let found = try FaultInjection.contents(target)
      let check = try Simulate.run(["check", changed, "--snapshots", snapshots])
      // The old snapshot is of other numbers (exit 1); the new one agrees (exit 0); a mixed
      // or torn one would be damaged (exit 2).
      if found == oldSet {
        #expect(check.status == 1, "\(call) #\(n): \(check.stderr)")
      } else {
        #expect(check.status == 0, "\(call) #\(n): a snapshot neither old nor new: \(check.stdout)\(check.stderr)")
      }
      if status == 0 { break }
      #expect(status == 137, "\(call) #\(n): status \(status)")
      kills += 1
      if found != oldSet {
        #expect(try Simulate.run(["snapshot", FaultInjection.steady, "--dir", snapshots]).status == 0)
      }
    }
    #expect(kills < FaultInjection.maximumSteps, "the update never completed")
    #expect(call == "rename" || kills > 0, "no \(call) was ever interrupted")
  }
}

/// strace's fault injection, and the files a test compares.
enum FaultInjection {
  static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")
  /// The system calls that writing a set makes.
  static let calls = ["mkdir", "openat", "write", "fsync", "renameat2", "rename", "unlink", "rmdir"]
  static let maximumSteps = 400
  static let steady = Simulate.fixture("simulation/steady.toml")

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-faults-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The steady scenario with another capacity, under the same name (so the same snapshot).
  static func changedScenario(in folder: URL) throws -> String {
    let text = try String(contentsOfFile: steady, encoding: .utf8)
      .replacingOccurrences(of: "capacity = 100", with: "capacity = 150")
      .replacingOccurrences(of: "file = \"data/", with: "file = \"\(Simulate.fixture("simulation/data"))/")
    let path = folder.appendingPathComponent("steady-changed.toml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The regular files of a folder by name, with their bytes (empty when it does not exist).
  static func contents(_ path: String) throws -> [String: Data] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [:] }
    var out: [String: Data] = [:]
    for name in names {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name))
    }
    return out
  }

  /// Runs `simulate` under strace, killed by SIGKILL at the `invocation`th call of `call`;
  /// returns its exit status (137 when killed, as a shell reports it).
  static func run(_ arguments: [String], killingAt call: String, invocation: Int) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
    process.arguments =
      ["-f", "-qq", "-o", "/dev/null", "-e", "trace=\(call)",
       "-e", "inject=\(call):signal=SIGKILL:when=\(invocation)", Simulate.executable.path]
      + arguments
    process.currentDirectoryURL = Simulate.packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
  }
}
