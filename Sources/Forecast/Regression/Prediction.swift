/// A prediction at one row of regressors, with both kinds of interval.
///
///     mean            x₀ᵀβ̂
///     standardError   √(x₀ᵀ Cov(β̂) x₀)          uncertainty of the estimated mean only
///     meanLower/Upper mean ∓ t · standardError    confidence interval of the mean
///     lower/upper     mean ∓ t · √(standardError² + σ̂²)
///                     prediction interval: estimation uncertainty plus one new observation's
///                     noise (weight 1 in a weighted fit)
///
/// t is Student's quantile at (1 + level)/2 with the residual degrees of freedom.
public struct Prediction: Sendable, Equatable {
  public let mean: Double
  public let standardError: Double
  public let meanLower: Double
  public let meanUpper: Double
  public let lower: Double
  public let upper: Double
}

/// An interval at a confidence level.
public struct ConfidenceInterval: Sendable, Equatable {
  public let lower: Double
  public let upper: Double
}

extension RegressionResult {
  /// Confidence intervals of the estimates at `level` (empty bounds for aliased terms).
  /// statsmodels: `conf_int(alpha = 1 - level)`.
  public func confidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
    let t = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile(0.5 + level / 2)
    return zip(estimates, standardErrors).map {
      ConfidenceInterval(lower: $0 - t * $1, upper: $0 + t * $1)
    }
  }

  /// Predictions at the rows of `design` (same columns as the fitted design). Aliased terms
  /// contribute nothing, as in R's `predict` on a rank-deficient fit.
  public func predict(_ design: Matrix, level: Double = 0.95) -> [Prediction] {
    precondition(design.columns == termNames.count,
      "predict: \(design.columns) columns for \(termNames.count) terms")
    let t = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile(0.5 + level / 2)
    let k = kept.count
    let means = self.means(design)
    return (0..<design.rows).map { row in
      let x = kept.map { design[row, $0] }
      let mean = means[row]
      var variance: Double = 0
      for a in 0..<k {
        for b in 0..<k { variance += x[a] * keptCovariance[a, b] * x[b] }
      }
      let se = variance.squareRoot()
      let total = (variance + residualVariance).squareRoot()
      return Prediction(
        mean: mean, standardError: se, meanLower: mean - t * se, meanUpper: mean + t * se,
        lower: mean - t * total, upper: mean + t * total)
    }
  }

  /// The predicted means x₀ᵀβ̂ at the rows of `design`, without intervals: what a projection
  /// needs year by year, without a Student quantile per call.
  public func means(_ design: Matrix) -> [Double] {
    precondition(design.columns == termNames.count,
      "means: \(design.columns) columns for \(termNames.count) terms")
    return (0..<design.rows).map { row in
      var mean: Double = 0
      for j in kept { mean += design[row, j] * estimates[j] }
      return mean
    }
  }
}
