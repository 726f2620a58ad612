import Foundation

/// The distribution of one uncertain input of a sensitivity design.
///
/// A design maps each unit coordinate u ∈ [0, 1) to an input value by the inverse CDF, as
/// `SALib.util.scale_samples` does (SALib's `unif`, `triang` and `norm`):
///
///     uniform      F⁻¹(u) = u (b − a) + a
///     triangular   F⁻¹(u) = a + (b − a) √(c u)                 for u < c,  c = (m − a)/(b − a)
///                         = a + (b − a) (1 − √((1 − c)(1 − u)))  otherwise
///     normal       F⁻¹(u) = Φ⁻¹(u) σ + μ                       (Wichura's AS 241)
///
/// with the operations in SciPy's order, so a uniform input's values equal SALib's bit for bit.
/// SALib writes a triangular distribution as [a, b, c] with c the mode's relative position;
/// here it is [a, m, b] with the mode m itself.
public enum InputDistribution: Sendable, Equatable {
  /// Uniform on [lower, upper].
  case uniform(lower: Double, upper: Double)
  /// Triangular on [lower, upper] with its peak at `mode`.
  case triangular(lower: Double, mode: Double, upper: Double)
  /// Normal with mean μ and standard deviation σ.
  case normal(mean: Double, standardDeviation: Double)

  /// The inverse CDF F⁻¹(u), u ∈ [0, 1]; ±∞ at u = 0 or 1 for a normal.
  func quantile(_ u: Double) -> Double {
    switch self {
    case .uniform(let a, let b):
      return u * (b - a) + a
    case .triangular(let a, let m, let b):
      let c = (m - a) / (b - a)
      let t = u < c ? (c * u).squareRoot() : 1 - ((1 - c) * (1 - u)).squareRoot()
      return t * (b - a) + a
    case .normal(let mean, let sd):
      return Normal().quantile(u) * sd + mean
    }
  }

  /// The CDF F(x).
  func cdf(_ x: Double) -> Double {
    switch self {
    case .uniform(let a, let b):
      return min(max((x - a) / (b - a), 0), 1)
    case .triangular(let a, let m, let b):
      if x <= a { return 0 }
      if x >= b { return 1 }
      if x < m { return (x - a) * (x - a) / ((b - a) * (m - a)) }
      return 1 - (b - x) * (b - x) / ((b - a) * (b - m))
    case .normal(let mean, let sd):
      return Normal().cdf((x - mean) / sd)
    }
  }

  /// The smallest and largest values the distribution takes.
  var support: ClosedRange<Double> {
    switch self {
    case .uniform(let a, let b), .triangular(let a, _, let b): return a...b
    case .normal: return -Double.infinity...Double.infinity
    }
  }

  /// Checks the parameters of the input named `name`.
  func validate(name: String) throws(SensitivityError) {
    switch self {
    case .uniform(let a, let b):
      try Self.finite(name, "the lower bound", a)
      try Self.finite(name, "the upper bound", b)
      guard a < b else { throw .emptyRange(input: name, lower: a, upper: b) }
    case .triangular(let a, let m, let b):
      try Self.finite(name, "the lower bound", a)
      try Self.finite(name, "the mode", m)
      try Self.finite(name, "the upper bound", b)
      guard a < b else { throw .emptyRange(input: name, lower: a, upper: b) }
      guard a <= m && m <= b else {
        throw .modeOutsideRange(input: name, mode: m, lower: a, upper: b)
      }
    case .normal(let mean, let sd):
      try Self.finite(name, "the mean", mean)
      try Self.finite(name, "the standard deviation", sd)
      guard sd > 0 else { throw .nonPositiveStandardDeviation(input: name, value: sd) }
    }
  }

  private static func finite(_ name: String, _ parameter: String, _ value: Double)
    throws(SensitivityError)
  {
    guard value.isFinite else {
      throw .nonFiniteParameter(input: name, parameter: parameter, value: value)
    }
  }
}
