/// Morris's trajectory design for elementary effects, as `SALib.sample.morris.sample`.
///
/// M. D. Morris, "Factorial sampling plans for preliminary computational experiments",
/// Technometrics 33(2), 161–174 (1991); the trajectories as in Campolongo, Cariboni & Saltelli,
/// Environ. Model. Softw. 22, 1509–1518 (2007), section 2, without their optimised selection
/// (SALib's default, `optimal_trajectories=None`). On the p-level grid {0, 1/(p − 1), …, 1} with
/// step Δ = p / (2(p − 1)), each trajectory is k + 1 runs
///
///     B* = J x* + (Δ/2) ((2B − J) D* + J) P*          (SALib's `_compute_b_star`)
///
/// with B the strictly lower-triangular (k + 1) × k matrix of ones, x* a random start with each
/// coordinate in {0, …, 1 − Δ} (the lower p/2 levels), D* random signs ±1 and P* a random
/// permutation: run m moves one more input, in the order of P*, by +Δ or −Δ, so every input
/// moves once, and every value is x*_j or x*_j + Δ ∈ [0, 1].
///
/// The random choices come from Philox4x32-10 (`PhiloxStream(seed: seed, path: t)` for
/// trajectory t), not SALib's NumPy generator, so the trajectories are SALib's in structure but
/// not in their draws. In order, from 64-bit words w with values ⌊w · m / 2⁶⁴⌋ in 0..<m:
/// k starting levels (m = p/2), k signs (m = 2: 0 is −1) and the k − 1 swaps of a
/// Fisher–Yates shuffle of the inputs (m = k, k − 1, …, 2), the i-th input of the shuffled
/// order moving in run i + 1.
public struct MorrisDesign: Sendable {
  /// The inputs, in column order.
  public let inputs: [SensitivityInput]

  /// The number of trajectories r.
  public let trajectoryCount: Int

  /// The number of grid levels p.
  public let levels: Int

  /// The seed of the trajectories' Philox streams.
  public let seed: UInt64

  /// The runs' coordinates on the grid, r(k + 1) rows, trajectory after trajectory.
  public let unitPoints: DesignPoints

  /// The runs' input values (each coordinate through its input's inverse CDF).
  public let points: DesignPoints

  /// r trajectories on a p-level grid for `inputs`, from `seed`.
  ///
  /// - Parameters:
  ///   - trajectories: r, at least 2 (default 10).
  ///   - levels: p, even and at least 2 (default 4).
  /// - Throws: `SensitivityError` for no or duplicate inputs, r < 2, an odd or too small p
  ///   (SALib only warns that an odd p biases the sample), and a grid value that maps to an
  ///   infinite one: the levels 0 and 1 of an unbounded normal (give it a domain).
  public init(inputs: [SensitivityInput], trajectories: Int = 10, levels: Int = 4, seed: UInt64)
    throws(SensitivityError)
  {
    try SaltelliDesign.checkNames(inputs)
    guard trajectories >= 2 else { throw .tooFewTrajectories(trajectories) }
    guard levels >= 2 && levels % 2 == 0 && levels <= Self.maximumLevels else {
      throw .invalidLevels(levels)
    }
    let k = inputs.count
    guard trajectories <= Self.maximumTrajectories else { throw .tooManyTrajectories(trajectories) }
    let delta = Self.step(levels: levels)
    let grid = Self.startingLevels(levels: levels)
    var unit = [Double](repeating: 0, count: trajectories * (k + 1) * k)
    for t in 0..<trajectories {
      var stream = PhiloxStream(seed: seed, path: UInt64(t))
      func below(_ m: Int) -> Int {
        Int(stream.nextUInt64().multipliedFullWidth(by: UInt64(m)).high)
      }
      let start = (0..<k).map { _ in grid[below(grid.count)] }
      let sign = (0..<k).map { _ in below(2) == 0 ? -1.0 : 1.0 }
      var order = Array(0..<k)
      for i in stride(from: k - 1, to: 0, by: -1) {
        order.swapAt(i, below(i + 1))
      }
      var moved = [Bool](repeating: false, count: k)
      for run in 0...k {
        if run > 0 { moved[order[run - 1]] = true }
        for j in 0..<k {
          // (2B − J) D* is +d_j once input j has moved and −d_j before.
          let s = moved[j] ? sign[j] : -sign[j]
          unit[(t * (k + 1) + run) * k + j] = start[j] + (delta / 2) * (s + 1)
        }
      }
    }
    let unitPoints = DesignPoints(rows: trajectories * (k + 1), columns: k, values: unit)
    self.inputs = inputs
    self.trajectoryCount = trajectories
    self.levels = levels
    self.seed = seed
    self.unitPoints = unitPoints
    self.points = try SaltelliDesign.scale(unitPoints, inputs)
  }

  /// Δ = p / (2(p − 1)), in the unit cube.
  public var step: Double { Self.step(levels: levels) }

  /// The number of runs: r(k + 1).
  public var runCount: Int { points.rows }

  /// Δ = p / (2(p − 1)) (SALib's `_compute_delta`).
  /// The most grid levels: far above the 4 to 10 analyses use, and a grid (p/2 starting
  /// levels) that takes no memory to speak of.
  public static let maximumLevels = 1_000

  /// The most trajectories: far more than an analysis needs (SALib's examples use 10 to 1,000).
  public static let maximumTrajectories = 1_000_000

  static func step(levels p: Int) -> Double { Double(p) / (2.0 * Double(p - 1)) }

  /// `numpy.linspace(0, 1 − Δ, p / 2)`: i (1 − Δ)/(p/2 − 1), the last exactly 1 − Δ.
  static func startingLevels(levels p: Int) -> [Double] {
    let count = p / 2
    let top = 1 - step(levels: p)
    guard count > 1 else { return [0] }
    let spacing = top / Double(count - 1)
    return (0..<count).map { $0 == count - 1 ? top : Double($0) * spacing }
  }
}
