import Testing

@testable import Forecast

extension SensitivityTests {
  /// The example of docs/sensitivity.md compiles and runs as written.
  @Suite struct DocumentationExampleTests {
    @Test func example() throws {
      let model: (ArraySlice<Double>) -> Double = { x in
        1e6 * x[x.startIndex] + 2e5 * x[x.startIndex + 1]
      }
      let inputs = [
        try SensitivityInput(name: "growth", distribution: .uniform(lower: 0.01, upper: 0.03)),
        try SensitivityInput(
          name: "share", distribution: .normal(mean: 0.05, standardDeviation: 0.01), domain: 0...1),
      ]
      let design = try SaltelliDesign(inputs: inputs, baseSamples: 1024)
      #expect(design.runCount == 4096)
      let outputs = (0..<design.runCount).map { model(design.points.row($0)) }
      let s = try #require(try design.analysis().indices(outputs: outputs))
      // Additive model: S1 = ST = the share of each term's variance (the truncation to [0, 1],
      // five standard deviations from the mean, changes nothing visible).
      let growth = 1e12 * 0.02 * 0.02 / 12
      let share = 4e10 * 0.01 * 0.01
      #expect(abs(s.firstOrder[0].estimate - growth / (growth + share)) < 0.01)
      #expect(abs(s.totalOrder[1].estimate - share / (growth + share)) < 0.01)
      let morris = try MorrisDesign(inputs: inputs, trajectories: 10, levels: 4, seed: 42)
      let m = try morris.analysis().indices(
        outputs: (0..<morris.runCount).map { model(morris.points.row($0)) })
      #expect(abs(m.absoluteMean[0] - 1e6 * 0.02) < 1e-6)
    }
  }
}
