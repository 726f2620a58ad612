import Foundation
import Testing

@testable import Forecast

extension SensitivityTests {
  /// Inverse CDFs of the input distributions, with and without truncation.
  @Suite struct SensitivityInputTests {
    static let grid = stride(from: 0.0, through: 1.0, by: 1.0 / 64).map { $0 }

    @Test func uniform() throws {
      let input = try SensitivityInput(name: "x", distribution: .uniform(lower: 2, upper: 6))
      #expect(input.value(at: 0) == 2 && input.value(at: 0.25) == 3 && input.value(at: 1) == 6)
    }

    // Triangular [1, 1.5, 3]: F(1.5) = 0.25, and F(F⁻¹(u)) = u on a grid.
    @Test func triangular() throws {
      let d = InputDistribution.triangular(lower: 1, mode: 1.5, upper: 3)
      let input = try SensitivityInput(name: "x", distribution: d)
      #expect(input.value(at: 0) == 1 && input.value(at: 0.25) == 1.5 && input.value(at: 1) == 3)
      for u in Self.grid {
        #expect(abs(d.cdf(input.value(at: u)) - u) <= 1e-15, "u = \(u)")
      }
    }

    // Degenerate modes at either end are allowed.
    @Test(arguments: [1.0, 3.0])
    func triangularModeAtAnEnd(_ mode: Double) throws {
      let d = InputDistribution.triangular(lower: 1, mode: mode, upper: 3)
      let input = try SensitivityInput(name: "x", distribution: d)
      for u in Self.grid {
        #expect(abs(d.cdf(input.value(at: u)) - u) <= 1e-15, "u = \(u)")
      }
    }

    @Test func normal() throws {
      let input = try SensitivityInput(
        name: "x", distribution: .normal(mean: 10, standardDeviation: 2))
      #expect(input.value(at: 0.5) == 10)
      #expect(abs(input.value(at: 0.975) - (10 + 2 * 1.959963984540054)) <= 1e-14)
      #expect(input.value(at: 0) == -.infinity && input.value(at: 1) == .infinity)
    }

    // Truncated to [l, h]: values stay in the domain, the ends map to the bounds, and the
    // truncated CDF (F(x) − F(l)) / (F(h) − F(l)) inverts u.
    @Test(arguments: [
      (InputDistribution.normal(mean: 0.3, standardDeviation: 0.5), 0.0...1.0),
      (.normal(mean: 0.99, standardDeviation: 0.01), 0.0...1.0),  // a rate near its bound
      (.normal(mean: 0, standardDeviation: 1), 2.0...3.0),  // wholly in the upper tail
      (.normal(mean: 0, standardDeviation: 1), -6.0...(-5.0)),  // wholly in the lower tail
      (.normal(mean: 1, standardDeviation: 1), 0.0...Double.infinity),  // a scale factor
      (.triangular(lower: 0, mode: 1, upper: 4), 0.5...2.0),
      (.uniform(lower: -1, upper: 1), 0.0...5.0),
    ])
    func truncated(_ d: InputDistribution, _ domain: ClosedRange<Double>) throws {
      let input = try SensitivityInput(name: "x", distribution: d, domain: domain)
      let support = input.distribution.support
      #expect(input.value(at: 0) == max(domain.lowerBound, support.lowerBound))
      #expect(input.value(at: 1) == min(domain.upperBound, support.upperBound))
      func truncatedCDF(_ x: Double) -> Double {
        if case .normal(let m, let s) = d, domain.lowerBound > m {
          let n = Normal()
          let (a, b) = (n.cdf(-(domain.upperBound - m) / s), n.cdf(-(domain.lowerBound - m) / s))
          return (b - n.cdf(-(x - m) / s)) / (b - a)
        }
        let (a, b) = (d.cdf(domain.lowerBound), d.cdf(domain.upperBound))
        return (d.cdf(x) - a) / (b - a)
      }
      for u in Self.grid.dropFirst().dropLast() {
        let x = input.value(at: u)
        #expect(domain.contains(x))
        #expect(abs(truncatedCDF(x) - u) <= 1e-12, "u = \(u), x = \(x)")
      }
    }

    // A domain that holds the whole support changes nothing.
    @Test func wideDomainIsNoTruncation() throws {
      let d = InputDistribution.triangular(lower: 0, mode: 1, upper: 4)
      let plain = try SensitivityInput(name: "x", distribution: d)
      let wide = try SensitivityInput(name: "x", distribution: d, domain: -1...5)
      #expect(Self.grid.map(plain.value(at:)) == Self.grid.map(wide.value(at:)))
    }
  }
}
