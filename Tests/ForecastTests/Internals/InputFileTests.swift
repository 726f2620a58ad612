import Foundation
import Testing

@testable import Forecast

/// Input files are read only when they are regular files within their size limit, and refused
/// at once, before being opened, otherwise (docs/reliability.md, "Bounded input").
@Suite struct InputFileTests {
  static let small = InputLimit(what: "a test file", bytes: 16, variable: "TEST_LIMIT")

  @Test func regularFileIsReadWhole() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("a.txt", "0123456789abcdef")
    #expect(try InputFile.read(atPath: path, limit: Self.small) == Array("0123456789abcdef".utf8))
  }

  /// A FIFO would block the open, or the first read, forever.
  @Test(.timeLimit(.minutes(1))) func fifoIsRefusedAtOnce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fifo = try folder.fifo("pipe.csv")
    let start = ContinuousClock.now
    #expect(throws: InputFile.Failure.notRegular(.fifo)) {
      try InputFile.read(atPath: fifo, limit: Self.small)
    }
    #expect(ContinuousClock.now - start < .seconds(2))
    #expect(throws: CSVError.notARegularFile(file: fifo, found: "a FIFO (named pipe)")) {
      try CSVReader.read(contentsOf: fifo)
    }
  }

  struct KindCase: CustomTestStringConvertible, Sendable {
    let name: String
    let path: String
    let found: String
    var testDescription: String { name }
  }

  /// /dev/zero would be read until memory ran out; a directory cannot be read.
  static let kinds = [
    KindCase(name: "/dev/zero", path: "/dev/zero", found: "a character device"),
    KindCase(name: "/dev/null", path: "/dev/null", found: "a character device"),
  ]

  @Test(arguments: kinds) func notARegularFile(_ c: KindCase) {
    #expect(throws: CSVError.notARegularFile(file: c.path, found: c.found)) {
      try CSVReader.read(contentsOf: c.path)
    }
    #expect(
      CSVError.notARegularFile(file: c.path, found: c.found).description
        == "\(c.path): expected a regular file, found \(c.found)")
  }

  /// A directory is refused before it is opened, with the system's message (as before).
  @Test func directory() {
    #expect(throws: CSVError.unreadable(file: "/tmp", reason: "Is a directory")) {
      try CSVReader.read(contentsOf: "/tmp")
    }
    #expect(throws: InputFile.Failure.notRegular(.directory)) {
      try InputFile.read(atPath: "/tmp", limit: Self.small)
    }
  }

  @Test func fileOverTheLimitIsRefusedBeforeReading() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("big.txt", String(repeating: "x", count: 17))
    #expect(throws: InputFile.Failure.tooLarge(size: 17, limit: Self.small)) {
      try InputFile.read(atPath: path, limit: Self.small)
    }
    let error = CSVError.fileTooLarge(
      file: "big.csv", size: 300 << 20, limit: InputLimit.defaultDataBytes,
      variable: InputLimit.dataVariable)
    #expect(
      error.description
        == "big.csv: expected a data file of at most 256 MiB (268,435,456 bytes), found 300 MiB"
        + " (314,572,800 bytes); set FORECAST_MAX_INPUT_BYTES to raise the limit")
  }

  /// Files in /proc report a size of 0 and are read in chunks; the limit still holds.
  @Test func fileWithoutASizeIsBoundedWhileReading() throws {
    let status = try InputFile.read(
      atPath: "/proc/self/status", limit: InputLimit(what: "", bytes: 1 << 20, variable: ""))
    #expect(String(decoding: status, as: UTF8.self).contains("VmRSS"))
    #expect {
      try InputFile.read(atPath: "/proc/self/status", limit: InputLimit(what: "", bytes: 64, variable: ""))
    } throws: { error in
      guard case .tooLarge(let size, _) = error as? InputFile.Failure else { return false }
      return size == 65
    }
  }

  @Test func missingFile() {
    #expect(throws: CSVError.fileNotFound(file: "/nonexistent/x.csv")) {
      try CSVReader.read(contentsOf: "/nonexistent/x.csv")
    }
  }

  struct SizeCase: CustomTestStringConvertible, Sendable {
    let text: String
    let bytes: Int?
    var testDescription: String { "\"\(text)\"" }
  }

  static let sizes = [
    SizeCase(text: "4096", bytes: 4096), SizeCase(text: "64K", bytes: 64 << 10),
    SizeCase(text: "256MiB", bytes: 256 << 20), SizeCase(text: "2g", bytes: 2 << 30),
    SizeCase(text: " 1 ", bytes: 1), SizeCase(text: "0", bytes: nil),
    SizeCase(text: "-5", bytes: nil), SizeCase(text: "1.5G", bytes: nil),
    SizeCase(text: "abc", bytes: nil), SizeCase(text: "99999999999999999999", bytes: nil),
    SizeCase(text: "9000000000G", bytes: nil), SizeCase(text: "10T", bytes: nil),
  ]

  @Test(arguments: sizes) func sizeSetting(_ c: SizeCase) {
    #expect(InputLimit.parseSize(c.text) == c.bytes)
  }

  @Test func limitsFromTheEnvironment() throws {
    #expect(try InputLimit.data(environment: [:]).bytes == 256 << 20)
    #expect(try InputLimit.scenario(environment: [:]).bytes == 4 << 20)
    #expect(try InputLimit.data(environment: ["FORECAST_MAX_INPUT_BYTES": "1G"]).bytes == 1 << 30)
    #expect(
      try InputLimit.scenario(environment: ["FORECAST_MAX_SCENARIO_BYTES": "100"]).bytes == 100)
    #expect(throws: InputFile.Failure.badLimitSetting(variable: "FORECAST_MAX_INPUT_BYTES", found: "lots")) {
      try InputLimit.data(environment: ["FORECAST_MAX_INPUT_BYTES": "lots"])
    }
  }

  @Test func sizesInMessages() {
    #expect(InputLimit.describe(bytes: 53) == "53 bytes")
    #expect(InputLimit.describe(bytes: 1) == "1 byte")
    #expect(InputLimit.describe(bytes: 4 << 20) == "4 MiB (4,194,304 bytes)")
    #expect(InputLimit.describe(bytes: (4 << 20) + 1) == "4 MiB (4,194,305 bytes)")
    #expect(InputLimit.describe(bytes: 1536) == "1.5 KiB (1,536 bytes)")
  }
}
