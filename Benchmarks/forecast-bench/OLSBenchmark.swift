import Forecast
import Foundation

/// `forecast-bench ols ROWS COLUMNS [REPEATS]`: an OLS fit with every statistic
/// (LinearModel.fit) on the design peers.py builds too: column 0 is the intercept, column
/// j ≥ 1 holds uniform(seed 1, index (j−1)·ROWS + i), y = column 1 + uniform(seed 2, i) (one
/// IEEE addition, so both sides hold the same y).
enum OLSBenchmark {
  static func design(rows: Int, columns: Int) -> (Matrix, [Double]) {
    var x = Matrix(rows: rows, columns: columns)
    for i in 0..<rows { x[i, 0] = 1 }
    for j in 1..<columns {
      for i in 0..<rows {
        x[i, j] = SplitMix64.uniform(seed: 1, index: UInt64((j - 1) * rows + i))
      }
    }
    let y = (0..<rows).map { x[$0, min(1, columns - 1)] + SplitMix64.uniform(seed: 2, index: UInt64($0)) }
    return (x, y)
  }

  static func main(_ arguments: [String]) throws {
    guard arguments.count >= 2, let rows = Int(arguments[0]), let columns = Int(arguments[1]) else {
      fail("usage: forecast-bench ols ROWS COLUMNS [REPEATS]")
    }
    let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
    let (x, y) = design(rows: rows, columns: columns)
    let names = ["(Intercept)"] + (1..<columns).map { "x\($0)" }
    let model = LinearModel(design: x, response: y, termNames: names, hasIntercept: true)
    var times = [Double]()
    var result: RegressionResult? = nil
    for _ in 0..<repeats {
      times.append(try seconds { result = try model.fit() })
    }
    let info = BLASInfo.current
    let first = result?.estimates.dropFirst().first ?? .nan
    print(
      """
      {"tool": "forecast", "task": "ols", "rows": \(rows), "columns": \(columns), \
      "seconds": \(times.min() ?? .nan), "all_seconds": \(times), "kernel": "\(info.kernel)", \
      "threads": \(info.threads), "x1_estimate": \(first), "r_squared": \(result?.rSquared ?? .nan)}
      """)
  }
}
