/// SplitMix64 (Steele, Lea and Flood 2014): the benchmark's data generator, chosen because
/// numpy reproduces it bit for bit with vectorised uint64 arithmetic (peers.py), so both sides
/// fit the same numbers.
struct SplitMix64 {
  static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// The i-th output of the stream started at `seed`.
  @inline(__always) static func value(seed: UInt64, index: UInt64) -> UInt64 {
    var z = seed &+ (index &+ 1) &* gamma
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  @inline(__always) static func uniform(seed: UInt64, index: UInt64) -> Double {
    Double(value(seed: seed, index: index) >> 11) * 0x1p-53
  }
}
