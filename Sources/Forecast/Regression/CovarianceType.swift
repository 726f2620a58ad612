/// How the covariance of the estimates is computed (statsmodels' `cov_type`).
///
///     nonrobust: σ̂² (XᵀX)⁻¹
///     HCj:       (XᵀX)⁻¹ Xᵀ diag(ωᵢ) X (XᵀX)⁻¹ with
///                HC0 ωᵢ = eᵢ², HC1 ωᵢ = n/(n−k) eᵢ², HC2 ωᵢ = eᵢ²/(1−hᵢ), HC3 ωᵢ = eᵢ²/(1−hᵢ)²
///
/// (White 1980; MacKinnon and White 1985), hᵢ the leverage. For WLS, X and e are whitened.
public enum CovarianceType: String, CaseIterable, Sendable, Codable {
  case nonrobust
  case hc0 = "HC0"
  case hc1 = "HC1"
  case hc2 = "HC2"
  case hc3 = "HC3"

  /// Whether the type needs leverages hᵢ.
  var needsLeverage: Bool { self == .hc2 || self == .hc3 }
}
