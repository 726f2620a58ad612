import Foundation

/// A linear model to fit by least squares: the specification, separate from its result.
///
///     y = X β + ε,  Var(εᵢ) = σ² / wᵢ
///
/// OLS when `weights` is nil; WLS otherwise, with weights proportional to inverse variance
/// (R's `lm`, statsmodels' `WLS`): the rows are whitened by √wᵢ and fitted by OLS.
public struct LinearModel: Sendable {
  public let design: Matrix
  public let response: [Double]
  public let weights: [Double]?
  /// One name per column of `design` ("(Intercept)", "x", "log(z)"...).
  public let termNames: [String]
  public let responseName: String
  /// Whether the design holds a constant column, which makes R² centred (statsmodels'
  /// `k_constant`).
  public let hasIntercept: Bool

  public init(
    design: Matrix, response: [Double], weights: [Double]? = nil, termNames: [String]? = nil,
    responseName: String = "y", hasIntercept: Bool
  ) {
    precondition(design.rows == response.count,
      "LinearModel: \(design.rows)×\(design.columns) design against \(response.count) responses")
    precondition(weights == nil || weights?.count == response.count,
      "LinearModel: \(weights?.count ?? 0) weights for \(response.count) responses")
    self.design = design
    self.response = response
    self.weights = weights
    self.termNames = termNames ?? (0..<design.columns).map { "x\($0 + 1)" }
    self.responseName = responseName
    self.hasIntercept = hasIntercept
  }

  /// Default aliasing tolerance: a column is aliased when its distance from the span of the
  /// earlier columns is below 1e-10 of its norm. R's `lm` uses 1e-7, which declares NIST's
  /// Filip (relative distance 5.2e-8, still 8 digits from double rounding) singular.
  public static let defaultRankTolerance = 1e-10

  /// Fits the model.
  /// - Parameters:
  ///   - covariance: nonrobust or a heteroskedasticity-robust sandwich (HC0–HC3).
  ///   - rankTolerance: the aliasing tolerance (see `defaultRankTolerance`).
  ///   - strict: make aliased terms an error instead of a warning.
  /// - Throws: `RegressionError` for no observations, bad weights, a strict rank deficiency, or
  ///   a sum of squares, estimate or variance outside the range of a double (`outOfRange`).
  public func fit(
    covariance: CovarianceType = .nonrobust, rankTolerance: Double = defaultRankTolerance,
    strict: Bool = false
  ) throws(RegressionError) -> RegressionResult {
    var x = design
    var y = response
    var warnings = [RegressionWarning]()
    var logWeightSum: Double = 0
    var usedWeights: [Double]? = nil
    if let weights {
      var keep = [Int]()
      keep.reserveCapacity(weights.count)
      for (i, w) in weights.enumerated() {
        guard w.isFinite, w >= 0 else { throw .invalidWeight(row: i + 1, value: w) }
        if w > 0 { keep.append(i) }
      }
      if keep.count < weights.count {
        warnings.append(.zeroWeights(weights.count - keep.count))
      }
      let m = keep.count
      var whitened = Matrix(rows: m, columns: x.columns)
      var root = [Double](repeating: 0, count: m)
      var wy = [Double](repeating: 0, count: m)
      var kept = [Double](repeating: 0, count: m)
      for (position, i) in keep.enumerated() {
        root[position] = weights[i].squareRoot()
        wy[position] = response[i] * root[position]
        kept[position] = weights[i]
        logWeightSum += log(weights[i])
      }
      for j in 0..<x.columns {
        for (position, i) in keep.enumerated() { whitened[position, j] = design[i, j] * root[position] }
      }
      x = whitened
      y = wy
      usedWeights = kept
    }
    guard x.rows > 0 else { throw .noObservations(dropped: 0) }

    let solution: LeastSquares
    do {
      solution = try withSingleThreadedBLAS { () throws(LinearAlgebraError) -> LeastSquares in
        try LeastSquares(design: x, response: y, tolerance: rankTolerance)
      }
    } catch {
      throw .linearAlgebra(error)
    }
    try checkRange(of: solution, design: x, response: y, weighted: usedWeights != nil)
    let aliasedNames = solution.aliased.map { termNames[$0] }
    if !aliasedNames.isEmpty {
      if strict { throw .rankDeficient(aliased: aliasedNames) }
      warnings.insert(.aliasedTerms(aliasedNames), at: 0)
    }
    let result: RegressionResult
    do {
      result = try withSingleThreadedBLAS { () throws(LinearAlgebraError) -> RegressionResult in
        try RegressionResult(
          model: self, solution: solution, whitenedDesign: x, whitenedResponse: y,
          weights: usedWeights, logWeightSum: logWeightSum, covariance: covariance,
          warnings: warnings)
      }
    } catch {
      throw .linearAlgebra(error)
    }
    try checkRange(of: result, response: y, weighted: usedWeights != nil)
    return result
  }
}
