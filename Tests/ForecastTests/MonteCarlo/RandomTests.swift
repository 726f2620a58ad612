import Testing

@testable import Forecast

/// One Philox4x32-10 known answer: counter and key in, block out.
struct PhiloxKnownAnswer: CustomTestStringConvertible, Sendable {
  let name: String
  let counter: [UInt32]
  let key: [UInt32]
  let block: [UInt32]
  var testDescription: String { name }

  // Random123's kat_vectors file, lines "philox4x32 10 CTR KEY EXPECTED". Confirmed against the
  // copy in DEShawResearch/Random123-Boost, libs/random/test/test_philox.cpp ("cut-and-pasted
  // from the kat_vectors file in the original Random123 distribution", commit 916db91a), and
  // reproduced by the independent Python implementation in
  // Fixtures/random123/philox_reference.py.
  static let all: [PhiloxKnownAnswer] = [
    .init(
      name: "zero counter, zero key", counter: [0, 0, 0, 0], key: [0, 0],
      block: [0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8]),
    .init(
      name: "all-ones counter and key",
      counter: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF],
      key: [0xFFFF_FFFF, 0xFFFF_FFFF],
      block: [0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD]),
    .init(
      name: "digits of pi", counter: [0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344],
      key: [0xA409_3822, 0x299F_31D0],
      block: [0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1]),
  ]
}

/// A (seed, path) whose stream must differ from the base stream's.
struct StreamPair: CustomTestStringConvertible, Sendable {
  let name: String
  let seed: UInt64
  let path: UInt64
  var testDescription: String { name }

  static let base = StreamPair(name: "base", seed: 20_250_101, path: 3)
  static let others: [StreamPair] = [
    .init(name: "next path", seed: 20_250_101, path: 4),
    .init(name: "path in the high counter word", seed: 20_250_101, path: 3 | 1 << 32),
    .init(name: "next seed", seed: 20_250_102, path: 3),
    .init(name: "seed in the high key word", seed: 20_250_101 | 1 << 32, path: 3),
  ]
}

/// A word offset reached both by stepping and by `init(seed:path:offset:)`.
struct OffsetCase: CustomTestStringConvertible, Sendable {
  let name: String
  let offset: UInt64
  var testDescription: String { name }

  static let all: [OffsetCase] = [
    .init(name: "start", offset: 0),
    .init(name: "inside the first block", offset: 3),
    .init(name: "block boundary", offset: 4),
    .init(name: "one past a boundary", offset: 5),
    .init(name: "normal 37 (year 37 of one draw a year)", offset: 74),
    .init(name: "far", offset: 4_099),
  ]
}

/// Byte-for-byte references printed by Fixtures/random123/philox_reference.py.
enum PhiloxReference {
  // Blocks at the pi counter and at that counter + 1 under the pi key: the first 8 words.
  static let piBlocks: [UInt32] = [
    0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1,
    0x5757_C6CE, 0x254C_D124, 0x3C0F_08A0, 0xF40A_747B,
  ]
  static let seed: UInt64 = 0x0123_4567_89AB_CDEF
  static let path: UInt64 = 7
  static let words: [UInt32] = [
    0x34B2_3A77, 0x8EC4_3D26, 0xFDBF_9305, 0xA6C0_2CF2,
    0xF9A3_6445, 0x1EE1_7293, 0x3EC6_E16D, 0xC594_9040,
  ]
  static let uniforms: [Double] = [
    0.5576818674350726, 0.6513698666801687, 0.12062755692171623, 0.7717981488083542,
  ]
  // statistics.NormalDist().inv_cdf (CPython's AS 241) of the first 8 uniforms.
  static let normals: [Double] = [
    0.14509449439195343, 0.3890214666481087, -1.1718554051320142, 0.744781695282431,
    -0.1635684738183362, -0.8011887747162973, 1.0517711954359845, -0.6970081465221147,
  ]
}

@Suite struct RandomTests {
  @Test(arguments: PhiloxKnownAnswer.all)
  func knownAnswer(_ c: PhiloxKnownAnswer) {
    let philox = Philox4x32(key: (c.key[0], c.key[1]))
    let b = philox.block(counter: (c.counter[0], c.counter[1], c.counter[2], c.counter[3]))
    #expect([b.0, b.1, b.2, b.3] == c.block)
  }

  // numpy's np.random.Philox is Philox4x64-10 (no 4x32 variant), so the reference for raw
  // 4x32 words is the pure-Python Philox4x32-10 in Fixtures/random123, itself checked against
  // the known answers above. Command (package root):
  //   python3 Tests/ForecastTests/Fixtures/random123/philox_reference.py
  @Test func consecutiveBlocksMatchPythonReference() {
    let philox = Philox4x32(key: (0xA409_3822, 0x299F_31D0))
    var words: [UInt32] = []
    for low in [UInt32(0x243F_6A88), 0x243F_6A89] {
      let b = philox.block(counter: (low, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344))
      words += [b.0, b.1, b.2, b.3]
    }
    #expect(words == PhiloxReference.piBlocks)
  }

  // Same script: the stream's key/counter layout, word order, uniform and normal mappings.
  // Words and uniforms exactly; normals to 1e-15 relative (CPython's AS 241 may order the
  // Horner steps differently).
  @Test func streamMatchesPythonReference() {
    var words = PhiloxStream(seed: PhiloxReference.seed, path: PhiloxReference.path)
    #expect((0..<8).map { _ in words.nextUInt32() } == PhiloxReference.words)
    var uniforms = PhiloxStream(seed: PhiloxReference.seed, path: PhiloxReference.path)
    #expect((0..<4).map { _ in uniforms.nextUniform() } == PhiloxReference.uniforms)
    var normals = PhiloxStream(seed: PhiloxReference.seed, path: PhiloxReference.path)
    for expected in PhiloxReference.normals {
      let z = normals.nextNormal()
      #expect(isClose(z, expected, 1e-15), "\(z) vs \(expected)")
    }
  }

  @Test func sameSeedAndPathRepeat() {
    var a = PhiloxStream(seed: StreamPair.base.seed, path: StreamPair.base.path)
    var b = PhiloxStream(seed: StreamPair.base.seed, path: StreamPair.base.path)
    for _ in 0..<1_000 { #expect(a.nextUInt32() == b.nextUInt32()) }
    #expect(a == b)
  }

  @Test(arguments: StreamPair.others)
  func otherSeedOrPathDiffers(_ c: StreamPair) {
    var base = PhiloxStream(seed: StreamPair.base.seed, path: StreamPair.base.path)
    var other = PhiloxStream(seed: c.seed, path: c.path)
    let x = (0..<64).map { _ in base.nextUInt32() }
    let y = (0..<64).map { _ in other.nextUInt32() }
    // 64 equal words by chance: probability about 2⁻²⁰⁴⁸.
    #expect(x != y)
    #expect(zip(x, y).filter { $0 == $1 }.count <= 2)
  }

  // The draws of a path do not depend on which other paths ran, or in what order: path 5's
  // words are the same alone, after paths 0–4, and interleaved with path 6 word by word.
  @Test func pathIgnoresOtherPathsAndOrder() {
    let seed: UInt64 = 99
    var alone = PhiloxStream(seed: seed, path: 5)
    let expected = (0..<40).map { _ in alone.nextUInt32() }
    for path in UInt64(0)..<5 {
      var other = PhiloxStream(seed: seed, path: path)
      for _ in 0..<17 { _ = other.nextUInt32() }
    }
    var five = PhiloxStream(seed: seed, path: 5)
    var six = PhiloxStream(seed: seed, path: 6)
    var interleaved: [UInt32] = []
    for _ in 0..<40 {
      interleaved.append(five.nextUInt32())
      _ = six.nextUInt32()
    }
    #expect(interleaved == expected)
  }

  @Test(arguments: OffsetCase.all)
  func offsetEqualsStepping(_ c: OffsetCase) {
    var stepped = PhiloxStream(seed: 42, path: 1_234)
    for _ in 0..<c.offset { _ = stepped.nextUInt32() }
    var jumped = PhiloxStream(seed: 42, path: 1_234, offset: c.offset)
    #expect(jumped.position == c.offset)
    #expect(jumped == stepped)
    for _ in 0..<9 { #expect(jumped.nextUInt32() == stepped.nextUInt32()) }
    #expect(jumped.nextNormal() == stepped.nextNormal())
  }

  @Test func normalKIsAtOffsetTwoK() {
    var stream = PhiloxStream(seed: 7, path: 0)
    let normals = (0..<20).map { _ in stream.nextNormal() }
    for k in [0, 1, 2, 19] {
      var jumped = PhiloxStream(seed: 7, path: 0, offset: 2 * UInt64(k))
      #expect(jumped.nextNormal() == normals[k])
    }
  }

  @Test func uniformMappingBounds() {
    #expect(PhiloxStream.uniform(bits: 0) == 0x1p-53)
    #expect(PhiloxStream.uniform(bits: .max) == 1 - 0x1p-53)
    #expect(PhiloxStream.uniform(bits: 1 << 63) == 0.5 + 0x1p-53)
    #expect(PhiloxStream.uniform(bits: 1 << 63 - 1) == 0.5 - 0x1p-53)
  }

  @Test func uniformNeverZeroOrOne() {
    var stream = PhiloxStream(seed: 1, path: 0)
    var low = 1.0
    var high = 0.0
    for _ in 0..<1_000_000 {
      let u = stream.nextUniform()
      low = min(low, u)
      high = max(high, u)
    }
    #expect(low > 0 && high < 1)
    // The extremes of 10⁶ uniforms are about 1e-6 from the ends.
    #expect(low < 1e-4 && high > 1 - 1e-4)
  }

  // 10⁶ normals. Standard errors: mean 1/√n = 0.001; sample variance √(2/(n−1)) ≈ 0.001414
  // (for N(0, 1), Var s² = 2/(n−1)). Both must lie within 5 SE of 0 and 1.
  @Test func normalMoments() {
    let n = 1_000_000
    var stream = PhiloxStream(seed: 2_025, path: 11)
    var sum = 0.0
    var sumOfSquares = 0.0
    for _ in 0..<n {
      let z = stream.nextNormal()
      sum += z
      sumOfSquares += z * z
    }
    let mean = sum / Double(n)
    let variance = (sumOfSquares - Double(n) * mean * mean) / Double(n - 1)
    let meanError = 1 / Double(n).squareRoot()
    let varianceError = (2 / Double(n - 1)).squareRoot()
    #expect(abs(mean) <= 5 * meanError, "mean \(mean)")
    #expect(abs(variance - 1) <= 5 * varianceError, "variance \(variance)")
  }

  // Kolmogorov–Smirnov, n = 100,000, against Φ: D = sup |Fₙ(z) − Φ(z)|. Critical value at
  // α = 0.001: 0.006163 (scipy.stats.kstwo.ppf(0.999, 100000); asymptotically 1.9495/√n).
  @Test func normalsPassKolmogorovSmirnov() {
    let n = 100_000
    var stream = PhiloxStream(seed: 31_415, path: 2)
    let z = (0..<n).map { _ in stream.nextNormal() }.sorted()
    let normal = Normal()
    var d = 0.0
    for (i, value) in z.enumerated() {
      let p = normal.cdf(value)
      d = max(d, Double(i + 1) / Double(n) - p, p - Double(i) / Double(n))
    }
    #expect(d < 0.006163, "D = \(d)")
  }

  // Pearson χ² over 100 equiprobable bins (edges Φ⁻¹(j/100)), n = 100,000, 1,000 expected per
  // bin, 99 degrees of freedom. Critical value at α = 0.001: 148.23
  // (scipy.stats.chi2.ppf(0.999, 99)).
  @Test func normalsPassChiSquare() {
    let n = 100_000
    let bins = 100
    let normal = Normal()
    let edges = (1..<bins).map { normal.quantile(Double($0) / Double(bins)) }
    var counts = [Int](repeating: 0, count: bins)
    var stream = PhiloxStream(seed: 27_182, path: 8)
    for _ in 0..<n {
      let z = stream.nextNormal()
      var low = 0
      var high = edges.count
      while low < high {
        let middle = (low + high) / 2
        if edges[middle] <= z { low = middle + 1 } else { high = middle }
      }
      counts[low] += 1
    }
    let expected = Double(n) / Double(bins)
    let chiSquare = counts.reduce(0.0) { sum, count in
      let deviation = Double(count) - expected
      return sum + deviation * deviation / expected
    }
    #expect(chiSquare < 148.23, "χ² = \(chiSquare)")
  }
}
