import Foundation
import Testing

/// Every rejection of a hostile CSV file is exit 2 with nothing on stdout (STYLE 20), never a
/// crash signal or another code: `simulate fit` run as a real binary on mutated copies of a
/// NIST file.
@Suite struct FitFuzzTests {
  /// Deletions, duplications and insertions of CSV syntax and edge values, from a fixed seed
  /// (a small copy of the mutator in ForecastTests/Fuzz, which this target cannot import).
  static func mutatedFiles(count: Int) throws -> [[UInt8]] {
    let norris = URL(fileURLWithPath: Simulate.fixture("nist/Norris.csv"))
    let seed = Array(try Data(contentsOf: norris))
    // Norris.csv's header is `Y,x`; the formula reads `y`.
    let header = Array("y,x\n".utf8)
    let body = Array(seed.drop { $0 != UInt8(ascii: "\n") }.dropFirst())
    let tokens = [
      "\"", ",", "\n", "\r", "NA", "1e308", "-", "nan", "inf", "x", "\u{FEFF}", "中",
      String(repeating: "9", count: 400), "\"\"", ",,", "y,x\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00]]
    var random = SplitMix64(seed: 20_261_127)
    var files: [[UInt8]] = []
    for _ in 0..<count {
      var bytes = header + body
      for _ in 0...random.below(4) {
        let at = random.below(bytes.count + 1)
        switch random.below(3) {
        case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
        case 1: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
        default:
          let end = min(bytes.count, at + 1 + random.below(60))
          let slice = Array(bytes[min(at, end)..<end])
          bytes.insert(contentsOf: slice, at: random.below(bytes.count + 1))
        }
      }
      files.append(bytes)
    }
    return files
  }

  @Test func everyRejectionExitsTwo() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("simulate-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var statuses: [Int32: Int] = [:]
    for (index, bytes) in try Self.mutatedFiles(count: 20).enumerated() {
      let file = folder.appendingPathComponent("case\(index).csv")
      try Data(bytes).write(to: file)
      let result = try Simulate.run(["fit", file.path, "y ~ x"])
      statuses[result.status, default: 0] += 1
      #expect(result.status == 0 || result.status == 2, "case \(index): \(result.stderr)")
      if result.status == 2 {
        #expect(result.stdout.isEmpty && result.stderr.hasPrefix("error: "), "case \(index)")
      }
    }
    // The mutations must exercise both outcomes, or the test proves nothing.
    #expect(statuses[0, default: 0] > 0 && statuses[2, default: 0] > 0, "\(statuses)")
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): the same files on every run and platform.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int { Int(truncatingIfNeeded: next() % UInt64(bound)) }
}
