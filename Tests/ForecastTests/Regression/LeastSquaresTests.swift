import Foundation
import Testing
@testable import Forecast

@Suite struct LeastSquaresTests {
  @Test(arguments: StRDCase.all)
  func certifiedEstimates(_ c: StRDCase) throws {
    let solution = try LeastSquares(design: c.design, response: c.y, tolerance: 1e-10)
    #expect(solution.aliased.isEmpty)
    let lre = zip(solution.coefficients, c.parameters).map(logRelativeError).min() ?? 0
    #expect(lre >= c.minimumLRE)
  }
}
