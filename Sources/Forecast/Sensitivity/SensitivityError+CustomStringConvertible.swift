extension SensitivityError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .noInputs:
      return "a sensitivity design needs at least one uncertain input"
    case .duplicateInputName(let name):
      return "two uncertain inputs are both named '\(name)'; each name must be unique"
    case .tooManyInputs(let count, let maximum):
      return "\(count) uncertain inputs are more than the Sobol sequence's direction numbers "
        + "cover; at most \(maximum) are allowed"
    case .baseSamplesNotPowerOfTwo(let n):
      return "the base sample N = \(n) must be a power of two, at least 2 (for example 512, 1024 "
        + "or 2048), which keeps the Sobol points balanced"
    case .negativeSkip(let skip):
      return "the number of Sobol points to skip is \(skip); it must be 0 or more"
    case .tooManyPoints(let first, let count):
      return "Sobol points \(first) to \(first + count - 1) are past the end of the 32-bit "
        + "sequence, which has 2^32 points"
    case .nonFiniteParameter(let input, let parameter, let value):
      return "uncertain input '\(input)': \(parameter) is \(value); it must be a finite number"
    case .emptyRange(let input, let lower, let upper):
      return "uncertain input '\(input)': the range [\(lower), \(upper)] is empty; "
        + "its lower bound must be below its upper bound"
    case .modeOutsideRange(let input, let mode, let lower, let upper):
      return "uncertain input '\(input)': the triangular mode \(mode) is outside its range "
        + "[\(lower), \(upper)]"
    case .nonPositiveStandardDeviation(let input, let value):
      return "uncertain input '\(input)': the normal standard deviation is \(value); "
        + "it must be positive"
    case .emptyDomain(let input, let lower, let upper):
      return "uncertain input '\(input)': the domain [\(lower), \(upper)] is empty; "
        + "its lower bound must be below its upper bound"
    case .domainWithoutProbability(let input, let lower, let upper):
      return "uncertain input '\(input)': its distribution puts no probability in the domain "
        + "[\(lower), \(upper)], so it cannot be truncated to it"
    case .infiniteDesignValue(let input, let run, let quantile):
      return "uncertain input '\(input)' is infinite in design run \(run): its quantile "
        + "\(quantile) of an unbounded normal is \(quantile == 0 ? "-inf" : "+inf"); give the "
        + "input a finite domain, or (Saltelli) skip the first Sobol points"
    case .nonFiniteOutput(let run, let value):
      return "the model output of design run \(run) is \(value); sensitivity indices need "
        + "finite outputs"
    case .invalidLevels(let levels):
      return "a Morris grid of \(levels) levels is not allowed; it needs an even number of "
        + "levels, from 2 (default 4) to \(MorrisDesign.maximumLevels): an odd one biases its "
        + "starting points"
    case .tooManyTrajectories(let count):
      return "\(count) Morris trajectories are more than the \(MorrisDesign.maximumTrajectories) "
        + "allowed (default 10)"
    case .tooFewTrajectories(let count):
      return "\(count) Morris trajectories are too few; at least 2 are needed (default 10)"
    case .tooFewResamples(let count):
      return "\(count) bootstrap resamples are too few; at least 2 are needed (default 100)"
    case .invalidConfidenceLevel(let level):
      return "the confidence level \(level) must be strictly between 0 and 1 (default 0.95)"
    }
  }
}
