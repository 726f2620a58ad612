import Foundation
import Testing

/// Runs the built `simulate` binary as a user would (argument-parser's AssertExecuteCommand
/// pattern): stdout, stderr and the exit status together.
struct CommandResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

enum Simulate {
  /// The binary next to the test bundle in the build folder.
  static var executable: URL {
    let bundle = Bundle.main.bundleURL
    let candidates = [bundle.deletingLastPathComponent(), bundle]
    for folder in candidates {
      let url = folder.appendingPathComponent("simulate")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return bundle.deletingLastPathComponent().appendingPathComponent("simulate")
  }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func fixture(_ relative: String) -> String {
    packageRoot.appendingPathComponent("Tests/ForecastTests/Fixtures").appendingPathComponent(relative).path
  }

  /// Runs the binary; with `timeout`, a process still running after that many seconds is
  /// terminated (its status is then SIGTERM's), so a hang fails the test instead of stalling it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], timeout: Double? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value.isEmpty ? nil : value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let timeout {
      DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
        if process.isRunning { process.terminate() }
      }
    }
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// Expects exit 2, nothing on stdout, and each of `words` in the message on stderr.
func expectBadInput(
  _ result: CommandResult, mentioning words: [String], _ note: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == 2, "\(note): \(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "\(note)", sourceLocation: sourceLocation)
  for word in words {
    #expect(
      result.stderr.contains(word), "\(note): \(result.stderr)", sourceLocation: sourceLocation)
  }
}
