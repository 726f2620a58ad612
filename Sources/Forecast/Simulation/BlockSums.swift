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
      var s = Matrix(rows: rows, columns: blocks)
      var f = [Double](repeating: .nan, count: rows)
      var e = [Bool](repeating: true, count: rows)
      let shared = m.columns == 1
      for r in 0..<rows {
        let v0 = m[r, 0]
        f[r] = v0
        for b in 0..<blocks {
          var sum = 0.0
          let end = min((b + 1) * Self.block, series.paths)
          for p in (b * Self.block)..<end {
            let v = shared ? v0 : m[r, p]
            sum += v
            if e[r] && v != v0 { e[r] = false }
          }
          s[r, b] = sum
        }
      }
      sums.append(s)
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
