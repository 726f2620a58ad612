import Foundation

/// The immutable result of a least-squares fit, with the statistics statsmodels' OLS/WLS
/// results expose, under spelled-out names (the statsmodels name is in each doc comment).
///
/// Definitions (n observations, k estimated coefficients, k₀ = 1 with an intercept, else 0):
///
///     σ̂² = SSR / (n − k)                      residual variance (statsmodels `scale`)
///     R² = 1 − SSR / TSS                       TSS centred with an intercept, else uncentred
///     R̄² = 1 − (n − k₀)/(n − k) · (1 − R²)
///     F  = ((TSS − SSR)/(k − k₀)) / σ̂²        nonrobust; a Wald F with the robust covariance
///     ℓ  = −n/2 · (log 2π + log(SSR/n) + 1) + ½ Σ log wᵢ
///     AIC = −2ℓ + 2k,  BIC = −2ℓ + k log n
///
/// For WLS, SSR, TSS and the residual diagnostics use the whitened (√w-scaled) values.
public struct RegressionResult: Sendable {
  public let responseName: String
  public let termNames: [String]
  public let hasIntercept: Bool
  /// Whether the fit was weighted (WLS).
  public let isWeighted: Bool
  public let covarianceType: CovarianceType
  /// Estimates, NaN for an aliased term. statsmodels: `params`.
  public let estimates: [Double]
  /// statsmodels: `bse`.
  public let standardErrors: [Double]
  /// statsmodels: `tvalues`.
  public let tStatistics: [Double]
  /// Two-sided p values from Student's t with n − k degrees of freedom. statsmodels: `pvalues`
  /// (with `use_t=True`).
  public let pValues: [Double]
  /// Covariance of the estimates, p×p, NaN in the rows and columns of aliased terms.
  /// statsmodels: `cov_params()`.
  public let covariance: Matrix
  /// Terms aliased by earlier ones (R's NA coefficients).
  public let aliasedTerms: [String]
  /// statsmodels: `nobs`.
  public let observationCount: Int
  /// Number of estimated coefficients k.
  public let rank: Int
  /// n − k. statsmodels: `df_resid`.
  public let residualDegreesOfFreedom: Int
  /// k − k₀. statsmodels: `df_model`.
  public let modelDegreesOfFreedom: Int
  /// statsmodels: `ssr`.
  public let residualSumOfSquares: Double
  /// TSS, centred with an intercept, uncentred without (statsmodels: `centered_tss`,
  /// `uncentered_tss`).
  public let totalSumOfSquares: Double
  /// statsmodels: `rsquared`.
  public let rSquared: Double
  /// statsmodels: `rsquared_adj`.
  public let adjustedRSquared: Double
  /// σ̂. statsmodels: `sqrt(scale)`; R: "Residual standard error".
  public let residualStandardError: Double
  /// statsmodels: `fvalue`.
  public let fStatistic: Double
  /// statsmodels: `f_pvalue`.
  public let fPValue: Double
  /// statsmodels: `llf`.
  public let logLikelihood: Double
  /// statsmodels: `aic`.
  public let aic: Double
  /// statsmodels: `bic`.
  public let bic: Double
  /// 2-norm condition number of the (whitened) design, all columns. statsmodels:
  /// `condition_number`.
  public let conditionNumber: Double
  /// Σ(eₜ − eₜ₋₁)² / Σ eₜ² on the whitened residuals. statsmodels: `durbin_watson`.
  public let durbinWatson: Double
  /// n/6 · (S² + (K − 3)²/4). statsmodels: `jarque_bera`.
  public let jarqueBera: Double
  /// Upper tail of χ²(2) at the Jarque–Bera statistic.
  public let jarqueBeraPValue: Double
  /// Skewness S of the whitened residuals (moment estimator, not bias-corrected).
  public let skewness: Double
  /// Kurtosis K of the whitened residuals (not excess: 3 for the normal).
  public let kurtosis: Double
  /// y − Xβ̂ on the original scale, one per observation used.
  public let residuals: [Double]
  public let warnings: [RegressionWarning]

  /// Kept columns, their covariance block and σ̂², for predictions.
  package let kept: [Int]
  package let keptCovariance: Matrix
  package let residualVariance: Double

  init(
    model: LinearModel, solution s: LeastSquares, whitenedDesign x: Matrix,
    whitenedResponse y: [Double], weights: [Double]?, logWeightSum: Double,
    covariance type: CovarianceType, warnings initialWarnings: [RegressionWarning]
  ) throws(LinearAlgebraError) {
    var warnings = initialWarnings
    let n = x.rows
    let p = x.columns
    let k = s.kept.count
    let k0 = model.hasIntercept ? 1 : 0
    let dfResid = n - k
    let dfModel = k - k0
    let sse = s.residualSumOfSquares
    let sigma2 = dfResid > 0 ? sse / Double(dfResid) : .nan

    // (X_KᵀX_K)⁻¹ = A Aᵀ with A = D⁻¹ R⁻¹.
    var a = k > 0 ? try invertUpperTriangular(s.r) : Matrix(rows: 0, columns: 0)
    for j in 0..<k { for i in 0..<k { a[i, j] /= s.scale[i] } }
    var unscaled = Matrix(rows: k, columns: k)
    gemm(.none, a, .transpose, a, into: &unscaled)

    var covarianceK: Matrix
    switch type {
    case .nonrobust:
      covarianceK = unscaled
      for i in covarianceK.storage.indices { covarianceK.storage[i] *= sigma2 }
    case .hc0, .hc1, .hc2, .hc3:
      let (meat, leverageOne) = Self.sandwichMeat(
        design: x, kept: s.kept, a: a, residuals: s.residuals, type: type)
      if leverageOne > 0 { warnings.append(.leverageOne(count: leverageOne)) }
      var half = Matrix(rows: k, columns: k)
      gemm(.none, a, .none, meat, into: &half)
      covarianceK = Matrix(rows: k, columns: k)
      gemm(.none, half, .transpose, a, into: &covarianceK)
      if type == .hc1 {
        let factor = dfResid > 0 ? Double(n) / Double(dfResid) : .nan
        for i in covarianceK.storage.indices { covarianceK.storage[i] *= factor }
      }
    }

    var full = Matrix(
      rows: p, columns: p, columnMajor: [Double](repeating: .nan, count: p * p))
    for (jj, j) in s.kept.enumerated() {
      for (ii, i) in s.kept.enumerated() { full[i, j] = covarianceK[ii, jj] }
    }
    let standardErrors = (0..<p).map { full[$0, $0].squareRoot() }
    let t = zip(s.coefficients, standardErrors).map { $0 / $1 }
    let student = StudentT(degreesOfFreedom: Double(dfResid))
    let pValues = t.map { $0.isNaN ? Double.nan : student.twoSidedPValue($0) }

    // Sums of squares: weighted and centred as statsmodels' WLS.
    let original = model.weights == nil ? model.response : nil
    var sumW: Extended = 0
    var sumWY: Extended = 0
    var uncentered: Extended = 0
    for i in 0..<n {
      let w = Extended(weights?[i] ?? 1)
      let yi = Extended(original?[i] ?? y[i] / (weights?[i] ?? 1).squareRoot())
      sumW += w
      sumWY += w * yi
      uncentered += w * yi * yi
    }
    let mean = sumWY / sumW
    var centered: Extended = 0
    for i in 0..<n {
      let w = Extended(weights?[i] ?? 1)
      let yi = Extended(original?[i] ?? y[i] / (weights?[i] ?? 1).squareRoot())
      centered += w * (yi - mean) * (yi - mean)
    }
    let tss = Double(model.hasIntercept ? centered : uncentered)
    let rSquared = 1 - sse / tss
    let adjusted = 1 - Double(n - k0) / Double(dfResid) * (1 - rSquared)

    var fStatistic = Double.nan
    if dfModel > 0 && dfResid > 0 {
      if type == .nonrobust {
        fStatistic = ((tss - sse) / Double(dfModel)) / sigma2
      } else {
        fStatistic = Self.waldF(
          estimates: s.kept.map { s.coefficients[$0] }, covariance: covarianceK,
          skipFirst: model.hasIntercept)
      }
    }
    let fPValue = fStatistic.isNaN
      ? Double.nan
      : FisherF(numerator: Double(dfModel), denominator: Double(dfResid)).survival(fStatistic)

    let nd = Double(n)
    let llf = -nd / 2 * (log(2 * Double.pi) + log(sse / nd) + 1) + 0.5 * logWeightSum

    // Residual diagnostics on the whitened residuals, first divided by the power of two at
    // their largest magnitude: the statistics are scale-free, the division is exact (short of
    // residuals 1e300 times below the largest, which do not count), and Σ d⁴ would otherwise
    // overflow for residuals of 1e77.
    let largest = s.residuals.reduce(0) { max($0, abs($1)) }
    var e = s.residuals
    if largest > 0 && largest.isFinite {
      let power = Double(sign: .plus, exponent: largest.exponent, significand: 1)
      e = e.map { $0 / power }
    }
    var dwNumerator: Double = 0
    for i in 1..<max(n, 1) { dwNumerator += (e[i] - e[i - 1]) * (e[i] - e[i - 1]) }
    // statsmodels divides by Σ e², not Σ (e − ē)²: the same with an intercept, not without.
    let dwDenominator = e.reduce(0) { $0 + $1 * $1 }
    let eMean = e.reduce(0, +) / nd
    var m2: Double = 0
    var m3: Double = 0
    var m4: Double = 0
    for v in e {
      let d = v - eMean
      m2 += d * d
      m3 += d * d * d
      m4 += d * d * d * d
    }
    m2 /= nd
    m3 /= nd
    m4 /= nd
    let skewness = m3 / pow(m2, 1.5)
    let kurtosis = m4 / (m2 * m2)
    let jb = nd / 6 * (skewness * skewness + (kurtosis - 3) * (kurtosis - 3) / 4)

    let singular = s.designSingularValues
    let condition = singular.isEmpty
      ? Double.nan
      : (singular.last == 0 ? Double.infinity : (singular.first ?? .nan) / (singular.last ?? .nan))
    if condition > 1e3 { warnings.append(.largeConditionNumber(condition)) }
    if dfResid <= 0 {
      warnings.append(.noResidualDegreesOfFreedom)
    } else if sse <= Double.ulpOfOne * Double.ulpOfOne * Double(uncentered) {
      warnings.append(.perfectFit)
    }

    self.responseName = model.responseName
    self.termNames = model.termNames
    self.hasIntercept = model.hasIntercept
    self.isWeighted = weights != nil
    self.covarianceType = type
    self.estimates = s.coefficients
    self.standardErrors = standardErrors
    self.tStatistics = t
    self.pValues = pValues
    self.covariance = full
    self.aliasedTerms = s.aliased.map { model.termNames[$0] }
    self.observationCount = n
    self.rank = k
    self.residualDegreesOfFreedom = dfResid
    self.modelDegreesOfFreedom = dfModel
    self.residualSumOfSquares = sse
    self.totalSumOfSquares = tss
    self.rSquared = rSquared
    self.adjustedRSquared = adjusted
    self.residualStandardError = sigma2.squareRoot()
    self.fStatistic = fStatistic
    self.fPValue = fPValue
    self.logLikelihood = llf
    self.aic = -2 * llf + 2 * Double(k)
    self.bic = -2 * llf + log(nd) * Double(k)
    self.conditionNumber = condition
    self.durbinWatson = dwNumerator / dwDenominator
    self.jarqueBera = jb
    self.jarqueBeraPValue = exp(-jb / 2)
    self.skewness = skewness
    self.kurtosis = kurtosis
    if let weights {
      self.residuals = zip(s.residuals, weights).map { $0 / $1.squareRoot() }
    } else {
      self.residuals = s.residuals
    }
    self.warnings = warnings
    self.kept = s.kept
    self.keptCovariance = covarianceK
    self.residualVariance = sigma2
  }

  /// Σ ωᵢ uᵢ uᵢᵀ with uᵢ = A ᵀ xᵢ (rows of X_K A), by row blocks; also counts leverage-1 rows.
  private static func sandwichMeat(
    design x: Matrix, kept: [Int], a: Matrix, residuals e: [Double], type: CovarianceType
  ) -> (Matrix, Int) {
    let k = kept.count
    let n = x.rows
    var meat = Matrix(rows: k, columns: k)
    var leverageOne = 0
    let block = 8192
    var start = 0
    while start < n {
      let count = min(block, n - start)
      var rows = Matrix(rows: count, columns: k)
      for (jj, j) in kept.enumerated() {
        for i in 0..<count { rows[i, jj] = x[start + i, j] }
      }
      var u = Matrix(rows: count, columns: k)
      gemm(.none, rows, .none, a, into: &u)
      for i in 0..<count {
        var omega = e[start + i] * e[start + i]
        if type.needsLeverage {
          var h: Double = 0
          for j in 0..<k { h += u[i, j] * u[i, j] }
          let complement = 1 - h
          if complement <= 1e-12 {
            leverageOne += 1
            omega = 0
          } else {
            omega /= type == .hc2 ? complement : complement * complement
          }
        }
        let root = omega.squareRoot()
        for j in 0..<k { u[i, j] *= root }
      }
      syrkTransposed(u, beta: 1, into: &meat)
      start += count
    }
    return (meat, leverageOne)
  }

  /// Wald F for "all slopes zero": β_Sᵀ C_S⁻¹ β_S / q over the kept non-constant terms.
  private static func waldF(estimates: [Double], covariance: Matrix, skipFirst: Bool) -> Double {
    let indices = Array((skipFirst ? 1 : 0)..<estimates.count)
    let q = indices.count
    guard q > 0 else { return .nan }
    var c = Matrix(rows: q, columns: q)
    for (jj, j) in indices.enumerated() {
      for (ii, i) in indices.enumerated() { c[ii, jj] = covariance[i, j] }
    }
    let b = Matrix(rows: q, columns: 1, columnMajor: indices.map { estimates[$0] })
    guard let cholesky = try? Cholesky(factoring: c), let solved = try? cholesky.solve(b) else {
      return .nan
    }
    return dot(b.storage, solved.storage) / Double(q)
  }
}
