import Foundation

/// The Monte Carlo draws of the calibrations (MODEL.md 3 and 7), per fit and path:
///
///     σ²_p = σ̂² (n − k) / χ²_p,          χ²_p = Σ_{i < n−k} z_i,p²   (source `<fit>.sigma`)
///     y_p  = ŷ + (σ_p / σ̂) Uᵀ z_p,        Cov(ŷ) = UᵀU             (source `<fit>.coefficients`)
///     e_t,p = σ_p ε_t,p                    each projection year      (source `<fit>.residuals`)
///
/// so each year's graduates are Student t with n − k degrees of freedom around the fit, as its
/// prediction interval. The residual e_t,p is added to the graduates of the fit's tracks as the
/// factor max(0, 1 + e_t,p / Ĝ_p(t)) on their completion, Ĝ_p(t) = Σ_k Ĝ_k(t) y_k,p / ŷ_k the
/// central graduates of those tracks in year t at the path's yields: a cohort enrolled at
/// base_year gets exactly y_p I + e_t,p, later cohorts e_t,p in proportion to their size, and a
/// joint fit's residual is split among its tracks in proportion to that path's graduates of that
/// year. The factor scales G_k(t), so continuation intakes carry it too.
enum CalibrationDraws {
  /// The completion of every calibrated track by year and path (`years`), before shocks.
  ///
  /// - Parameter centralGraduates: Ĝ by track index and projection year, one for each of the
  ///   context's points (design points side by side: each point's columns scale with its own).
  static func completions(
    _ fits: [Calibration.Fit], years: ClosedRange<Int>,
    centralGraduates: [[Int: [Int: Double]]], context: PathContext
  ) throws(SimulationError) -> [Int: PathValues] {
    precondition(centralGraduates.count == context.points, "CalibrationDraws: central graduates per point")
    let width = context.paths.count
    var out: [Int: PathValues] = [:]
    let base = context.baseYear
    let last = years.upperBound
    for fit in fits {
      let result = fit.result
      let k = result.estimates.count
      let df = result.residualDegreesOfFreedom
      let sigmaHat = result.residualStandardError
      guard df > 0, sigmaHat.isFinite else {
        throw .calibration(
          at: fit.name, "no residual degrees of freedom to draw its uncertainty from (n = "
            + "\(result.observationCount), " + Wording.count(k, "yield") + "): widen its fit years")
      }
      guard let factor = ModelDraws.semidefiniteFactor(result.covariance) else {
        throw .calibration(
          at: fit.name, "the yields' covariance is not positive semidefinite, so they cannot be drawn")
      }
      // The draws, σ_p and y_p are a path's, the same for every design point side by side:
      // worked out on one point's columns (path p is column p % width).
      let single = context.onePoint
      let chi = single.normals("\(fit.name).sigma", count: df)
      let z = single.normals("\(fit.name).coefficients", count: k)
      let horizon = max(last - base, 0)
      let eps = single.normals("\(fit.name).residuals", count: horizon)
      var sigma = [Double](repeating: 0, count: width)
      var yields = Matrix(rows: k, columns: width)
      for p in 0..<width {
        var chi2 = 0.0
        for i in 0..<df { chi2 += chi[i, p] * chi[i, p] }
        sigma[p] = sigmaHat * (Double(df) / chi2).squareRoot()
        let ratio = sigmaHat > 0 ? sigma[p] / sigmaHat : 0
        for i in 0..<k {
          var value = result.estimates[i]
          for j in 0...i { value += ratio * factor[j, i] * z[j, p] }
          yields[i, p] = value
        }
      }
      // Ĝ_p(t) = Σ_k Ĝ_k(t) y_k,p / ŷ_k: the central graduates at the path's yields, so that
      // a cohort enrolled at base_year graduates y_p I + e_t,p exactly.
      var scale: [Int: [Double]] = [:]
      for t in years where t > base && t <= last {
        let central = centralGraduates.map { graduates in
          fit.tracks.map { graduates[$0]?[t] ?? 0 }
        }
        var totals = [Double](repeating: 0, count: context.count)
        for (g, point) in central.enumerated() {
          for p in 0..<width {
            var total = 0.0
            for i in fit.tracks.indices where result.estimates[i] != 0 {
              total += point[i] * yields[i, p] / result.estimates[i]
            }
            totals[g &* width &+ p] = total
          }
        }
        scale[t] = totals
      }
      for (i, track) in fit.tracks.enumerated() {
        var series: PathValues = [:]
        for t in years {
          var values = [Double](repeating: 0, count: context.count)
          let totals = scale[t]
          for g in 0..<context.points {
            for p in 0..<width {
              let column = g &* width &+ p
              var c = yields[i, p] / fit.products[i]
              if let totals, totals[column] > 0 {
                c *= max(0, 1 + sigma[p] * eps[t - base - 1, p] / totals[column])
              }
              values[column] = c
            }
          }
          series[t] = values
        }
        out[track] = series
      }
    }
    return out
  }
}
