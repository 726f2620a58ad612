/// The singular values of a matrix, largest first, and the 2-norm condition number they give.
public struct SingularValues: Sendable {
  public let values: [Double]

  /// Computes the singular values of `a`. LAPACK: `dgesdd` (values only).
  public init(of a: consuming Matrix) throws(LinearAlgebraError) {
    var m = a
    self.values = try gesddValues(&m)
  }

  /// σ_max / σ_min; infinite when σ_min is zero, NaN for an empty matrix.
  public var conditionNumber: Double {
    guard let first = values.first, let last = values.last else { return .nan }
    return last == 0 ? .infinity : first / last
  }
}
