import Forecast
import Foundation

// Benchmarks of Forecast, run by Benchmarks/run.sh and Benchmarks/montecarlo.sh next to their
// Python peers (peers.py, montecarlo.py). Each prints one JSON object per measurement on
// standard output:
//
//   forecast-bench ols ROWS COLUMNS [REPEATS]         OLSBenchmark
//   forecast-bench phases SCENARIO PATHS              RunPhases: `simulate run` by phase
//   forecast-bench sweep SCENARIO PATHS AxB [FILE]    SweepBenchmark: a grid of set shocks

let arguments = Array(CommandLine.arguments.dropFirst())
// As `simulate` does for its scenario commands: one BLAS thread for the scenario benchmarks
// (their batches run in parallel), the allocator settings, the heap padding.
KernelSelection.reexecuteIfNeeded(
  singleThreaded: ["phases", "sweep"].contains(arguments.first ?? ""))
HeapPadding.apply()
do {
  switch arguments.first {
  case "ols": try OLSBenchmark.main(Array(arguments.dropFirst()))
  case "phases": try RunPhases.main(Array(arguments.dropFirst()))
  case "sweep": try SweepBenchmark.main(Array(arguments.dropFirst()))
  default: fail("usage: forecast-bench ols|phases|sweep ...")
  }
} catch {
  fail("forecast-bench: \(error)")
}
