import Foundation
import Testing

/// The size and seed of a fuzz run: small and fixed for CI, long and varied by hand
/// (docs/fuzzing.md).
///
/// Environment:
/// - `FORECAST_FUZZ_ITERATIONS`: cases per target (default: each target's CI count);
/// - `FORECAST_FUZZ_SEED`: the run's seed (default 20261126), so each long run can cover new
///   inputs;
/// - `FORECAST_FUZZ_CASE`: run only this case number, printing its input, to reproduce a
///   failure reported as `FORECAST_FUZZ_SEED=s FORECAST_FUZZ_CASE=i`.
struct FuzzRun {
  static let defaultSeed: UInt64 = 20_261_126
  /// The longest one input may take before it counts as a hang. Cases take milliseconds; 5 s
  /// leaves room for a machine busy with parallel builds (2.8 s was seen under such load).
  static let caseTimeLimit = Duration.seconds(5)

  let seed: UInt64
  let iterations: Int
  let onlyCase: Int?

  init(defaultIterations: Int) {
    let environment = ProcessInfo.processInfo.environment
    seed = environment["FORECAST_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
    iterations =
      environment["FORECAST_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? defaultIterations
    onlyCase = environment["FORECAST_FUZZ_CASE"].flatMap { Int($0) }
  }

  /// Runs `body` once per case with that case's mutator, failing any case slower than
  /// `caseTimeLimit`.
  ///
  /// Before each case the file `forecast-fuzz-<target>.last` in the temporary folder is
  /// rewritten with the case's reproduction line: a crash cannot be caught in-process, so
  /// that file names the input that killed the run.
  func forEachCase(
    target: String, maximumLength: Int,
    _ body: (_ mutator: inout Mutator, _ label: Comment) throws -> Void
  ) rethrows {
    let breadcrumb = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-fuzz-\(target).last")
    let cases = onlyCase.map { $0...$0 } ?? 0...(max(iterations, 1) - 1)
    let clock = ContinuousClock()
    for iteration in cases {
      let label = Comment(
        rawValue: "\(target): FORECAST_FUZZ_SEED=\(seed) FORECAST_FUZZ_CASE=\(iteration)")
      try? Data((label.rawValue + "\n").utf8).write(to: breadcrumb)
      var mutator = Mutator(
        seed: seed, target: target, iteration: iteration, maximumLength: maximumLength)
      let elapsed = try clock.measure { try body(&mutator, label) }
      #expect(elapsed < Self.caseTimeLimit, "\(label.rawValue): took \(elapsed)")
    }
    try? FileManager.default.removeItem(at: breadcrumb)
  }

  /// Prints the input when reproducing one case, escaped so that every byte shows.
  func show(_ bytes: [UInt8]) {
    guard onlyCase != nil else { return }
    let text = String(reflecting: String(decoding: bytes, as: UTF8.self))
    print("input (\(bytes.count) bytes): \(text)")
    print("bytes: \(bytes)")
  }
}
