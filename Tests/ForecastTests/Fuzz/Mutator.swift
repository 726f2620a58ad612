/// A seeded byte mutator for hostile-input tests: it turns a well-formed seed (a CSV file, a
/// formula, a scenario) into a nearby malformed one, the way a fuzzer or a careless edit would.
///
/// Each case draws from its own `SeededGenerator`, keyed by the run's seed, the target and the
/// case number (`caseGenerator`), so one failing case is reproduced without replaying the ones
/// before it. Mutations: bit flips, random bytes, deletions, insertions of tokens that mean
/// something to one of the parsers (quotes, separators, brackets, operators, function names,
/// extreme numbers, multibyte and invalid UTF-8), runs of one token (deep nesting), duplicated
/// slices and splices of two seeds. Output is cut to `maximumLength` so that no case is slow
/// only because it is large.
struct Mutator {
  /// Tokens worth inserting: the syntax of CSV, TOML and formulas, and values at the edges.
  static let tokens: [[UInt8]] = {
    let text = [
      "\"", "\"\"", "\"\"\"", "'", ",", "\n", "\r", "\r\n", "=", "[", "[[", "]", "]]", "{", "}",
      "~", "(", ")", "^", "+", "-", "*", "/", ":", ".", "#", "`", "\\", " ", "\t", "lag(",
      "diff(", "poly(", "log(", "logit(", "I(", "x, 18)", "year", "y", "1e308", "-1e308",
      "1e-400", "1e999999", "nan", "NaN", "NA", "inf", "-inf", "0", "-1", "1", "0.5",
      "9223372036854775807", "-9223372036854775808", "18446744073709551616",
      String(repeating: "9", count: 400), "0x1p3", "1_000", "true", "é", "中", "😀", "\u{0301}",
      "extends = \"", "file = \"", "column = \"", "model = \"", "years = [", "[scenario]",
      "[[tracks]]", "[data.x]", "= {", "2025", "-2025",
    ]
    var tokens = text.map { Array($0.utf8) }
    // Bytes that are not valid UTF-8: a lone continuation, a truncated sequence, a surrogate,
    // an overlong encoding, 0xFF, a NUL, and a byte-order mark out of place.
    tokens += [[0x80], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF], [0x00]]
    tokens += [[0xEF, 0xBB, 0xBF]]
    return tokens
  }()

  /// The longest output, in bytes.
  let maximumLength: Int
  private var random: SeededGenerator

  /// A mutator for case `iteration` of `target` in the run seeded `seed`.
  init(seed: UInt64, target: String, iteration: Int, maximumLength: Int) {
    self.maximumLength = maximumLength
    random = Self.caseGenerator(seed: seed, target: target, iteration: iteration)
  }

  /// The generator of one case: SplitMix64 keyed by a hash of (seed, target, iteration).
  static func caseGenerator(seed: UInt64, target: String, iteration: Int) -> SeededGenerator {
    // FNV-1a of the target name, so each target draws a different stream from the same seed.
    var key: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in target.utf8 { key = (key ^ UInt64(byte)) &* 0x100_0000_01B3 }
    var mixer = SeededGenerator(seed: seed ^ key)
    let base = mixer.next()
    let step = UInt64(truncatingIfNeeded: iteration) &* 0xD1B5_4A32_D192_ED03
    return SeededGenerator(seed: base &+ step)
  }

  /// A uniform integer in `0..<bound` (bound > 0); the tiny modulo bias does not matter here.
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: random.next() % UInt64(bound))
  }

  /// Picks one element of a non-empty array.
  mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// `seed` after one to eight random mutations; `partner` is the other half of a splice.
  mutating func mutate(_ seed: [UInt8], partner: [UInt8]) -> [UInt8] {
    var bytes = seed
    for _ in 0...below(8) { mutateOnce(&bytes, partner: partner) }
    if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
    return bytes
  }

  private mutating func mutateOnce(_ bytes: inout [UInt8], partner: [UInt8]) {
    let at = below(bytes.count + 1)
    switch below(10) {
    case 0 where !bytes.isEmpty:
      bytes[min(at, bytes.count - 1)] ^= UInt8(1) << UInt8(below(8))
    case 1 where !bytes.isEmpty:
      bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
    case 2, 3:
      let end = min(bytes.count, at + 1 + below(below(2) == 0 ? 4 : 64))
      bytes.removeSubrange(min(at, end)..<end)
    case 4, 5, 6:
      bytes.insert(contentsOf: pick(Self.tokens), at: at)
    case 7:
      // A run of one token: deep nesting, long operator chains, long lines.
      let token = pick(Self.tokens)
      let run = Array([[UInt8]](repeating: token, count: 1 + below(300)).joined())
      bytes.insert(contentsOf: run, at: at)
    case 8 where !bytes.isEmpty:
      let start = below(bytes.count)
      let end = min(bytes.count, start + 1 + below(256))
      let slice = Array(bytes[start..<end])
      bytes.insert(contentsOf: slice, at: below(bytes.count + 1))
    case 9:
      // Splice: this input's head, the partner's tail.
      let cut = below(partner.count + 1)
      bytes = Array(bytes[..<at]) + Array(partner[cut...])
    default:
      bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
    }
  }
}
