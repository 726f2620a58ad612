/// Edit distance between names, used to suggest a function or column for a misspelt one.
enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and swaps of adjacent
  /// characters turning `a` into `b` (optimal string alignment), ignoring letter case, so `lgo`
  /// is nearer `log` than `lag` and `Year` matches `year`.
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // d[i][j]: distance between the first i characters of a and the first j of b.
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

  /// Candidates ordered by distance to `name` (ties keep the candidates' order).
  ///
  /// With `limit` nil, returns every candidate at the smallest distance; otherwise the `limit`
  /// nearest.
  static func closest(to name: String, among candidates: [String], limit: Int?) -> [String] {
    let ranked = candidates.enumerated()
      .map { (distance: between(name, $0.element), index: $0.offset, name: $0.element) }
      .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
    guard let limit else {
      guard let best = ranked.first?.distance else { return [] }
      return ranked.prefix { $0.distance == best }.map(\.name)
    }
    return ranked.prefix(limit).map(\.name)
  }
}
