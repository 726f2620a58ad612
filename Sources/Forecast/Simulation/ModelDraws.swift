/// The Monte Carlo draws of a model driver (MODEL.md 7): coefficients once per path from
/// N(β̂, Cov(β̂)), residual noise N(0, σ̂²) each projection year, both in the transformed scale.
///
///     β_p      = β̂ + Uᵀ z_p,   Cov(β̂) = UᵀU (Cholesky), z_p ~ N(0, I)
///     η_t,p    = x_tᵀ β_p + σ̂ ε_t,p
///
/// The products are small (a few coefficients) and written as loops in a fixed order, so a
/// path's values are the same bits however many paths are computed with it.
struct ModelDraws {
  /// β_p, coefficients × paths.
  let coefficients: Matrix
  let sigma: Double
  let source: String
  let context: PathContext

  init(driver: String, result: RegressionResult, context: PathContext) throws(SimulationError) {
    let k = result.estimates.count
    guard result.residualStandardError.isFinite, result.residualDegreesOfFreedom > 0 else {
      throw .driverDraws(
        driver: driver,
        reason: "no residual degrees of freedom to estimate the residual noise (n = "
          + "\(result.observationCount), \(k) coefficients): widen its `years` or run with paths = 1")
    }
    guard let factor = Self.semidefiniteFactor(result.covariance) else {
      throw .driverDraws(
        driver: driver,
        reason: "the coefficients' covariance is not positive semidefinite, so they cannot be drawn")
    }
    let z = context.normals("drivers.\(driver).coefficients", count: k)
    var beta = Matrix(rows: k, columns: context.count)
    for p in 0..<context.count {
      for i in 0..<k {
        var value = result.estimates[i]
        for j in 0...i { value += factor[j, i] * z[j, p] }
        beta[i, p] = value
      }
    }
    coefficients = beta
    sigma = result.residualStandardError
    source = "drivers.\(driver).residuals"
    self.context = context
  }

  /// U with UᵀU = a for a symmetric positive semidefinite a, nil when a is not.
  ///
  /// Factored on the correlation scale, a = D C D with D = diag(√a_ii), U = U_C D: an
  /// uncentred `year` regressor makes the intercept's variance ~10¹⁰ times what is left of the
  /// slope's, and a tolerance on the covariance itself would drop that remainder. On C a pivot
  /// below 1e-12 is a linear dependence and taken as 0 (a model that fits its data exactly
  /// has a zero covariance and draws nothing). A handful of coefficients, so a loop rather than
  /// LAPACK's `dpotrf`, which rejects the semidefinite case.
  static func semidefiniteFactor(_ a: Matrix) -> Matrix? {
    let n = a.rows
    var scale = [Double](repeating: 0, count: n)
    for i in 0..<n {
      guard a[i, i] >= 0 else { return nil }
      scale[i] = a[i, i].squareRoot()
    }
    var u = Matrix(rows: n, columns: n)
    for i in 0..<n where scale[i] > 0 {
      var pivot = 1.0
      for k in 0..<i { pivot -= u[k, i] * u[k, i] }
      if pivot < -1e-9 || pivot.isNaN { return nil }
      guard pivot > 1e-12 else { continue }
      let root = pivot.squareRoot()
      u[i, i] = root
      for j in (i + 1)..<max(n, i + 1) where scale[j] > 0 {
        var value = a[i, j] / (scale[i] * scale[j])
        for k in 0..<i { value -= u[k, i] * u[k, j] }
        u[i, j] = value / root
      }
    }
    for j in 0..<n {
      for i in 0...j { u[i, j] *= scale[j] }
    }
    return u
  }

  /// η_t,p for the design rows of projection years `years` (one row each), years × paths.
  func linearPredictor(rows: [[Double]], years: [Int]) -> Matrix {
    let last = (years.max() ?? context.baseYear) - context.baseYear
    let noise = context.noise(source, sd: sigma, count: max(last, 0))
    var out = Matrix(rows: rows.count, columns: context.count)
    for p in 0..<context.count {
      for (i, row) in rows.enumerated() {
        var value = 0.0
        for (j, x) in row.enumerated() { value += x * coefficients[j, p] }
        out[i, p] = value + noise[years[i] - context.baseYear - 1, p]
      }
    }
    return out
  }
}
