extension LinearModel {
  /// Throws when a column's sum of squares, an estimate or the residual sum of squares leaves
  /// the range of a double (overflows, or underflows although the values are not 0), so that
  /// no statistic of the fit is ∞, NaN or silently wrong for that reason.
  ///
  /// `design` and `response` are as fitted (whitened in a weighted fit). A column out of range
  /// would otherwise be reported as aliased, which it is not.
  func checkRange(
    of solution: LeastSquares, design x: Matrix, response y: [Double], weighted: Bool
  ) throws(RegressionError) {
    if let j = solution.outOfRange.first {
      let largest = (0..<x.rows).reduce(0) { max($0, abs(x[$1, j])) }
      throw .outOfRange(
        .termSumOfSquares(term: termNames[j], largest: largest, weighted: weighted))
    }
    let nonFinite =
      solution.nonFiniteEstimates
      + solution.kept.filter {
        !solution.coefficients[$0].isFinite
      }
    if let j = nonFinite.first {
      throw .outOfRange(.estimate(term: termNames[j], response: responseName))
    }
    let sse = solution.residualSumOfSquares
    if !sse.isFinite {
      throw .outOfRange(
        .residualSumOfSquares(
          response: responseName, largest: Self.largestMagnitude(y), weighted: weighted))
    }
    let largestResidual = Self.largestMagnitude(solution.residuals)
    if sse < Double.leastNormalMagnitude && largestResidual > 0 {
      throw .outOfRange(
        .residualSumOfSquaresUnderflow(response: responseName, largest: largestResidual))
    }
  }

  /// Throws when the total sum of squares or the variance of an estimate leaves the range of a
  /// double.
  ///
  /// A variance is out of range when it is ∞ or NaN (with residual degrees of freedom), below
  /// the normal range (its standard error would have lost digits), or 0 in a nonrobust fit
  /// whose σ̂² is positive (it can only have underflowed). A zero variance is legitimate in an
  /// exact fit and for an HC2/HC3 term at leverage 1, which warnings report.
  func checkRange(
    of result: RegressionResult, response y: [Double], weighted: Bool
  ) throws(RegressionError) {
    if !result.totalSumOfSquares.isFinite {
      throw .outOfRange(
        .totalSumOfSquares(
          response: responseName, largest: Self.largestMagnitude(y), weighted: weighted))
    }
    guard result.residualDegreesOfFreedom > 0 else { return }
    for j in result.kept {
      let variance = result.covariance[j, j]
      let underflowed =
        variance < Double.leastNormalMagnitude
        && (variance != 0
          || (result.covarianceType == .nonrobust && result.residualVariance > 0))
      if !variance.isFinite || underflowed {
        throw .outOfRange(
          .variance(term: termNames[j], response: responseName, value: variance))
      }
    }
  }

  private static func largestMagnitude(_ values: [Double]) -> Double {
    values.reduce(0) { max($0, abs($1)) }
  }
}
