import Foundation

/// Something the user should know about a fit that does not stop it (statsmodels' numbered
/// notes). Warnings are data: the library never prints.
public enum RegressionWarning: Sendable, Equatable, CustomStringConvertible {
  /// Terms dropped as linear combinations of earlier terms; reported with empty estimates.
  case aliasedTerms([String])
  /// The 2-norm condition number of the design is large.
  case largeConditionNumber(Double)
  /// Rows left out because a variable of the model was missing.
  case rowsDroppedForMissing(Int)
  /// Rows left out because a function's argument was outside its domain (log of 0...).
  case rowsDroppedForDomain(Int)
  /// The residuals are all zero: standard errors are zero and t statistics undefined.
  case perfectFit
  /// No residual degrees of freedom: standard errors and tests are undefined.
  case noResidualDegreesOfFreedom
  /// Rows with weight 0 left out of a weighted fit (R's `lm` does the same).
  case zeroWeights(Int)
  /// HC2/HC3 met observations with leverage 1; their terms are undefined.
  case leverageOne(count: Int)

  public var description: String {
    switch self {
    case .aliasedTerms(let names):
      let list = names.map { "'\($0)'" }.joined(separator: ", ")
      return "\(names.count == 1 ? "term" : "terms") \(list) \(names.count == 1 ? "is" : "are") "
        + "aliased (a linear combination of earlier terms): not estimated"
    case .largeConditionNumber(let c):
      return "the condition number is large (\(formatScientific(c))): there may be strong "
        + "multicollinearity or other numerical problems"
    case .rowsDroppedForMissing(let n):
      return "\(n) \(n == 1 ? "row" : "rows") left out for missing values"
    case .rowsDroppedForDomain(let n):
      return "\(n) \(n == 1 ? "row" : "rows") left out where a function's argument was outside "
        + "its domain (log or sqrt of a non-positive number, logit outside (0, 1))"
    case .perfectFit:
      return "the model fits exactly (all residuals are zero): standard errors are zero"
    case .noResidualDegreesOfFreedom:
      return "no residual degrees of freedom: standard errors and tests are undefined"
    case .zeroWeights(let n):
      return "\(n) \(n == 1 ? "row has" : "rows have") weight 0 and \(n == 1 ? "is" : "are") left out"
    case .leverageOne(let count):
      return "\(count) \(count == 1 ? "observation has" : "observations have") leverage 1: "
        + "HC2/HC3 weights are undefined for \(count == 1 ? "it" : "them")"
    }
  }
}

/// A number in scientific notation with 3 significant digits, for messages.
func formatScientific(_ x: Double) -> String {
  guard x.isFinite, x != 0 else { return "\(x)" }
  let exponent = Int(floor(log10(abs(x))))
  let mantissa = x / pow(10, Double(exponent))
  let rounded = (mantissa * 100).rounded() / 100
  return "\(rounded)e\(exponent >= 0 ? "+" : "")\(exponent)"
}
