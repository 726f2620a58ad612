/// The counter-based generator Philox4x32-10: a keyed bijection of 128-bit counters.
///
/// J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011 (doi:10.1145/2063384.2063405), exactly as in D. E. Shaw Research's Random123
/// library (`philox4x32_R(10, ctr, key)` in `Random123/philox.h`). One round maps the counter
/// (c₀, c₁, c₂, c₃) and key (k₀, k₁) to
///
///     (hi₀, lo₀) = M₀ · c₀,   (hi₁, lo₁) = M₁ · c₂          (32 × 32 → 64-bit products)
///     (c₀, c₁, c₂, c₃) ← (hi₁ ⊕ c₁ ⊕ k₀,  lo₁,  hi₀ ⊕ c₃ ⊕ k₁,  lo₀)
///     M₀ = 0xD2511F53,   M₁ = 0xCD9E8D57
///
/// and between rounds the key takes a Weyl step, k₀ += 0x9E3779B9, k₁ += 0xBB67AE85 (mod 2³²),
/// so round r (0-based) uses (k₀ + r·W₀, k₁ + r·W₁). The paper finds 7 rounds already
/// Crush-resistant (TestU01 SmallCrush, Crush and BigCrush); 10 is Random123's default, for a
/// safety margin.
///
/// For a fixed key, `block(counter:)` is a permutation of the 2¹²⁸ counters, so distinct
/// counters never give the same block: streams built on disjoint counter ranges cannot overlap.
/// The function is pure, so any block can be computed directly, in any order, on any thread.
/// Known-answer vectors: Random123's `kat_vectors` (see `RandomTests.swift`).
public struct Philox4x32: Sendable, Hashable {
  /// A 128-bit counter as four 32-bit words, least significant first (Random123's `ctr_type`).
  public typealias Counter = (UInt32, UInt32, UInt32, UInt32)

  /// A 64-bit key as two 32-bit words, `k₀` first (Random123's `key_type`).
  public typealias Key = (UInt32, UInt32)

  /// Multiplier of words 0 (M₀) and 2 (M₁).
  @usableFromInline static let multiplier0: UInt32 = 0xD251_1F53
  @usableFromInline static let multiplier1: UInt32 = 0xCD9E_8D57

  /// Weyl increments of the key: W₀ = ⌊2³² (φ − 1)⌋ (golden ratio), W₁ = ⌊2³² (√3 − 1)⌋.
  @usableFromInline static let weyl0: UInt32 = 0x9E37_79B9
  @usableFromInline static let weyl1: UInt32 = 0xBB67_AE85

  @usableFromInline let key0: UInt32
  @usableFromInline let key1: UInt32

  /// A generator with key (k₀, k₁).
  public init(key: Key) {
    key0 = key.0
    key1 = key.1
  }

  /// The key (k₀, k₁).
  public var key: Key { (key0, key1) }

  /// The block for `counter`: ten Philox rounds, no state and no allocation.
  ///
  ///     block(c) = R₉ ∘ … ∘ R₁ ∘ R₀ (c),   Rᵣ keyed by (k₀ + r·W₀, k₁ + r·W₁)
  ///
  /// - Parameter counter: (c₀, c₁, c₂, c₃), least significant word first.
  /// - Returns: four uniformly distributed 32-bit words.
  @inlinable
  public func block(counter: Counter) -> Counter {
    var c = counter
    var k0 = key0
    var k1 = key1
    c = Self.round(c, k0, k1)
    for _ in 1..<10 {
      k0 &+= Self.weyl0
      k1 &+= Self.weyl1
      c = Self.round(c, k0, k1)
    }
    return c
  }

  /// One Philox S-box-and-permute round (Random123's `_philox4x32round`).
  @inlinable @inline(__always)
  static func round(_ c: Counter, _ k0: UInt32, _ k1: UInt32) -> Counter {
    let p0 = multiplier0.multipliedFullWidth(by: c.0)
    let p1 = multiplier1.multipliedFullWidth(by: c.2)
    return (p1.high ^ c.1 ^ k0, p1.low, p0.high ^ c.3 ^ k1, p0.low)
  }
}
