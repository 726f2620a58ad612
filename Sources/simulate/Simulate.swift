import ArgumentParser
import Forecast
import Foundation

/// The `simulate` command line: thin parsing over the Forecast library.
@main
struct Simulate: ParsableCommand {
  static let version = RunMetadata.toolVersion

  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Employment forecasting: regressions and graduate-supply scenarios.",
    discussion: """
      Exit codes: 0 success, 1 a failed check, 2 bad input or usage.
      """,
    version: versionText,
    subcommands: [
      Run.self, Validate.self, Targets.self, Resolve.self, Compare.self, SweepCommand.self,
      TornadoCommand.self, SensitivityCommand.self, PlotCommand.self, ReportCommand.self,
      Check.self, SnapshotCommand.self, BacktestCommand.self, Merge.self, Fit.self,
      BLASInfoCommand.self,
    ]
  )

  static var versionText: String {
    let blas = BLASInfo.current
    return "simulate \(version) (\(blas.library) kernel \(blas.kernel), \(blas.threads) threads)"
  }

  /// Parses and runs, mapping usage errors to exit code 2 (argument parser's own is 64).
  static func main() {
    // Scenario commands multiply small matrices in their own parallel batches: one BLAS
    // thread each. `fit` keeps OpenBLAS's threads for its large designs.
    let scenarioCommands: Set<String> = [
      "run", "validate", "check", "snapshot", "backtest", "compare", "sweep", "tornado", "plot",
      "report",
    ]
    KernelSelection.reexecuteIfNeeded(
      singleThreaded: CommandLine.arguments.dropFirst().first.map(scenarioCommands.contains) ?? false)
    HeapPadding.apply()
    Interruption.handleSignals { signal in
      ProgressBar.shownBar.finish()
      let placed = Interruption.stop()
      let name = signal == 15 ? "SIGTERM" : "SIGINT"
      writeError(
        "simulate: interrupted by \(name): "
          + (placed == 0
            ? "stopped before any output was replaced; the previous output is intact\n"
            : "stopped after the new output was complete and in place\n"))
      Interruption.exit(signal == 15 ? 143 : 130)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
      // A signal from here on finds the run complete; one before it has ended the process.
      Interruption.finish()
    } catch {
      Interruption.finish()
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// The command line's names of the library's settings: their flags.
extension SettingNames {
  static let commandLine = SettingNames { setting in
    switch setting {
    case .recordSnapshot: return "`simulate snapshot --dir`"
    case .updateSnapshot: return "`simulate check --update`"
    case .listTargets: return "`simulate targets SCENARIO`"
    case .checkSuite: return "simulate check"
    default: return "--\(setting.rawValue)"
    }
  }
}

/// Writes `error`'s message, settings named by their flags, after `file: ` when given, to
/// stderr, and exits with code 2 (bad input).
func failBadInput(_ error: any Error, in file: String? = nil) -> ExitCode {
  let text = message(of: error, naming: .commandLine)
  return failBadInput(file.map { "\($0): \(text)" } ?? text)
}

/// Writes `message` to stderr and exits with code 2 (bad input). Control characters from the
/// input are escaped, so a hostile file cannot drive the terminal.
func failBadInput(_ message: String) -> ExitCode {
  // A failure caused by an interruption is not reported: the signal's handler says so.
  Interruption.finish()
  let safe = Wording.escapingControlCharacters(message, keepingLineBreaks: true)
  FileHandle.standardError.write(Data("error: \(safe)\n".utf8))
  return ExitCode(2)
}

/// Writes text to stderr, its control characters escaped but for line ends and tabs.
func writeError(_ text: String) {
  FileHandle.standardError.write(Data(Wording.escapingControlCharacters(text, keepingLineBreaks: true).utf8))
}

/// Writes text to stdout in one call, so a failure never leaves half a table behind.
func writeOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

/// A folder option (`--out`, `--dir`, `--snapshots`) must not name an existing regular file.
func requireDirectory(_ path: String?, option: String) throws {
  guard let path else { return }
  // An empty name is not the current folder: it is a mistake (an unset shell variable).
  if path.trimmingCharacters(in: .whitespaces).isEmpty {
    throw ValidationError("\(option) needs a folder name, found an empty one")
  }
  var isDirectory: ObjCBool = false
  if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
    throw ValidationError("\(option) must be a directory; \(path) is a file")
  }
}
