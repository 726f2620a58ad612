import Foundation
import Testing

/// Headless Chromium for the browser tests: found on the PATH (`chromium`, `chromium-browser`,
/// `google-chrome`), run on a page with a fresh profile, its DOM after scripts ran and its log
/// returned. Tests that need it are skipped when it is absent, unless
/// `FORECAST_REQUIRE_CHROMIUM=1` (CI), which turns the absence into a failure.
enum Chromium {
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  static var required: Bool { ProcessInfo.processInfo.environment["FORECAST_REQUIRE_CHROMIUM"] == "1" }

  /// Whether the browser tests run: Chromium is there, or CI requires it (and they fail).
  static var enabled: Bool { executable != nil || required }

  static let skipReason: Comment =
    "chromium is not installed: scripts/ensure-chromium.sh installs it (make test runs it)"

  struct Run {
    let stdout: String
    let log: String
    let status: Int32
  }

  /// Runs Chromium headless on `page` with `arguments` (`--dump-dom`, `--print-to-pdf=...`),
  /// killed after `timeout` seconds.
  static func run(_ arguments: [String], page: URL, timeout: Double = 90) throws -> Run {
    guard let executable else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "chromium not found"])
    }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--disable-background-networking", "--disable-sync", "--user-data-dir=\(profile.path)",
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
    ] + arguments + [page.absoluteString]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
      if process.isRunning { process.terminate() }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      stdout: String(decoding: outData, as: UTF8.self), log: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// The page's console messages and uncaught errors, from the log.
  static func consoleMessages(_ log: String) -> [String] {
    log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
  }
}
