/// Sobol sensitivity indices of one model output, with their bootstrap intervals.
///
/// The result of `SobolAnalysis.indices(outputs:)`; the estimators are documented there.
public struct SobolIndices: Sendable, Equatable {
  /// The inputs' names, in design order.
  public let inputNames: [String]

  /// V: the variance (n denominator) of the 2N outputs of A and B, in the output's units.
  public let variance: Double

  /// S1 of each input (Saltelli 2010).
  public let firstOrder: [SensitivityIndex]

  /// ST of each input (Jansen).
  public let totalOrder: [SensitivityIndex]

  /// S2 of each pair j < k (Saltelli 2002), in SALib's order (0,1), (0,2), …, (1,2), …; empty
  /// unless the design has the second-order runs.
  public let secondOrder: [SecondOrderIndex]
}

/// One sensitivity index: the point estimate on the whole design and its bootstrap interval.
public struct SensitivityIndex: Sendable, Equatable {
  /// The estimate from all the runs.
  public let estimate: Double

  /// Its bootstrap interval; nil when fewer than two resamples define the index.
  public let interval: BootstrapInterval?
}

/// The second-order index of a pair of inputs.
public struct SecondOrderIndex: Sendable, Equatable {
  /// The first input's position, below `second`.
  public let first: Int

  /// The second input's position.
  public let second: Int

  /// S2 of the pair.
  public let index: SensitivityIndex
}
