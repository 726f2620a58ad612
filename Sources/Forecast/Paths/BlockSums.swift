/// A path series reduced to sums over fixed blocks of paths, from which a table's means over
/// paths are computed without keeping every path's values.
///
/// Blocks are paths 0..<64, 64..<128, … of the run, whatever batch computes them, and the mean
/// adds the block sums in block order: so the mean is the same bits however the paths were
/// batched (batches start at multiples of 64). A cell whose value is the same on every path
/// has that value as its mean, exactly.
struct BlockSums: Sendable, Equatable {
  /// Paths per block.
  static let block = 64

  let years: ClosedRange<Int>
  let rows: Int
  /// Per year: rows × blocks sums (in path order of the blocks).
  var sums: [Matrix]
  /// Per year and row: the value when every path so far has it, else NaN (`equal` false).
  var first: [[Double]]
  var equal: [[Bool]]
  var paths: Int

  /// Sums as read back from a shard result (MODEL.md 13); the caller has checked the shapes.
  init(years: ClosedRange<Int>, rows: Int, sums: [Matrix], first: [[Double]], equal: [[Bool]], paths: Int) {
    self.years = years
    self.rows = rows
    self.sums = sums
    self.first = first
    self.equal = equal
    self.paths = paths
  }

  /// The sums of `series`, whose path 0 is path `firstPath` of the run (a multiple of 64).
  init(_ series: PathSeries, firstPath: Int) {
    precondition(firstPath % Self.block == 0, "BlockSums: a batch starts at path \(firstPath)")
    years = series.years
    rows = series.names.count
    paths = series.paths
    let blocks = (series.paths + Self.block - 1) / Self.block
    var sums: [Matrix] = []
    var first: [[Double]] = []
    var equal: [[Bool]] = []
    for m in series.matrices {
      var s = [Double](repeating: 0, count: rows * blocks)
      var f = [Double](repeating: .nan, count: rows)
      var e = [Bool](repeating: true, count: rows)
      let shared = m.columns == 1
      let values = m.storage.span
      for r in 0..<rows { f[r] = values[r] }
      // Four rows at a time, each summed over a block's paths in path order in its own
      // accumulator: four independent additions in flight instead of one chain.
      for r0 in stride(from: 0, to: rows, by: 4) {
        let r = (r0, min(r0 + 1, rows - 1), min(r0 + 2, rows - 1), min(r0 + 3, rows - 1))
        let v0 = (f[r.0], f[r.1], f[r.2], f[r.3])
        var same = (true, true, true, true)
        for b in 0..<blocks {
          let end = min((b &+ 1) &* Self.block, series.paths)
          var sum = (0.0, 0.0, 0.0, 0.0)
          for p in (b &* Self.block)..<end {
            let column = shared ? 0 : p &* rows
            let v = (
              values[column &+ r.0], values[column &+ r.1], values[column &+ r.2],
              values[column &+ r.3]
            )
            sum.0 += v.0
            sum.1 += v.1
            sum.2 += v.2
            sum.3 += v.3
            same = (
              same.0 && v.0 == v0.0, same.1 && v.1 == v0.1, same.2 && v.2 == v0.2,
              same.3 && v.3 == v0.3
            )
          }
          let at = b &* rows
          s[at &+ r.0] = sum.0
          if r0 + 1 < rows { s[at &+ r.1] = sum.1 }
          if r0 + 2 < rows { s[at &+ r.2] = sum.2 }
          if r0 + 3 < rows { s[at &+ r.3] = sum.3 }
        }
        e[r.0] = same.0
        if r0 + 1 < rows { e[r.1] = same.1 }
        if r0 + 2 < rows { e[r.2] = same.2 }
        if r0 + 3 < rows { e[r.3] = same.3 }
      }
      sums.append(Matrix(rows: rows, columns: blocks, columnMajor: s))
      first.append(f)
      equal.append(e)
    }
    self.sums = sums
    self.first = first
    self.equal = equal
  }

  /// Consecutive batches' sums, in path order; every part but the last holds whole blocks.
  static func joined(_ parts: [BlockSums]) -> BlockSums {
    var out = parts[0]
    for part in parts.dropFirst() {
      precondition(out.paths % block == 0, "BlockSums: a batch ends inside a block")
      for i in out.sums.indices {
        let a = out.sums[i]
        let b = part.sums[i]
        out.sums[i] = Matrix(
          rows: a.rows, columns: a.columns + b.columns, columnMajor: a.storage + b.storage)
        for r in 0..<out.rows {
          let same = part.equal[i][r] && out.equal[i][r] && part.first[i][r] == out.first[i][r]
          out.equal[i][r] = same
        }
      }
      out.paths += part.paths
    }
    return out
  }

  /// The mean over paths of row `row` in `year`: the block sums added in order, divided by
  /// the number of paths; the common value where all paths have it.
  func mean(row: Int, year: Int) -> Double {
    let i = year - years.lowerBound
    if equal[i][row] { return first[i][row] }
    let s = sums[i]
    var total = 0.0
    for b in 0..<s.columns { total += s[row, b] }
    return total / Double(paths)
  }
}
