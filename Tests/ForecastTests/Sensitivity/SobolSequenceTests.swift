import Foundation
import Testing

@testable import Forecast

extension SensitivityTests {
  /// The Sobol sequence against SciPy's, from `Fixtures/sensitivity/sobol_points.json`.
  ///
  /// Every value is a dyadic fraction, stored as its exact numerator, so the comparisons are exact.
  @Suite struct SobolSequenceTests {
    let fixture: SobolPointsFixture

    init() throws { fixture = try SobolPointsFixture.load() }

    func expectBlock(_ block: SobolPointsFixture.Block) throws {
      let points = try SobolSequence(dimensions: block.dimensions)
        .points(count: block.values.count, skipping: block.first)
      let scale = Double(sign: .plus, exponent: block.bits, significand: 1)
      for (row, expected) in block.values.enumerated() {
        #expect(points.row(row).map { $0 * scale } == expected.map { Double($0) }, "point \(row)")
      }
    }

    @Test func firstPointsEqualSciPy() throws {
      try expectBlock(fixture.firstPoints)
      #expect(fixture.firstPoints.values.count == 128 && fixture.firstPoints.dimensions == 64)
    }

    @Test func skippedPointsEqualSciPy() throws {
      try expectBlock(fixture.skippedPoints)
    }

    // Point 2^j − 1 is V_j alone, so this checks m_1 … m_16 of all 1,024 dimensions.
    @Test func directionNumbersOfEveryDimensionEqualSciPy() throws {
      let sequence = try SobolSequence(dimensions: SobolSequence.maximumDimensions)
      #expect(fixture.directionNumbers.count == SobolSequence.maximumDimensions)
      for j in 1...16 {
        let point = sequence.point((1 << UInt64(j)) - 1)
        let numerators = point.map { UInt64($0 * Double(1 << j)) }
        #expect(numerators == fixture.directionNumbers.map { $0[j - 1] }, "m_\(j)")
      }
    }

    // The Gray-code recurrence and the direct Gray-code formula give the same points.
    @Test func sequentialPointsEqualDirectOnes() throws {
      let sequence = try SobolSequence(dimensions: 40)
      let points = try sequence.points(count: 300, skipping: 4093)
      for row in [0, 1, 2, 3, 150, 299] {
        #expect(Array(points.row(row)) == sequence.point(UInt64(4093 + row)))
      }
    }

    // The last point of the 32-bit sequence is reachable; one past it is an error.
    @Test func endOfSequence() throws {
      let sequence = try SobolSequence(dimensions: 2)
      let last = try sequence.points(count: 1, skipping: Int(SobolSequence.pointCount) - 1)
      #expect(last.rows == 1 && last.values.allSatisfy { (0..<1).contains($0) })
      #expect(
        throws: SensitivityError.tooManyPoints(first: Int(SobolSequence.pointCount) - 1, count: 2)
      ) {
        try sequence.points(count: 2, skipping: Int(SobolSequence.pointCount) - 1)
      }
      #expect(throws: SensitivityError.negativeSkip(-1)) {
        try sequence.points(count: 1, skipping: -1)
      }
    }

    @Test func tooManyDimensions() {
      #expect(throws: SensitivityError.tooManyInputs(count: 1025, maximum: 1024)) {
        try SobolSequence(dimensions: 1025)
      }
    }

    // Each dimension's first 2^m points are a (0, m, 1)-net: one point in each interval of
    // length 2^−m.
    @Test func everyDimensionIsBalanced() throws {
      let points = try SobolSequence(dimensions: 1024).points(count: 256)
      for d in 0..<1024 {
        let cells = Set((0..<256).map { Int(points[$0, d] * 256) })
        #expect(cells.count == 256, "dimension \(d + 1)")
      }
    }
  }
}
