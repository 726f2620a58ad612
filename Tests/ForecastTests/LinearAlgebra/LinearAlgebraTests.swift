import Foundation
import Testing
@testable import Forecast

/// Invariants of the wrappers (tolerances: a few hundred ε for these well-conditioned
/// random matrices of order ≤ 50).
@Suite struct LinearAlgebraTests {
  static let tolerance = 1e-12

  func maxAbs(_ m: Matrix) -> Double { m.storage.map(abs).max() ?? 0 }

  @Test func choleskySolvesAndRejectsIndefinite() throws {
    var g = SeededGenerator(seed: 3)
    let a = g.matrix(20, 6)
    var spd = Matrix(rows: 6, columns: 6)
    syrkTransposed(a, into: &spd)
    let chol = try Cholesky(factoring: spd)
    let rhs = g.matrix(6, 2)
    let x = try chol.solve(rhs)
    var back = multiply(spd, x)
    axpy(-1, rhs.storage, &back.storage)
    #expect(maxAbs(back) <= 1e-11)
    let indefinite = Matrix(rowMajor: [[1, 2], [2, 1]])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
      try Cholesky(factoring: indefinite)
    }
  }

  @Test func singularValuesAndConditionNumber() throws {
    let d = Matrix(rowMajor: [[3, 0, 0], [0, -2, 0], [0, 0, 0.5], [0, 0, 0]])
    let s = try SingularValues(of: d)
    #expect(s.values == [3, 2, 0.5])
    #expect(s.conditionNumber == 6)
    #expect(try SingularValues(of: Matrix(rowMajor: [[1, 1], [1, 1]])).conditionNumber > 1e15)
  }

  @Test func triangularInverseAndSingularError() throws {
    let r = Matrix(rowMajor: [[2, 1], [0, 4]])
    let inverse = try invertUpperTriangular(r)
    #expect(multiply(r, inverse) == .identity(2))
    #expect(throws: LinearAlgebraError.singular(index: 1)) {
      try invertUpperTriangular(Matrix(rowMajor: [[2, 1], [0, 0]]))
    }
  }

  /// The blocked QR equals one-shot Householder QR up to row signs, whatever the block split.
  @Test func tallSkinnyQRMatchesDirectQR() throws {
    var g = SeededGenerator(seed: 11)
    let rows = 2 * TallSkinnyQR.rowsPerLane + 123
    let x = g.matrix(rows, 5)
    let y = (0..<rows).map { _ in g.centered() }
    let blocked = try TallSkinnyQR.factor(design: x, inverseScale: [1, 1, 1, 1, 1], response: y)
    var augmented = x
    augmented.storage.append(contentsOf: y)
    augmented = Matrix(rows: rows, columns: 6, columnMajor: augmented.storage)
    let direct = try triangularFactor(of: augmented)
    for i in 0..<6 {
      let sign = (blocked[i, i] < 0) == (direct[i, i] < 0) ? 1.0 : -1.0
      for j in i..<6 {
        #expect(abs(blocked[i, j] - sign * direct[i, j]) <= 1e-9 * abs(direct[0, 0]))
      }
    }
  }
}
