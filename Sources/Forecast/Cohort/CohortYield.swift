/// The cohort yield of a track and its inverse, for calibration (MODEL.md section 3).
///
///     y_k = c_k · Π_j p_k,j             the share of an intake that graduates
///     c_k = y_k / Π_j p_k,j             the completion rate that gives a yield
///
/// Calibration estimates y_k by OLS and sets c_k from it; neither function clamps: a yield
/// outside (0, 1] or a completion above 1 is for the caller to report as a warning.
public enum CohortYield {
  /// y = c · Π p (a one-year track has no progression rates and y = c).
  public static func yield(completion: Double, progression: [Double]) -> Double {
    progression.reduce(completion, *)
  }

  /// c = y / Π p.
  ///
  /// - Throws: `CohortError.zeroProgressionProduct` when Π p = 0 (no completion rate works).
  public static func completion(
    yield: Double, progression: [Double], track: String
  ) throws(CohortError) -> Double {
    let product = progression.reduce(1, *)
    guard product != 0 else { throw .zeroProgressionProduct(track: track) }
    return yield / product
  }
}
