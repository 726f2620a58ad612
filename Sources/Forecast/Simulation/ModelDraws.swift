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
    guard let factor = Self.semidefiniteFactor(result.covariance) else {
      throw .driverDraws(
        driver: driver,
        reason: "the coefficients' covariance is not positive semidefinite, so they cannot be drawn")
    }
    guard result.residualStandardError.isFinite, result.residualDegreesOfFreedom > 0 else {
      throw .driverDraws(
        driver: driver,
        reason: "no residual degrees of freedom to estimate the residual noise (n = "
          + "\(result.observationCount), \(k) coefficients)")
    }
    let z = RandomSource("drivers.\(driver).coefficients").normals(
      seed: context.seed, paths: context.paths, count: k)
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

  /// U with UᵀU = a for a symmetric positive semidefinite a: Cholesky, with a pivot within
  /// 1e-12 of the largest diagonal taken as 0 (a model that fits its data exactly has a zero
  /// covariance, and draws nothing). Nil when a pivot is clearly negative. A handful of
  /// coefficients, so a loop rather than LAPACK's `dpotrf`, which rejects the semidefinite case.
  static func semidefiniteFactor(_ a: Matrix) -> Matrix? {
    let n = a.rows
    let scale = (0..<n).map { a[$0, $0] }.max() ?? 0
    let tolerance = 1e-12 * max(scale, 0)
    var u = Matrix(rows: n, columns: n)
    for i in 0..<n {
      var pivot = a[i, i]
      for k in 0..<i { pivot -= u[k, i] * u[k, i] }
      if pivot < -tolerance || pivot.isNaN { return nil }
      guard pivot > tolerance else { continue }
      let root = pivot.squareRoot()
      u[i, i] = root
      for j in (i + 1)..<max(n, i + 1) {
        var value = a[i, j]
        for k in 0..<i { value -= u[k, i] * u[k, j] }
        u[i, j] = value / root
      }
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
