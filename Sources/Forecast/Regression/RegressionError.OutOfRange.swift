import Foundation

extension RegressionError {
  /// A number of the fit outside the range of a double, and the column to rescale.
  ///
  /// A double holds magnitudes from about 2.2e-308 to 1.8e+308. The fit stops rather than
  /// report ∞ or NaN statistics, or a standard error of ∞ that would read as t = 0, p = 1.
  ///
  /// `largest` is the largest magnitude in the column concerned, as fitted (times √weight in a
  /// weighted fit); `weighted` says whether weights entered it.
  public enum OutOfRange: Sendable, Equatable, CustomStringConvertible {
    /// A term's sum of squares overflows (values ≳ 1e154) or underflows to 0 (≲ 1e-162).
    case termSumOfSquares(term: String, largest: Double, weighted: Bool)
    /// Σ eᵢ² overflows: the residuals, so the response, are too large.
    case residualSumOfSquares(response: String, largest: Double, weighted: Bool)
    /// Σ eᵢ² underflows below the normal range although the residuals are not all 0 (they are
    /// at most `largest`): σ̂² and every standard error would be wrong.
    case residualSumOfSquaresUnderflow(response: String, largest: Double)
    /// Σ (yᵢ − ȳ)² (Σ yᵢ² without an intercept) overflows.
    case totalSumOfSquares(response: String, largest: Double, weighted: Bool)
    /// An estimate is ±∞: its term is too small against the response.
    case estimate(term: String, response: String)
    /// The variance of an estimate overflows, or underflows below the normal range, so its
    /// standard error, t and p value would be wrong.
    case variance(term: String, response: String, value: Double)

    public var description: String {
      switch self {
      case .termSumOfSquares(let term, let largest, let weighted):
        let values = weighted ? "its values times √weight" : "its values"
        if largest >= 1 {
          return "the sum of squares of term '\(term)' overflows: \(values) reach "
            + "\(formatScientific(largest)), whose squares exceed the largest double "
            + "(1.8e+308); divide the column by \(decimalScale(largest)), say, and fit again"
        }
        return "the sum of squares of term '\(term)' underflows to 0: \(values) are at most "
          + "\(formatScientific(largest)), whose squares are below the smallest double; "
          + "multiply the column by \(decimalScale(largest, inverse: true)), say, and fit again"
      case .residualSumOfSquares(let response, let largest, let weighted):
        return "the residual sum of squares overflows (inf): the response '\(response)' "
          + "\(weighted ? "times √weight " : "")reaches \(formatScientific(largest)); "
          + "divide it by \(decimalScale(largest)), say, and fit again"
      case .residualSumOfSquaresUnderflow(let response, let largest):
        return "the residual sum of squares underflows: the residuals are at most "
          + "\(formatScientific(largest)), whose squares are below the smallest normal double; "
          + "multiply the response '\(response)' by \(decimalScale(largest, inverse: true)), say, "
          + "and fit again"
      case .totalSumOfSquares(let response, let largest, let weighted):
        return "the total sum of squares of the response '\(response)' overflows (inf): its "
          + "values\(weighted ? " times √weight" : "") reach \(formatScientific(largest)); "
          + "divide it by \(decimalScale(largest)), say, and fit again"
      case .estimate(let term, let response):
        return "the estimate of '\(term)' overflows (inf): the term is too small against the "
          + "response '\(response)'; rescale '\(term)' or '\(response)' and fit again"
      case .variance(let term, let response, let value):
        let what =
          !value.isFinite
          ? "overflows (\(value)): the term is too small against the residuals"
          : "underflows (\(value == 0 ? "0" : formatScientific(value))): the term is too large "
            + "against the residuals"
        return "the variance of the estimate of '\(term)' \(what); rescale '\(term)' or the "
          + "response '\(response)' and fit again"
      }
    }
  }
}

/// `1e+N` with N = ⌊log₁₀ x⌋ (or −⌊log₁₀ x⌋ when `inverse`): dividing x by it (multiplying)
/// brings x into [1, 10).
private func decimalScale(_ x: Double, inverse: Bool = false) -> String {
  let exponent = x > 0 && x.isFinite ? Int(floor(log10(x))) : 0
  let n = inverse ? -exponent : exponent
  return "1e\(n >= 0 ? "+" : "")\(n)"
}
