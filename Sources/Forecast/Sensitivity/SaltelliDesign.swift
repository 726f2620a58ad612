/// Saltelli's design for Sobol indices: the runs of `SALib.sample.sobol.sample`, unscrambled.
///
/// A. Saltelli, "Making best use of model evaluations to compute sensitivity indices", Comput.
/// Phys. Commun. 145(2), 280–297 (2002); A. Saltelli et al., "Variance based sensitivity
/// analysis of model output", Comput. Phys. Commun. 181(2), 259–270 (2010). Points
/// `skip ..< skip + N` of the 2k-dimensional Sobol sequence give A (their first k coordinates)
/// and B (the last k); A_B^j is A with column j from B, and B_A^j is B with column j from A.
/// Row i of each matrix is one run, in SALib's order:
///
///     A_i, A_B^1_i, …, A_B^k_i, [B_A^1_i, …, B_A^k_i,] B_i      for i = 0 … N − 1
///
/// N(k + 2) runs, or N(2k + 2) with the B_A^j for second-order indices. Each unit coordinate
/// is then mapped to its input's value (`SensitivityInput.value(at:)`).
///
/// SALib ≥ 1.4.6 scrambles the sequence by default (LMS and digital shift, from NumPy's
/// generator); this design is the unscrambled one (`scramble=False`), so that it is
/// deterministic and equal to SALib's. `skip` is SALib's `skip_values` (default 0; the
/// deprecated `SALib.sample.saltelli.sample` skipped max(16, 2^⌈log₂ N⌉) instead). Point 0 is
/// the origin, so without a skip the first run of A and of B is u = 0: an unbounded normal's
/// −∞ there is an error (`SensitivityError.infiniteDesignValue`); give such an input a domain,
/// or skip N points (SALib's advice is a power of two at least N).
public struct SaltelliDesign: Sendable {
  /// The inputs, in column order.
  public let inputs: [SensitivityInput]

  /// The base sample N.
  public let baseSampleCount: Int

  /// Whether the runs include the B_A^j for second-order indices.
  public let includesSecondOrder: Bool

  /// The Sobol points skipped before the first one used.
  public let skippedPoints: Int

  /// The runs' coordinates in the unit cube [0, 1)^k.
  public let unitPoints: DesignPoints

  /// The runs' input values, one row per run and one column per input.
  public let points: DesignPoints

  /// A design of N base points for `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: the uncertain inputs, at most 512 (the Sobol sequence has 1,024 dimensions).
  ///   - baseSamples: N, a power of two (default 1,024).
  ///   - secondOrder: whether to add the runs for second-order indices (SALib's
  ///     `calc_second_order`; SALib's default is true, this one's false: N(k + 2) runs).
  ///   - skip: the number of Sobol points to skip (SALib's `skip_values`, default 0).
  /// - Throws: `SensitivityError` for no or duplicate inputs, too many, an N that is not a
  ///   power of two, a negative skip, and a run that maps to an infinite value.
  public init(
    inputs: [SensitivityInput], baseSamples: Int = 1024, secondOrder: Bool = false,
    skip: Int = 0
  ) throws(SensitivityError) {
    try Self.checkNames(inputs)
    let k = inputs.count
    guard 2 * k <= SobolSequence.maximumDimensions else {
      throw .tooManyInputs(count: k, maximum: SobolSequence.maximumDimensions / 2)
    }
    // N = 1 makes A and B the same point (the first Sobol point after the skip), so every
    // output would have no variance and the inputs seem not to matter.
    guard baseSamples > 1 && baseSamples & (baseSamples - 1) == 0 else {
      throw .baseSamplesNotPowerOfTwo(baseSamples)
    }
    let base = try SobolSequence(dimensions: 2 * k).points(count: baseSamples, skipping: skip)
    let step = secondOrder ? 2 * k + 2 : k + 2
    var unit = [Double](repeating: 0, count: baseSamples * step * k)
    // Row i of the base points is (A_i, B_i); run r of block i takes column j from B when
    // fromB(r, j), else from A.
    for i in 0..<baseSamples {
      for run in 0..<step {
        for j in 0..<k {
          let fromB: Bool
          switch run {
          case 0: fromB = false
          case step - 1: fromB = true
          case 1...k: fromB = j == run - 1
          default: fromB = j != run - 1 - k
          }
          unit[(i * step + run) * k + j] = base.values[i * 2 * k + (fromB ? k + j : j)]
        }
      }
    }
    let unitPoints = DesignPoints(rows: baseSamples * step, columns: k, values: unit)
    self.inputs = inputs
    self.baseSampleCount = baseSamples
    self.includesSecondOrder = secondOrder
    self.skippedPoints = skip
    self.unitPoints = unitPoints
    self.points = try Self.scale(unitPoints, inputs)
  }

  /// The number of runs: N(k + 2), or N(2k + 2) with second order.
  public var runCount: Int { points.rows }

  /// Throws for an empty input list or a repeated name.
  static func checkNames(_ inputs: [SensitivityInput]) throws(SensitivityError) {
    guard !inputs.isEmpty else { throw .noInputs }
    var seen = Set<String>()
    for input in inputs where !seen.insert(input.name).inserted {
      throw .duplicateInputName(input.name)
    }
  }

  /// Maps each unit coordinate to its input's value; an infinite value is an error.
  static func scale(_ unit: DesignPoints, _ inputs: [SensitivityInput]) throws(SensitivityError)
    -> DesignPoints
  {
    var values = unit.values
    for run in 0..<unit.rows {
      for (j, input) in inputs.enumerated() {
        let u = unit.values[run * unit.columns + j]
        let x = input.value(at: u)
        guard x.isFinite else {
          throw .infiniteDesignValue(input: input.name, run: run, quantile: u)
        }
        values[run * unit.columns + j] = x
      }
    }
    return DesignPoints(rows: unit.rows, columns: unit.columns, values: values)
  }
}
