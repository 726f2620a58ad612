import Foundation
import Testing

@testable import Forecast

extension SensitivityTests {
  /// Morris trajectories and elementary effects: the design's structure, SALib's analysis on
  /// SALib's own trajectories, and determinism.
  @Suite struct MorrisTests {
    static let fixture = Result { try SALibFixture.load() }

    static var cases: [SALibFixture.MorrisCase] { (try? fixture.get().morrisAnalyses) ?? [] }

    @Test func fixtureLoads() throws {
      #expect(try Self.fixture.get().morrisAnalyses.map(\.name) == ["ishigami", "g-function"])
    }

    // μ, μ* and σ equal SALib's on SALib's trajectories to 1e-12 relative (measured: a few
    // ulps; both are sums of r differences divided by Δ). mu_star_conf comes from other
    // resamples (and SALib draws each input's separately): within a factor of 2.5 where it is
    // above 1e-9 of μ* (SALib's 3.5e-15 for an input whose effects are all equal is rounding).
    @Test(arguments: cases)
    func equalsSALib(_ c: SALibFixture.MorrisCase) throws {
      let k = c.inputs.count
      let points = DesignPoints(rows: c.points.count, columns: k, values: c.points.flatMap { $0 })
      let analysis = try MorrisAnalysis(
        points: points, levels: c.levels, inputNames: c.inputs.map(\.name))
      let m = try analysis.indices(outputs: c.outputs)
      func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(abs(b), 1e-300) || a == b
      }
      for j in 0..<k {
        #expect(close(m.mean[j], c.mu[j]), "mu[\(j)] \(m.mean[j]) vs \(c.mu[j])")
        #expect(close(m.absoluteMean[j], c.mu_star[j]), "mu_star[\(j)]")
        #expect(close(m.standardDeviation[j], c.sigma[j]), "sigma[\(j)]")
        let halfWidth = try #require(m.absoluteMeanInterval[j]).halfWidth
        if c.mu_star_conf[j] > 1e-9 * c.mu_star[j] {
          #expect(
            halfWidth / c.mu_star_conf[j] > 0.4 && halfWidth / c.mu_star_conf[j] < 2.5,
            "mu_star_conf[\(j)]: \(halfWidth) vs \(c.mu_star_conf[j])")
        } else {
          #expect(halfWidth <= 1e-9 * c.mu_star[j])
        }
      }
    }

    // Each trajectory: k + 1 runs on the p-level grid, consecutive runs differ in exactly one
    // input by ±Δ, each input moves once, and the start is on the lower p/2 levels.
    @Test(arguments: [(4, 10), (6, 7), (2, 3)])
    func trajectoryStructure(levels: Int, trajectories: Int) throws {
      let inputs = try SobolG.inputs(5)
      let design = try MorrisDesign(
        inputs: inputs, trajectories: trajectories, levels: levels, seed: 42)
      let delta = Double(levels) / (2 * Double(levels - 1))
      #expect(design.step == delta && design.runCount == trajectories * 6)
      let grid = (0..<levels).map { Double($0) / Double(levels - 1) }
      for t in 0..<trajectories {
        var moved = Set<Int>()
        for run in 0...5 {
          let row = design.unitPoints.row(t * 6 + run)
          #expect(row.allSatisfy { x in grid.contains { abs($0 - x) < 1e-15 } }, "off the grid")
          guard run > 0 else { continue }
          let previous = design.unitPoints.row(t * 6 + run - 1)
          let changes = zip(previous, row).enumerated().filter { $0.element.0 != $0.element.1 }
          #expect(changes.count == 1)
          if let change = changes.first {
            #expect(abs(abs(change.element.1 - change.element.0) - delta) < 1e-15)
            moved.insert(change.offset)
          }
        }
        #expect(moved == Set(0..<5))
      }
      // Uniform [0, 1] inputs: the points are the unit points.
      #expect(design.points == design.unitPoints)
    }

    // Over many trajectories every starting level, sign and position in the order occurs.
    @Test func randomChoicesCoverEveryOption() throws {
      let design = try MorrisDesign(inputs: try SobolG.inputs(4), trajectories: 400, seed: 7)
      var first = Set<Double>()
      var up = 0
      for t in 0..<400 {
        let start = design.unitPoints.row(t * 5)
        first.formUnion(start)
        let second = design.unitPoints.row(t * 5 + 1)
        let moved = zip(start, second).first { $0 != $1 }
        if let moved, moved.1 > moved.0 { up += 1 }
      }
      let delta = 2.0 / 3
      let levels: Set<Double> = [0, 1 - delta, delta, 1]  // x* or x* + Δ, x* ∈ {0, 1 − Δ}
      #expect(first == levels)
      #expect((150...250).contains(up), "\(up) of 400 first moves up")
    }

    // A linear model has EE_j = β_j (b − a) Δ / Δ: μ = μ* = β_j (b − a), σ = 0.
    @Test func linearModel() throws {
      let inputs = [
        try SensitivityInput(name: "a", distribution: .uniform(lower: 0, upper: 2)),
        try SensitivityInput(name: "b", distribution: .uniform(lower: -1, upper: 1)),
        try SensitivityInput(name: "c", distribution: .uniform(lower: 10, upper: 20)),
      ]
      let design = try MorrisDesign(inputs: inputs, seed: 3)
      let beta = [3.0, -2.0, 0.0]
      let outputs = evaluate(design.points) { x in zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 } }
      let m = try design.analysis().indices(outputs: outputs)
      let expected = [6.0, -4.0, 0.0]  // β_j times the width of input j's range, over Δ in [0, 1]
      for j in 0..<3 {
        #expect(abs(m.mean[j] - expected[j]) <= 1e-12)
        #expect(abs(m.absoluteMean[j] - abs(expected[j])) <= 1e-12)
        #expect(m.standardDeviation[j] <= 1e-12)
      }
      #expect(m.elementaryEffects.allSatisfy { $0.count == 10 })
    }

    @Test func sameBytesTwice() throws {
      let first = try MorrisDesign(inputs: try Ishigami.inputs, seed: 11)
      let second = try MorrisDesign(inputs: try Ishigami.inputs, seed: 11)
      #expect(first.points == second.points)
      let outputs = evaluate(first.points, Ishigami.value)
      #expect(
        try first.analysis().indices(outputs: outputs)
          == second.analysis().indices(outputs: outputs))
      let other = try MorrisDesign(inputs: try Ishigami.inputs, seed: 12)
      #expect(other.points != first.points)
    }

    // A normal input without a domain is ±∞ at the levels 0 and 1.
    @Test func unboundedNormalOnTheGrid() throws {
      let normal = try SensitivityInput(
        name: "z", distribution: .normal(mean: 0, standardDeviation: 1))
      #expect {
        try MorrisDesign(inputs: [normal], seed: 1)
      } throws: { error in
        guard
          case .infiniteDesignValue(input: "z", run: _, quantile: let u) = error
            as? SensitivityError
        else { return false }
        return u == 0 || u == 1
      }
      let bounded = try SensitivityInput(
        name: "z", distribution: .normal(mean: 0, standardDeviation: 1), domain: -2...2)
      let design = try MorrisDesign(inputs: [bounded], seed: 1)
      #expect(design.points.values.allSatisfy { [-2.0, 2.0].contains($0) || abs($0) < 2 })
    }
  }
}
