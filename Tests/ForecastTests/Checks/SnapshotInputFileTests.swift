import Foundation
import Testing

@testable import Forecast

/// Snapshot files are read like data files: a FIFO in place of one is refused at once.
@Suite struct SnapshotInputFileTests {
  @Test(.timeLimit(.minutes(1))) func fifoManifestIsRefusedAtOnce() throws {
    let (p, metadata, directory, supply) = try SnapshotCorruptionTests.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let folder = (supply as NSString).deletingLastPathComponent
    let manifest = (folder as NSString).appendingPathComponent("manifest.json")
    try FileManager.default.removeItem(atPath: manifest)
    let mkfifo = Process()
    mkfifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
    mkfifo.arguments = [manifest]
    try mkfifo.run()
    mkfifo.waitUntilExit()
    let start = ContinuousClock.now
    #expect(
      throws: CheckError.snapshotUnreadable(
        path: manifest, reason: "expected a regular file, found a FIFO (named pipe)")
    ) {
      _ = try Snapshot.compare(p, metadata: metadata, in: directory)
    }
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test(.timeLimit(.minutes(1))) func fifoTableIsRefusedAtOnce() throws {
    let (p, metadata, directory, supply) = try SnapshotCorruptionTests.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.removeItem(atPath: supply)
    let mkfifo = Process()
    mkfifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
    mkfifo.arguments = [supply]
    try mkfifo.run()
    mkfifo.waitUntilExit()
    #expect(
      throws: CheckError.snapshotCSV(
        .notARegularFile(file: supply, found: "a FIFO (named pipe)"))
    ) {
      _ = try Snapshot.compare(p, metadata: metadata, in: directory)
    }
  }
}
