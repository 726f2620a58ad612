/// The direction numbers of the Sobol sequence: Joe & Kuo's `new-joe-kuo-6.21201` set.
///
/// S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
/// SIAM J. Sci. Comput. 30(5), 2635–2654 (2008), doi:10.1137/070709359; the numbers from
/// https://web.maths.unsw.edu.au/~fkuo/sobol/ (file `new-joe-kuo-6.21201`), the set that
/// `scipy.stats.qmc.Sobol` ships and `SALib.sample.sobol` uses. `table` holds its lines for
/// dimensions 2 to 1024, generated from SciPy's copy by
/// `Tests/ForecastTests/Fixtures/sensitivity/make_direction_numbers.py`.
///
/// Dimension j has a primitive polynomial of degree s over GF(2),
///
///     x^s + a₁ x^(s−1) + … + a_(s−1) x + 1,   a = (a₁ … a_(s−1)) read as a binary integer,
///
/// and initial odd integers m₁ … m_s (m_k < 2^k); the rest follow Bratley & Fox's recurrence
///
///     m_k = 2a₁ m_(k−1) ⊕ 4a₂ m_(k−2) ⊕ … ⊕ 2^(s−1) a_(s−1) m_(k−s+1) ⊕ 2^s m_(k−s) ⊕ m_(k−s)
///
/// and the direction numbers at 32-bit resolution are V_k = m_k · 2^(32−k), k = 1 … 32.
/// Dimension 1 is van der Corput's sequence: every m_k = 1.
enum SobolDirectionNumbers {
  /// Bits of resolution: points are multiples of 2⁻³², and at most 2³² of them exist.
  static let bits = 32

  /// The dimensions the table covers.
  static let maximumDimensions = 1024

  /// V_k for every dimension, `bits` words per dimension: `directions[d * bits + k − 1]` is
  /// V_k of dimension d + 1.
  static let directions: [UInt32] = makeDirections()

  /// Parses `table` and runs the recurrence for every dimension.
  private static func makeDirections() -> [UInt32] {
    var result = [UInt32](repeating: 0, count: maximumDimensions * bits)
    for k in 1...bits {
      result[k - 1] = UInt32(1) << (bits - k)
    }
    var dimension = 1
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ").compactMap { UInt64($0) }
      precondition(fields.count >= 4, "Sobol direction numbers: malformed line '\(line)'")
      let degree = Int(fields[1])
      let coefficients = fields[2]
      precondition(
        fields.count == 3 + degree && Int(fields[0]) == dimension + 1,
        "Sobol direction numbers: malformed line '\(line)'")
      // m_k in 64 bits: m_k < 2^k ≤ 2^32.
      var m = [UInt64](repeating: 0, count: bits + 1)
      for k in 1...min(degree, bits) {
        m[k] = fields[2 + k]
      }
      if degree < bits {
        for k in (degree + 1)...bits {
          var value = m[k - degree] ^ (m[k - degree] << degree)
          for i in 1..<degree where (coefficients >> (degree - 1 - i)) & 1 == 1 {
            value ^= m[k - i] << i
          }
          m[k] = value
        }
      }
      for k in 1...bits {
        result[dimension * bits + k - 1] = UInt32(m[k] << (bits - k))
      }
      dimension += 1
    }
    precondition(dimension == maximumDimensions, "Sobol direction numbers: \(dimension) dimensions")
    return result
  }
}
