/// Edit distance between names, used to suggest a function or column for a misspelt one.
enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and swaps of adjacent
  /// characters turning `a` into `b` (optimal string alignment), ignoring letter case, so `lgo`
  /// is nearer `log` than `lag` and `Year` matches `year`.
  static func between(_ a: String, _ b: String) -> Int {
    // Characters as small integers (equal characters, equal codes), so the O(|a|·|b|) loop
    // compares integers rather than grapheme clusters.
    var codes: [Character: Int] = [:]
    func code(_ c: Character) -> Int {
      if let known = codes[c] { return known }
      codes[c] = codes.count
      return codes.count - 1
    }
    let a = a.lowercased().map(code)
    let b = b.lowercased().map(code)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // d[i][j]: distance between the first i characters of a and the first j of b. The
    // recurrence reads rows i − 2 and i − 1 only, so three rows of one buffer are kept (row i
    // at offset (i mod 3)·(|b| + 1)): a hostile name of thousands of characters costs no more
    // memory than the candidate, and the inner loop touches no reference counts.
    let width = b.count + 1
    var rows = [Int](repeating: 0, count: 3 * width)
    for j in 0...b.count { rows[j] = j }
    return rows.withUnsafeMutableBufferPointer { d in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 1...a.count {
            let row = (i % 3) * width
            let oneBack = ((i - 1) % 3) * width
            let twoBack = ((i + 1) % 3) * width
            d[row] = i
            for j in 1...b.count {
              let cost = a[i - 1] == b[j - 1] ? 0 : 1
              var value = min(d[oneBack + j - 1] + cost, d[oneBack + j] + 1, d[row + j - 1] + 1)
              if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = min(value, d[twoBack + j - 2] + 1)
              }
              d[row + j] = value
            }
          }
          return d[(a.count % 3) * width + b.count]
        }
      }
    }
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
