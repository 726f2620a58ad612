import Foundation
import Testing

/// Output folders as a user meets them: a folder holding other files, two runs at once, a
/// full or read-only disk, a damaged snapshot, Ctrl-C.
struct OutputSetCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let china = Simulate.packageRoot.appendingPathComponent("Scenarios/china-uncertainty.toml").path

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-sets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func names(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  @Test func aForeignFileIsNamedAndKept() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: out.appendingPathComponent("notes.docx"))
    let result = try Simulate.run(["run", Self.steady, "--format", "csv", "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("holds 'notes.docx', which is not an output file"))
    #expect(Self.names(out.path) == ["notes.docx"])
    #expect(Self.names(root.path) == ["out"])
  }

  /// A link to a folder is written through: the folder it names gets the set, the link stays,
  /// nothing is left beside it. A folder of CSV files that no run wrote is not replaced.
  @Test func aLinkIsWrittenThroughAndOtherCSVFilesAreKept() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let real = root.appendingPathComponent("real")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("link").path, withDestinationPath: real.path)
    let run = try Simulate.run(["run", Self.steady, "--format", "csv", "--out", root.appendingPathComponent("link").path])
    #expect(run.status == 0)
    #expect(Self.names(real.path).contains("metadata.json"))
    #expect(Self.names(root.path) == ["link", "real"])
    let mine = root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("a\n1\n".utf8).write(to: mine.appendingPathComponent("a.csv"))
    let refused = try Simulate.run(["run", Self.steady, "--format", "csv", "--out", mine.path])
    #expect(refused.status == 2 && refused.stderr.contains("holds 'a.csv'"))
    #expect(Self.names(mine.path) == ["a.csv"])
  }

  /// A manifest that lists a file that is no table, or a table file that is gone: damaged.
  @Test func aManifestAndItsTablesMustAgree() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let snapshots = root.appendingPathComponent("snapshots").path
    #expect(try Simulate.run(["snapshot", Self.steady, "--dir", snapshots]).status == 0)
    let folder = URL(fileURLWithPath: snapshots).appendingPathComponent("steady")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("fit.csv"))
    let missing = try Simulate.run(["check", Self.steady, "--snapshots", snapshots])
    #expect(missing.status == 2 && missing.stderr.contains("is damaged: fit.csv is missing"))
    #expect(try Simulate.run(["snapshot", Self.steady, "--dir", snapshots]).status == 0)
    let manifest = folder.appendingPathComponent("manifest.json")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    try text.replacingOccurrences(of: "\"tables\": [", with: "\"tables\": [{\"path\": \"../../x.csv\", \"sha256\": \"00\"}, ")
      .write(to: manifest, atomically: true, encoding: .utf8)
    let ghost = try Simulate.run(["check", Self.steady, "--snapshots", snapshots])
    #expect(ghost.status == 2 && ghost.stderr.contains("lists '../../x.csv', which is not a table"))
  }

  @Test func twoRunsOnOneFolderBothFinishWhole() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out").path
    let group = DispatchGroup()
    let statuses = StatusBox()
    for tables in ["balance,supply", "demand,matching"] {
      group.enter()
      DispatchQueue.global().async {
        let status = (try? Simulate.run(
          ["run", Self.china, "--paths", "3000", "--format", "csv", "--tables", tables, "--out", out]))?.status ?? -1
        statuses.add(status)
        group.leave()
      }
    }
    group.wait()
    #expect(statuses.values == [0, 0])
    let found = Self.names(out)
    #expect(
      found == ["balance.csv", "metadata.json", "supply.csv"]
        || found == ["demand.csv", "matching.csv", "metadata.json"])
    #expect(Self.names(root.path) == ["out"])
  }

  @Test func aDamagedSnapshotIsDamagedNotAChange() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let snapshots = root.appendingPathComponent("snapshots").path
    #expect(try Simulate.run(["snapshot", Self.steady, "--dir", snapshots]).status == 0)
    #expect(try Simulate.run(["check", Self.steady, "--snapshots", snapshots]).status == 0)
    let balance = URL(fileURLWithPath: snapshots).appendingPathComponent("steady/balance.csv")
    let text = try String(contentsOf: balance, encoding: .utf8)
    try String(text.prefix(text.count / 2)).write(to: balance, atomically: true, encoding: .utf8)
    let check = try Simulate.run(["check", Self.steady, "--snapshots", snapshots])
    #expect(check.status == 2)
    #expect(check.stderr.contains("is damaged: balance.csv does not match its SHA-256 in manifest.json"))
    #expect(!check.stdout.contains("moved these numbers"))
  }

  /// Starts a million-path run writing to `out`, sends `signal` after 1.5 s, and returns its
  /// exit status and standard error.
  static func interrupted(_ out: String, terminate: Bool) throws -> (status: Int32, message: String) {
    let process = Process()
    process.executableURL = Simulate.executable
    process.arguments = ["run", china, "--paths", "1000000", "--format", "csv", "--out", out]
    process.currentDirectoryURL = Simulate.packageRoot
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 1.5)
    if terminate { process.terminate() } else { process.interrupt() }
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
  }

  @Test func ctrlCLeavesThePreviousOutput() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out").path
    #expect(try Simulate.run(["run", Self.steady, "--format", "csv", "--out", out]).status == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    let (status, message) = try Self.interrupted(out, terminate: false)
    #expect(status == 130)
    #expect(message.contains("interrupted by SIGINT: stopped before any output was replaced; the previous output is intact"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before)
    #expect(Self.names(root.path) == ["out"])
  }

  /// Under a terminal the progress bar shows; SIGINT clears its line before the one message.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
  func ctrlCOnATerminalClearsTheBar() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [
      Simulate.fixture("pty/interrupt.py"), "3", Simulate.executable.path, "run", Self.china,
      "--paths", "1000000", "--format", "csv", "--out", root.appendingPathComponent("out").path,
    ]
    process.currentDirectoryURL = Simulate.packageRoot
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(text.contains("paths\\r\\x1b[Ksimulate: interrupted by SIGINT"), "\(text)")
    #expect(text.contains("exit 130"))
    #expect(Self.names(root.path).isEmpty)
  }

  /// SIGTERM stops a run the same way, with status 143.
  @Test func sigtermLeavesThePreviousOutput() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let (status, message) = try Self.interrupted(root.appendingPathComponent("out").path, terminate: true)
    #expect(status == 143)
    #expect(message.contains("interrupted by SIGTERM"))
    #expect(Self.names(root.path).isEmpty)
  }

  /// Two capacities near the largest double sum to infinity: an error naming the cell, not `inf`.
  @Test func anOverflowingCellIsAnError() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let scenario = root.appendingPathComponent("overflow.toml")
    try """
      extends = "\(Self.steady)"
      [[sectors]]
      name = "studio"
      capacity = 1.7e308
      eligibility = { arts = 0.5 }
      [[sectors]]
      name = "hall"
      capacity = 1.7e308
      eligibility = { arts = 0.5 }
      """.write(to: scenario, atomically: true, encoding: .utf8)
    let out = root.appendingPathComponent("out").path
    for arguments in [["--format", "csv", "--tables", "balance"], ["--out", out], ["--long", "--format", "csv"]] {
      let result = try Simulate.run(["run", scenario.path] + arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.contains("table overflowed"), "\(arguments): \(result.stderr)")
      #expect(!result.stdout.contains("inf"))
    }
    #expect(!FileManager.default.fileExists(atPath: out))
    let balance = try Simulate.run(["run", scenario.path, "--tables", "balance", "--format", "csv"])
    #expect(balance.stderr.contains("the balance table overflowed: 2021, column capacity is inf"))
  }

  @Test(.enabled(if: DiskFaults.canMount, "mounting a tmpfs needs root"))
  func aFullOrReadOnlyDiskKeepsTheOldSet() throws {
    let mount = try DiskFaults.mount(bytes: 16 << 10)
    defer { DiskFaults.unmount(mount) }
    let out = (mount as NSString).appendingPathComponent("out")
    #expect(try Simulate.run(["run", Self.steady, "--format", "csv", "--tables", "balance", "--out", out]).status == 0)
    let old = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    // The long form of every China table is far more than the 8 KiB left (tmpfs counts pages).
    let full = try Simulate.run(
      ["run", Self.china, "--paths", "1", "--long", "--format", "csv",
       "--tables", "supply,demand,balance,matching,fit", "--out", out])
    #expect(full.status == 2)
    #expect(full.stderr.contains("No space left on device") && full.stderr.contains("previous output is intact"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == old)
    #expect(Self.names(mount) == ["out"])
    #expect(DiskFaults.remountReadOnly(mount))
    let readOnly = try Simulate.run(["run", Self.steady, "--format", "csv", "--out", out])
    #expect(readOnly.status == 2)
    #expect(readOnly.stderr.contains("Read-only file system"))
    let snapshot = try Simulate.run(["snapshot", Self.steady, "--dir", (mount as NSString).appendingPathComponent("s")])
    #expect(snapshot.status == 2)
    #expect(snapshot.stderr.contains("Read-only file system") && !snapshot.stderr.contains("cannot write \((mount as NSString).appendingPathComponent("s")): cannot write"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == old)
  }
}

/// Exit statuses gathered from several threads.
final class StatusBox: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [Int32] = []
  func add(_ status: Int32) { lock.withLock { list.append(status) } }
  var values: [Int32] { lock.withLock { list } }
}

/// A small tmpfs of the test's own, to fill or make read-only.
enum DiskFaults {
  static let canMount: Bool = {
    guard getuid() == 0, let mount = try? mount(bytes: 4096) else { return false }
    unmount(mount)
    return true
  }()

  static func mount(bytes: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-tmpfs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) else {
      try? FileManager.default.removeItem(atPath: path)
      throw CocoaError(.fileWriteUnknown)
    }
    return path
  }

  static func remountReadOnly(_ path: String) -> Bool {
    run("/bin/mount", ["-o", "remount,ro", path])
  }

  static func unmount(_ path: String) {
    _ = run("/bin/umount", [path])
    try? FileManager.default.removeItem(atPath: path)
  }

  static func run(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
