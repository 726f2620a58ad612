import Foundation
import Testing

/// Hostile inputs end to end: `simulate` exits 2 at once with a message naming the file, line or
/// key, never with a signal, a hang or unbounded memory (docs/reliability.md, "Bounded input").
@Suite struct BoundedInputTests {
  /// A fresh temporary folder for one test.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("simulate-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, to url: URL) throws -> String {
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static func mkfifo(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
    process.arguments = [url.path]
    try process.run()
    process.waitUntilExit()
    return url.path
  }

  /// Runs `simulate` and expects exit 2 with `words`, in under `seconds`.
  static func expectQuickBadInput(
    _ arguments: [String], environment: [String: String] = [:], seconds: Double = 10,
    mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let start = ContinuousClock.now
    let result = try Simulate.run(arguments, environment: environment, timeout: seconds * 2)
    let elapsed = ContinuousClock.now - start
    expectBadInput(result, mentioning: words, sourceLocation: sourceLocation)
    #expect(elapsed < .seconds(seconds), "took \(elapsed)", sourceLocation: sourceLocation)
  }

  /// Opening a FIFO for reading blocked until a writer came: forever.
  @Test func fifoDataFile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = try Self.mkfifo(folder.appendingPathComponent("data.csv"))
    try Self.expectQuickBadInput(
      ["fit", fifo, "y ~ x"], seconds: 5,
      mentioning: ["data.csv: expected a regular file, found a FIFO (named pipe)"])
  }

  @Test func fifoDataFileOfAScenario() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = try Self.mkfifo(folder.appendingPathComponent("births.csv"))
    let scenario = try Self.write(
      """
      extends = "\(Simulate.fixture("scenarios/good.toml"))"

      [data.births]
      file = "\(fifo)"
      column = "births"
      """, to: folder.appendingPathComponent("s.toml"))
    try Self.expectQuickBadInput(
      ["validate", scenario], seconds: 5,
      mentioning: ["data.births.file", "found a FIFO (named pipe)"])
  }

  @Test func fifoScenario() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = try Self.mkfifo(folder.appendingPathComponent("s.toml"))
    try Self.expectQuickBadInput(
      ["run", fifo], seconds: 5,
      mentioning: ["expected a scenario file (TOML), found a FIFO (named pipe)"])
  }

  /// /dev/zero was read until memory ran out.
  @Test func deviceAsData() throws {
    try Self.expectQuickBadInput(
      ["fit", "/dev/zero", "y ~ x"],
      mentioning: ["/dev/zero: expected a regular file, found a character device"])
    try Self.expectQuickBadInput(
      ["validate", "/dev/zero"], mentioning: ["found a character device"])
  }

  @Test func sizeLimitAndItsSetting() throws {
    let norris = Simulate.fixture("nist/Norris.csv")
    try Self.expectQuickBadInput(
      ["fit", norris, "y ~ x"], environment: ["FORECAST_MAX_INPUT_BYTES": "100"],
      mentioning: [
        "expected a data file of at most 100 bytes, found", "set FORECAST_MAX_INPUT_BYTES",
      ])
    try Self.expectQuickBadInput(
      ["fit", norris, "y ~ x"], environment: ["FORECAST_MAX_INPUT_BYTES": "a lot"],
      mentioning: ["FORECAST_MAX_INPUT_BYTES must be a whole number of bytes", "\"a lot\""])
    let raised = try Simulate.run(
      ["fit", norris, "y ~ x"], environment: ["FORECAST_MAX_INPUT_BYTES": "1M"])
    #expect(raised.status == 0, "\(raised.stderr)")
    try Self.expectQuickBadInput(
      ["validate", Simulate.fixture("scenarios/good.toml")],
      environment: ["FORECAST_MAX_SCENARIO_BYTES": "1K"],
      mentioning: ["expected a scenario file of at most 1 KiB", "FORECAST_MAX_SCENARIO_BYTES"])
  }

  /// Five thousand nested parentheses overflowed the stack: signal 11.
  @Test func deeplyNestedFormula() throws {
    let formula = "y ~ I(" + String(repeating: "(", count: 5000) + "x"
      + String(repeating: ")", count: 5001)
    try Self.expectQuickBadInput(
      ["fit", Simulate.fixture("nist/Norris.csv"), formula],
      mentioning: ["expected an expression at most 100 levels deep"])
  }

  struct ScenarioCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let words: [String]
    var testDescription: String { name }
  }

  static let scenarios = [
    ScenarioCase(
      name: "nested arrays",
      text: "[scenario]\nname = " + String(repeating: "[", count: 10_000)
        + String(repeating: "]", count: 10_000) + "\n",
      words: ["s.toml:2:", "expected arrays and inline tables nested at most 32 deep"]),
    ScenarioCase(
      name: "a long dotted key",
      text: Array(repeating: "k", count: 100_000).joined(separator: ".") + " = 1\n",
      words: ["s.toml:1:", "expected a key of at most 16 dotted parts"]),
    ScenarioCase(
      name: "a long line",
      text: "[scenario]\ntitle = \"" + String(repeating: "t", count: 100_000) + "\"\n",
      words: ["s.toml:2:", "expected lines of at most 65536 bytes"]),
  ]

  @Test(arguments: scenarios) func hostileScenario(_ c: ScenarioCase) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(c.text, to: folder.appendingPathComponent("s.toml"))
    try Self.expectQuickBadInput(["validate", file], mentioning: c.words)
  }

  /// A NUL escape silently cut the data path short.
  @Test func nulInAScenarioString() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(
      """
      extends = "\(Simulate.fixture("scenarios/good.toml"))"

      [data.births]
      file = "\(Simulate.fixture("scenarios/data/births.csv"))\\u0000.bak"
      column = "births"
      """, to: folder.appendingPathComponent("s.toml"))
    try Self.expectQuickBadInput(
      ["validate", file],
      mentioning: ["s.toml:4:", "data.births.file: expected a string without NUL characters"])
  }

  /// A 200 KB header of 40,000 columns over blank lines reserved 21 GB.
  @Test func wideHeader() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = (0..<40_000).map { String($0, radix: 16) }.joined(separator: ",")
    let file = try Self.write(
      header + "\n" + String(repeating: "\n", count: 60_000),
      to: folder.appendingPathComponent("wide.csv"))
    try Self.expectQuickBadInput(
      ["fit", file, "y ~ x"],
      mentioning: ["wide.csv: line 1: expected at most 10000 columns in the header"])
  }

  /// Terminal escapes in a data file reached the terminal through the error message.
  @Test func controlCharactersAreEscaped() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(
      "year,y\n2020,1\n\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E},2\n",
      to: folder.appendingPathComponent("esc.csv"))
    let result = try Simulate.run(["fit", file, "y ~ year"], timeout: 20)
    expectBadInput(result, mentioning: ["\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{202E}"])
    #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x202E })
  }

  /// Under `ulimit -v`, the memory guard sees the limit, not the machine's memory.
  @Test func memoryGuardSeesTheAddressSpaceLimit() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c",
      "ulimit -v 1048576 && exec \"$0\" run Scenarios/china-baseline.toml --paths 1000000"
        + " --tables balance",
      Simulate.executable.path,
    ]
    process.currentDirectoryURL = Simulate.packageRoot
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
      if process.isRunning { process.terminate() }
    }
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2, "\(stderr)")
    #expect(stderr.contains("1000000 paths would need about 1.7 GB"), "\(stderr)")
    #expect(stderr.contains("1.1 GB"), "\(stderr)")
  }
}
