@testable import Forecast

/// SplitMix64 (Steele, Lea and Flood 2014) as a `RandomNumberGenerator`: seeded property tests
/// (STYLE 25) draw the same inputs on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [−0.5, 0.5), for property tests.
  mutating func centered() -> Double { Double(next() >> 11) * 0x1p-53 - 0.5 }

  /// A matrix of `centered()` values, column by column.
  mutating func matrix(_ rows: Int, _ columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in centered() })
  }

  /// A uniform double in `range`, from the top 53 bits.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + Double(next() >> 11) * 0x1p-53 * (range.upperBound - range.lowerBound)
  }
}

/// |a − b| ≤ tolerance · max(1, |b|): relative for large values, absolute near zero.
func isClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(b))
}
