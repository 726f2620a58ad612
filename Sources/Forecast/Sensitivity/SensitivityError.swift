/// A sensitivity design or analysis that cannot be made from the inputs it was given.
///
/// Each case names the input (by its name) or the run it concerns; `description` reads as a
/// sentence that says what was wrong and what is allowed.
public enum SensitivityError: Error, Sendable, Equatable {
  /// A design needs at least one input.
  case noInputs
  /// Two inputs share a name.
  case duplicateInputName(String)
  /// More inputs than the Sobol sequence's dimensions allow (a Saltelli design uses 2k).
  case tooManyInputs(count: Int, maximum: Int)
  /// The Saltelli design's base sample N is not a power of two.
  case baseSamplesNotPowerOfTwo(Int)
  /// A negative number of Sobol points to skip.
  case negativeSkip(Int)
  /// More Sobol points than the 32-bit sequence holds (2³²).
  case tooManyPoints(first: Int, count: Int)
  /// A parameter of a distribution or domain is NaN or infinite where it must be finite.
  case nonFiniteParameter(input: String, parameter: String, value: Double)
  /// A uniform or triangular range with lower ≥ upper.
  case emptyRange(input: String, lower: Double, upper: Double)
  /// A triangular mode outside its range.
  case modeOutsideRange(input: String, mode: Double, lower: Double, upper: Double)
  /// A normal standard deviation that is not positive.
  case nonPositiveStandardDeviation(input: String, value: Double)
  /// A truncation domain with lower ≥ upper.
  case emptyDomain(input: String, lower: Double, upper: Double)
  /// A truncation domain that holds no probability of the distribution (to double precision).
  case domainWithoutProbability(input: String, lower: Double, upper: Double)
  /// A design point that maps to an infinite value: a quantile of 0 or 1 of an unbounded normal.
  case infiniteDesignValue(input: String, run: Int, quantile: Double)
  /// A model output that is NaN or infinite.
  case nonFiniteOutput(run: Int, value: Double)
  /// A Morris grid with fewer than two levels, or an odd number of them.
  case invalidLevels(Int)
  /// Fewer than two Morris trajectories (σ and the bootstrap need two).
  case tooFewTrajectories(Int)
  /// More Morris trajectories than `MorrisDesign.maximumTrajectories`.
  case tooManyTrajectories(Int)
  /// A bootstrap with fewer than two resamples.
  case tooFewResamples(Int)
  /// A confidence level outside (0, 1).
  case invalidConfidenceLevel(Double)
}
