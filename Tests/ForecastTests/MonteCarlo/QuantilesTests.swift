import Foundation
import Testing

@testable import Forecast

/// Type 7 quantiles against numpy's `quantile` (its default method is type 7) and against a
/// full sort, exactly: selection must find the same order statistics.
@Suite struct QuantilesTests {
  /// The definition, by sorting everything (the implementation before selection).
  static func sortedType7(_ values: [Double], levels: [Double]) -> [Double] {
    let sorted = values.filter { !$0.isNaN }.map { $0 + 0 }.sorted()
    guard !sorted.isEmpty else { return levels.map { _ in .nan } }
    return levels.map { p in
      let h = Double(sorted.count - 1) * p
      let lower = Int(h.rounded(.down))
      let upper = min(lower + 1, sorted.count - 1)
      let fraction = h - Double(lower)
      return fraction == 0
        ? sorted[lower] : sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
  }

  /// The values numpy gives.
  ///
  /// numpy 2.4: `np.quantile([10, 1, 4, 2, 3], [0.05, 0.25, 0.5, 0.75, 0.95])` is
  /// [1.2, 2, 3, 4, 8.8], and with q = 0.025 and 0.975 it is [1.1, 9.4]. Tolerance 1e-15
  /// relative: one interpolation, rounded once.
  @Test func matchesNumpy() {
    let levels = [0.05, 0.25, 0.5, 0.75, 0.95, 0.025, 0.975]
    let expected = [1.2, 2, 3, 4, 8.8, 1.1, 9.4]
    let found = Quantiles.type7([10, 1, 4, 2, 3], levels: levels)
    for (f, e) in zip(found, expected) { #expect(abs(f - e) <= 1e-15 * e, "\(f) vs \(e)") }
  }

  @Test func edgeCases() {
    #expect(Quantiles.type7([], levels: [0.5])[0].isNaN)
    #expect(Quantiles.type7([.nan, .nan], levels: [0.5])[0].isNaN)
    #expect(Quantiles.type7([7], levels: [0, 0.5, 1]) == [7, 7, 7])
    #expect(Quantiles.type7([3, .nan, 1], levels: [0, 0.5, 1]) == [1, 2, 3])
    let zero = Quantiles.type7([-0.0, -0.0], levels: [0.5])[0]
    #expect(zero == 0 && zero.sign == .plus)
  }

  /// Random data with many ties, sizes 1 to 3000, levels in any order: the same bits as a
  /// full sort.
  @Test func selectionEqualsSorting() {
    var generator = SeededGenerator(seed: 7)
    for trial in 0..<300 {
      let n = trial < 50 ? trial + 1 : Int(generator.next() % 3000) + 1
      let distinct = Int(generator.next() % 50) + 1
      let values = (0..<n).map { _ in
        trial % 3 == 0 ? Double(generator.next() % UInt64(distinct)) : generator.centered()
      }
      let levels = (0..<5).map { _ in generator.uniform(0...1) } + [0, 1, 0.5]
      let found = Quantiles.type7(values, levels: levels)
      let expected = Self.sortedType7(values, levels: levels)
      #expect(found == expected, "trial \(trial), n \(n)")
    }
  }

  /// Infinite values, a range wider than the largest double, a subnormal range, a point mass
  /// beside a spread: the same bits as a full sort, and no trap.
  @Test func extremeRanges() {
    let levels = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
    let spread = (0..<200).map { Double($0) }
    let cases: [[Double]] = [
      spread + [.infinity], spread + [-.infinity], spread + [-.infinity, .infinity, .nan],
      spread.map { $0 * 1e306 } + [-1.7e308],
      (0..<100).map { Double($0 % 2) * Double.leastNonzeroMagnitude },
      [Double](repeating: 3, count: 150) + spread, [-0.0, 0.0] + spread.map { -$0 },
    ]
    for values in cases {
      let found = Quantiles.type7(values, levels: levels)
      let expected = Self.sortedType7(values, levels: levels)
      #expect(
        zip(found, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) },
        "\(values.prefix(3))...: \(found) vs \(expected)")
    }
  }

  /// Already sorted, reversed and constant inputs (the classic quickselect worst cases).
  @Test func adversarialOrders() {
    let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
    let ascending = (0..<2001).map(Double.init)
    for values in [ascending, Array(ascending.reversed()), [Double](repeating: 4, count: 2001)] {
      #expect(Quantiles.type7(values, levels: levels) == Self.sortedType7(values, levels: levels))
    }
  }
}
