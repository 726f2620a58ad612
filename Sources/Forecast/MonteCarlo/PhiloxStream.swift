/// The random numbers of one Monte Carlo path: a Philox4x32-10 stream keyed by (seed, path).
///
/// MODEL.md section 7: a path's draws depend only on the run's seed and the path's index, never on
/// thread count, path order or how a run is split into batches or processes. The stream is the
/// sequence of Philox4x32-10 blocks (`Philox4x32`) for
///
///     key     = (seed mod 2³², ⌊seed / 2³²⌋)                         (k₀, k₁)
///     counter = (b mod 2³², ⌊b / 2³²⌋, path mod 2³², ⌊path / 2³²⌋)   (c₀, c₁, c₂, c₃)
///     words   = block(b = 0), block(b = 1), …   each block's words in order c₀, c₁, c₂, c₃
///
/// so word w of a path is word w mod 4 of block ⌊w / 4⌋. Because Philox is a bijection of the
/// counter for a fixed key, the paths of one seed occupy disjoint counter ranges (2⁶⁴ blocks,
/// 2⁶⁶ words each) and never overlap; the block index b wraps after 2⁶⁴ blocks.
///
/// Doubles take two consecutive words each, low word first (`nextUInt64`), so the k-th double
/// of a stream that draws only doubles starts at word 2k: `PhiloxStream(seed:path:offset: 2 * k)`
/// jumps straight to it, computing one block.
///
///     uniform = (m + ½) · 2⁻⁵²,   m = the top 52 bits of the 64-bit draw
///     normal  = Φ⁻¹(uniform)       (Wichura's AS 241, `Normal.quantile`)
public struct PhiloxStream: Sendable {
  /// The run's seed; its two 32-bit halves are the Philox key.
  public let seed: UInt64

  /// The path's index; its two 32-bit halves are the high words of every counter.
  public let path: UInt64

  @usableFromInline let generator: Philox4x32

  /// The index b of the block in `buffer`.
  @usableFromInline var blockIndex: UInt64

  /// The words of block `blockIndex`.
  @usableFromInline var buffer: SIMD4<UInt32>

  /// The next word of `buffer` to return; 4 once the block is used up.
  @usableFromInline var lane: Int

  /// The stream of `path` under `seed`, at its first word.
  public init(seed: UInt64, path: UInt64) {
    self.init(seed: seed, path: path, offset: 0)
  }

  /// The stream of `path` under `seed`, positioned at word `offset` (0-based).
  ///
  /// Equal to `PhiloxStream(seed:path:)` after `offset` calls of `nextUInt32()`, at the cost of
  /// one block. Each `nextUInt64`, `nextUniform` and `nextNormal` takes 2 words, so the k-th
  /// normal of a normals-only stream is at `offset: 2 * k`.
  public init(seed: UInt64, path: UInt64, offset: UInt64) {
    self.seed = seed
    self.path = path
    generator = Philox4x32(key: (UInt32(truncatingIfNeeded: seed), UInt32(seed >> 32)))
    blockIndex = offset >> 2
    lane = Int(offset & 3)
    buffer = .zero
    buffer = makeBlock(blockIndex)
  }

  /// The number of words drawn so far (modulo 2⁶⁴): the `offset` that recreates this state.
  public var position: UInt64 {
    blockIndex &* 4 &+ UInt64(lane)
  }

  /// The next 32-bit word.
  @inlinable
  public mutating func nextUInt32() -> UInt32 {
    if lane == 4 {
      blockIndex &+= 1
      buffer = makeBlock(blockIndex)
      lane = 0
    }
    let word = buffer[lane]
    lane &+= 1
    return word
  }

  /// The next two words as one 64-bit integer, the first word in the low half.
  ///
  ///     x = w₀ + 2³² · w₁
  @inlinable
  public mutating func nextUInt64() -> UInt64 {
    let low = nextUInt32()
    let high = nextUInt32()
    return UInt64(high) << 32 | UInt64(low)
  }

  /// A uniform double in the open interval (0, 1), from the next two words.
  ///
  ///     u = (⌊x / 2¹²⌋ + ½) · 2⁻⁵²,   x = nextUInt64()
  ///
  /// The 2⁵² midpoints of [k · 2⁻⁵², (k + 1) · 2⁻⁵²): every value is exact, the smallest is
  /// 2⁻⁵³ and the largest 1 − 2⁻⁵³, so u is never 0 or 1 and the set is symmetric (u ↔ 1 − u),
  /// which keeps Φ⁻¹(u) finite and its distribution symmetric. 52 bits, not 53: with 53,
  /// (m + ½) · 2⁻⁵³ for m ≥ 2⁵² needs 54 significant bits and rounds to 1 at the top.
  @inlinable
  public mutating func nextUniform() -> Double {
    Self.uniform(bits: nextUInt64())
  }

  /// The uniform `nextUniform()` makes of the 64-bit draw x: (⌊x / 2¹²⌋ + ½) · 2⁻⁵².
  @inlinable
  public static func uniform(bits x: UInt64) -> Double {
    (Double(x >> 12) + 0.5) * 0x1p-52
  }

  /// A standard normal draw N(0, 1), by inversion of the next uniform.
  ///
  ///     z = Φ⁻¹(u),   u = nextUniform()   (Wichura's AS 241, relative error about 1e-16)
  ///
  /// Inversion rather than Box–Muller: one uniform (two words) per normal, so normal k sits at
  /// word 2k with no cached second output to carry, and `init(seed:path:offset:)` can address
  /// it; z is monotone in u; and it needs only `log` and `sqrt` (in 15% of draws, the tails)
  /// instead of `log`, `sqrt`, `sin` and `cos`, which makes results less dependent on the C
  /// library. |z| ≤ Φ⁻¹(1 − 2⁻⁵³) ≈ 8.2.
  public mutating func nextNormal() -> Double {
    Normal().quantile(nextUniform())
  }

  /// A standard normal draw truncated to [a, b], by inversion of the next uniform (MODEL.md 7):
  ///
  ///     z = Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a)))
  ///
  /// one uniform per draw, as `nextNormal`, so draws keep their places in the stream. With
  /// a = −∞ and b = +∞ it is exactly `nextNormal()`'s Φ⁻¹(u). Where the interval lies in the
  /// upper tail (a > 0) it is drawn as −z of the mirrored interval, through Φ(−b) and Φ(−a),
  /// so that Φ close to 1 loses no precision.
  public mutating func nextNormal(truncatedTo a: Double, _ b: Double) -> Double {
    Self.truncatedNormal(uniform: nextUniform(), lower: a, upper: b)
  }

  /// The draw `nextNormal(truncatedTo:_:)` makes of the uniform u.
  public static func truncatedNormal(uniform u: Double, lower a: Double, upper b: Double) -> Double {
    NormalInterval(a, b).draw(u)
  }

  /// Block b of this path.
  @inlinable
  func makeBlock(_ b: UInt64) -> SIMD4<UInt32> {
    let c = generator.block(
      counter: (
        UInt32(truncatingIfNeeded: b), UInt32(b >> 32),
        UInt32(truncatingIfNeeded: path), UInt32(path >> 32)
      ))
    return SIMD4(c.0, c.1, c.2, c.3)
  }
}
