import Foundation
import Testing

@testable import Forecast

extension SensitivityTests {
  /// Saltelli designs against `SALib.sample.sobol.sample(..., scramble=False)` on the same
  /// problems (`Fixtures/sensitivity/salib_reference.json`).
  @Suite struct SaltelliDesignTests {
    static let fixture = Result { try SALibFixture.load() }

    static var cases: [SALibFixture.SaltelliCase] {
      (try? fixture.get().saltelliDesigns) ?? []
    }

    static func design(_ c: SALibFixture.SaltelliCase) throws -> SaltelliDesign {
      try SaltelliDesign(
        inputs: c.inputs.map { try $0.make() }, baseSamples: c.baseSamples,
        secondOrder: c.secondOrder, skip: c.skip)
    }

    @Test func fixtureLoads() throws {
      #expect(try Self.fixture.get().saltelliDesigns.count == 4)
    }

    // Uniform inputs: the same doubles as SALib, bit for bit (same points, same u (b − a) + a).
    @Test(arguments: cases.filter { $0.inputs.allSatisfy { $0.distribution == "uniform" } })
    func uniformDesignEqualsSALib(_ c: SALibFixture.SaltelliCase) throws {
      let design = try Self.design(c)
      let k = c.inputs.count
      #expect(design.runCount == c.baseSamples * (c.secondOrder ? 2 * k + 2 : k + 2))
      #expect(design.points.rows == c.points.count)
      for (run, expected) in c.points.enumerated() {
        #expect(Array(design.points.row(run)) == expected, "run \(run)")
      }
    }

    // Triangular, normal and truncated normal: Forecast's inverse CDFs against SciPy's (`triang`,
    // `norm` and `truncnorm.ppf`, each within 5e-16 relative of a 40-digit mpmath value at these
    // points). Both compute x = μ + σ z (or a + (b − a) t), which cancels where x is near 0, so
    // the difference is measured in units of the input's scale s (|a| + |b|, or |μ| + σ):
    // |x − x_SALib| ≤ 2e-15 s. Measured: 0 for the triangular and the normal, 8e-16 for the
    // truncated normal, whose Φ(α) + u (Φ(β) − Φ(α)) carries ~2e-16 of rounding that Φ⁻¹
    // amplifies by σ/φ(z). A wrong formula is off by far more.
    @Test func mixedDistributionsMatchSALib() throws {
      let c = try #require(Self.cases.first { $0.name == "mixed-distributions" })
      let design = try Self.design(c)
      #expect(design.points.rows == c.points.count)
      let scales = c.inputs.map { input in
        input.distribution == "normal"
          ? abs(input.parameters[0]) + input.parameters[1]
          : abs(input.parameters.first ?? 0) + abs(input.parameters.last ?? 0)
      }
      var worst = [Double](repeating: 0, count: scales.count)
      for (run, expected) in c.points.enumerated() {
        for (j, x) in design.points.row(run).enumerated() {
          worst[j] = max(worst[j], abs(x - expected[j]) / scales[j])
        }
      }
      #expect(worst.allSatisfy { $0 <= 2e-15 }, "largest differences per input \(worst)")
      #expect(worst[0] == 0, "uniform inputs are bit for bit")
    }

    // SALib's order: per base row i, A_i, A_B^1..A_B^k, (B_A^1..B_A^k), B_i.
    @Test(arguments: [false, true])
    func runOrder(secondOrder: Bool) throws {
      let inputs = try SobolG.inputs(3)
      let design = try SaltelliDesign(inputs: inputs, baseSamples: 16, secondOrder: secondOrder)
      let base = try SobolSequence(dimensions: 6).points(count: 16)
      let step = secondOrder ? 8 : 5
      for i in 0..<16 {
        let a = Array(base.row(i).prefix(3))
        let b = Array(base.row(i).suffix(3))
        #expect(Array(design.unitPoints.row(i * step)) == a)
        #expect(Array(design.unitPoints.row(i * step + step - 1)) == b)
        for j in 0..<3 {
          var ab = a
          ab[j] = b[j]
          #expect(Array(design.unitPoints.row(i * step + 1 + j)) == ab)
          if secondOrder {
            var ba = b
            ba[j] = a[j]
            #expect(Array(design.unitPoints.row(i * step + 4 + j)) == ba)
          }
        }
      }
    }

    @Test func sameBytesTwice() throws {
      let inputs = try Ishigami.inputs
      let first = try SaltelliDesign(inputs: inputs, baseSamples: 64, secondOrder: true)
      let second = try SaltelliDesign(inputs: inputs, baseSamples: 64, secondOrder: true)
      #expect(first.points == second.points && first.unitPoints == second.unitPoints)
    }

    @Test(arguments: [0, 3, 6, 12, 1000, -8])
    func baseSamplesMustBeAPowerOfTwo(_ n: Int) throws {
      #expect(throws: SensitivityError.baseSamplesNotPowerOfTwo(n)) {
        try SaltelliDesign(inputs: try Ishigami.inputs, baseSamples: n)
      }
    }

    // Point 0 is the origin: an unbounded normal is −∞ there unless points are skipped or the
    // input has a domain.
    @Test func unboundedNormalAtTheOrigin() throws {
      let normal = try SensitivityInput(
        name: "rate", distribution: .normal(mean: 0, standardDeviation: 1))
      #expect(throws: SensitivityError.infiniteDesignValue(input: "rate", run: 0, quantile: 0)) {
        try SaltelliDesign(inputs: [normal], baseSamples: 8)
      }
      let skipped = try SaltelliDesign(inputs: [normal], baseSamples: 8, skip: 8)
      #expect(skipped.points.values.allSatisfy { $0.isFinite })
      let bounded = try SensitivityInput(
        name: "rate", distribution: .normal(mean: 0, standardDeviation: 1),
        domain: -3...Double.infinity)
      let design = try SaltelliDesign(inputs: [bounded], baseSamples: 8)
      #expect(design.points[0, 0] == -3)
    }

    @Test func inputListErrors() throws {
      #expect(throws: SensitivityError.noInputs) { try SaltelliDesign(inputs: []) }
      let x = try SensitivityInput(name: "x", distribution: .uniform(lower: 0, upper: 1))
      #expect(throws: SensitivityError.duplicateInputName("x")) {
        try SaltelliDesign(inputs: [x, x])
      }
      let many = try (0..<513).map {
        try SensitivityInput(name: "x\($0)", distribution: .uniform(lower: 0, upper: 1))
      }
      #expect(throws: SensitivityError.tooManyInputs(count: 513, maximum: 512)) {
        try SaltelliDesign(inputs: many, baseSamples: 2)
      }
      #expect(
        try SaltelliDesign(inputs: Array(many.prefix(512)), baseSamples: 2).runCount == 2 * 514)
    }
  }
}
