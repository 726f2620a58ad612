/// The Sobol low-discrepancy sequence in up to 1,024 dimensions, unscrambled.
///
/// I. M. Sobol', "On the distribution of points in a cube and the approximate evaluation of
/// integrals", USSR Comput. Math. Math. Phys. 7(4), 86–112 (1967), with Joe & Kuo's direction
/// numbers (`SobolDirectionNumbers`) in Antonov & Saleev's Gray-code order (USSR Comput. Math.
/// Math. Phys. 19(1), 252–256, 1979): point n of dimension j is
///
///     x_n = (V₁ g₁ ⊕ V₂ g₂ ⊕ … ⊕ V₃₂ g₃₂) · 2⁻³²,   g = n ⊕ ⌊n / 2⌋ (the Gray code of n)
///
/// so x_n = x_(n−1) ⊕ V_(c+1), c the number of trailing zeros of n: one XOR per point and
/// dimension. Point 0 is the origin. These are the points of `scipy.stats.qmc.Sobol` with
/// `scramble=False` (SciPy resolves 30 bits by default and we 32; the points of index below 2³⁰
/// are the same dyadic fractions either way), and so the base points of `SALib.sample.sobol`.
public struct SobolSequence: Sendable {
  /// The most dimensions the direction numbers cover.
  public static let maximumDimensions = SobolDirectionNumbers.maximumDimensions

  /// The number of points of the sequence: 2³² at 32-bit resolution.
  public static let pointCount: UInt64 = 1 << 32

  /// The dimension of each point.
  public let dimensions: Int

  /// The sequence of `dimensions`-dimensional points.
  ///
  /// - Throws: `SensitivityError.tooManyInputs` past 1,024 dimensions.
  public init(dimensions: Int) throws(SensitivityError) {
    precondition(dimensions > 0, "SobolSequence: \(dimensions) dimensions")
    guard dimensions <= Self.maximumDimensions else {
      throw .tooManyInputs(count: dimensions, maximum: Self.maximumDimensions)
    }
    self.dimensions = dimensions
  }

  /// Points `first ..< first + count`, one per row.
  ///
  /// - Throws: `SensitivityError.negativeSkip` for `first < 0`, `.tooManyPoints` past 2³².
  public func points(count: Int, skipping first: Int = 0) throws(SensitivityError)
    -> DesignPoints
  {
    precondition(count >= 0, "SobolSequence.points: count \(count)")
    guard first >= 0 else { throw .negativeSkip(first) }
    guard UInt64(first) + UInt64(count) <= Self.pointCount else {
      throw .tooManyPoints(first: first, count: count)
    }
    var values = [Double](repeating: 0, count: count * dimensions)
    guard count > 0 else { return DesignPoints(rows: 0, columns: dimensions, values: values) }
    var state = integerPoint(UInt64(first))
    let directions = SobolDirectionNumbers.directions
    let bits = SobolDirectionNumbers.bits
    for row in 0..<count {
      if row > 0 {
        let c = (UInt64(first) + UInt64(row)).trailingZeroBitCount
        for d in 0..<dimensions {
          state[d] ^= directions[d * bits + c]
        }
      }
      for d in 0..<dimensions {
        values[row * dimensions + d] = Double(state[d]) * 0x1p-32
      }
    }
    return DesignPoints(rows: count, columns: dimensions, values: values)
  }

  /// Point `index`, computed directly from the Gray code of `index`.
  public func point(_ index: UInt64) -> [Double] {
    precondition(index < Self.pointCount, "SobolSequence.point: index \(index) ≥ 2^32")
    return integerPoint(index).map { Double($0) * 0x1p-32 }
  }

  /// 2³² x_n for every dimension: the XOR of the V_k picked by the Gray code of n.
  private func integerPoint(_ n: UInt64) -> [UInt32] {
    let gray = n ^ (n >> 1)
    let directions = SobolDirectionNumbers.directions
    let bits = SobolDirectionNumbers.bits
    var state = [UInt32](repeating: 0, count: dimensions)
    for k in 0..<bits where (gray >> k) & 1 == 1 {
      for d in 0..<dimensions {
        state[d] ^= directions[d * bits + k]
      }
    }
    return state
  }
}
