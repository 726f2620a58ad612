/// Failures of a factorisation or solve that come from the data, not from a programming error.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A triangular factor has an exact zero on its diagonal at `index` (0-based).
  case singular(index: Int)
  /// Cholesky found the leading minor of order `leadingMinor` not positive.
  case notPositiveDefinite(leadingMinor: Int)
  /// LAPACK rejected argument number `position` of `routine` (a bug in the wrapper).
  case illegalArgument(routine: String, position: Int)
  /// An iterative LAPACK routine did not converge (`info` > 0).
  case noConvergence(routine: String, info: Int)
  /// A dimension does not fit LAPACK's 32-bit integers.
  case dimensionTooLarge(Int)

  public var description: String {
    switch self {
    case .singular(let index):
      return "the matrix is singular: diagonal element \(index + 1) of its triangular factor is zero"
    case .notPositiveDefinite(let minor):
      return "the matrix is not positive definite: its leading minor of order \(minor) is not positive"
    case .illegalArgument(let routine, let position):
      return "LAPACK \(routine) rejected its argument \(position) (an internal error; please report it)"
    case .noConvergence(let routine, let info):
      return "LAPACK \(routine) did not converge (info \(info))"
    case .dimensionTooLarge(let n):
      return "dimension \(n) exceeds LAPACK's 32-bit limit"
    }
  }
}
