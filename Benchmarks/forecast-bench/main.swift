import Forecast
import Foundation

// Benchmarks of Forecast, run by Benchmarks/run.sh next to the Python peers (peers.py).
// Prints one JSON object per measurement on stdout.
//
//   forecast-bench ols ROWS COLUMNS [REPEATS]
//     An OLS fit with every statistic (LinearModel.fit) on the design peers.py builds too:
//     column 0 is the intercept, column j ≥ 1 holds uniform(seed 1, index (j−1)·ROWS + i),
//     y = column 1 + uniform(seed 2, i) (one IEEE addition, so both sides hold the same y).

func design(rows: Int, columns: Int) -> (Matrix, [Double]) {
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

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, arguments[1] == "ols", let rows = Int(arguments[2]),
  let columns = Int(arguments[3])
else {
  FileHandle.standardError.write(Data("usage: forecast-bench ols ROWS COLUMNS [REPEATS]\n".utf8))
  exit(2)
}
KernelSelection.reexecuteIfNeeded()
let repeats = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
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
