import Testing

@testable import Forecast

@Suite struct EditDistanceTests {
  /// The recurrence over the full matrix, as written before the rows were rolled.
  static func reference(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j - 1] + cost, d[i - 1][j] + 1, d[i][j - 1] + 1)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  // Known optimal-string-alignment distances: a swap counts 1, and "ca" → "abc" is 3 (OSA
  // does not edit a swapped pair again).
  @Test(arguments: [
    ("lgo", "log", 1), ("lgo", "lag", 2), ("Year", "year", 0), ("kitten", "sitting", 3),
    ("ca", "abc", 3), ("", "abc", 3), ("abc", "", 3), ("horizn", "horizon", 1),
  ])
  func knownDistances(_ a: String, _ b: String, _ distance: Int) {
    #expect(EditDistance.between(a, b) == distance)
  }

  // Seeded random strings over a small alphabet (so matches and swaps are frequent), lengths
  // 0-12: the rolled rows give the full matrix's answer.
  @Test func sameAsTheFullMatrix() {
    var rng = SeededGenerator(seed: 0xED17)
    let alphabet = Array("abcAB.-")
    func word() -> String {
      String((0..<Int(rng.next() % 13)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
    for _ in 0..<3_000 {
      let a = word()
      let b = word()
      #expect(EditDistance.between(a, b) == Self.reference(a, b), "\(a) / \(b)")
    }
  }

  // A hostile name much longer than the candidate (the shape the scenario fuzzer produces),
  // with non-ASCII characters that lowercase to several: still the full matrix's answer.
  @Test func longNameAgainstShortCandidate() {
    let name = "sectors.ai_tr" + String(repeating: "-92233720368İ547758ẞ08", count: 30) + "ainer.growth"
    for candidate in ["sectors.ai_trainer.growth", "sectors.animation.growth", "İ", ""] {
      #expect(EditDistance.between(name, candidate) == Self.reference(name, candidate))
      #expect(EditDistance.between(candidate, name) == Self.reference(candidate, name))
    }
  }
}
