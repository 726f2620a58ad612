import ArgumentParser
import Forecast

/// `simulate sensitivity SCENARIO --method morris|sobol`: global sensitivity over the
/// scenario's `[[uncertain]]` inputs, per projection year and metric.
struct SensitivityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: "Morris or Sobol sensitivity of the balance metrics to the scenario's uncertain inputs.",
    discussion: """
      The inputs are the scenario's [[uncertain]] entries: a shock target and a
      distribution (uniform, triangular or normal), applied as set, scale or add from
      base_year + 1 on, after the scenario's own shocks, truncated to the target's
      domain. Sobol: a Saltelli design of N(k + 2) runs (N(2k + 2) with
      --second-order), S1 (Saltelli 2010) and ST (Jansen); Morris: r(k + 1) runs,
      mu_star, mu and sigma. Per projection year and metric, with 95% bootstrap
      intervals (100 resamples) as SALib's half-width (conf) and percentile bounds
      (low, high). Every run uses the scenario's seed and paths; indices are of the
      mean over paths. With --shard I/N (or --shards N, or an array job's environment)
      and --shard-dir DIR it computes one shard of the design points and writes its result
      there; `simulate merge` writes the single-process table. See docs/sensitivity.md and
      docs/scale.md.
      """)

  @Argument(help: "Scenario file (TOML) with [[uncertain]] entries.")
  var scenario: String

  @Option(help: "Design and indices: sobol or morris.")
  var method: String = "sobol"

  @Option(help: "Sobol: the base sample N, a power of two.")
  var samples: Int = 1024

  @Flag(help: "Sobol: add the runs for second-order indices (S2).")
  var secondOrder = false

  @Option(help: "Morris: the number of trajectories r.")
  var trajectories: Int = 10

  @Option(help: "Morris: the number of grid levels p (even).")
  var levels: Int = 4

  @Option(help: "Projection years analysed: 2030 or 2026-2030 (default: all).")
  var years: String?

  @OptionGroup var output: WhatIfOutputOptions

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  @OptionGroup(title: "Shards") var sharding: ShardOptions

  /// The settings its metadata lists.
  var metadataSettings: [ResultMetadata.Setting] {
    let design: [ResultMetadata.Setting] =
      method == "morris"
      ? [.init("trajectories", "\(trajectories)"), .init("levels", "\(levels)")]
      : [.init("samples", "\(samples)"), .init("second_order", "\(secondOrder)")]
    return [.init("method", method)] + design + (years.map { [.init("years", $0)] } ?? [])
      + output.settings
  }

  func run() throws {
    let loaded = try shocks.apply(to: monteCarlo.apply(to: loadScenario(scenario)))
    let analysis = try whatIf(in: scenario) { () throws(WhatIfError) -> GlobalSensitivity in
      let chosen = try GlobalSensitivity.Method(
        named: method, baseSamples: samples, secondOrder: secondOrder,
        trajectories: trajectories, levels: levels)
      return try GlobalSensitivity(
        scenario: loaded, method: chosen,
        metrics: try MetricSelection(parsing: output.metrics),
        years: try years.map { text throws(WhatIfError) in
          try GlobalSensitivity.years(parsing: text)
        })
    }
    if sharding.isSharded {
      try sharding.refuse([("--long", output.long), ("--out", output.destination.out != nil)])
      let spec = try sharding.spec()
      try sharding.report {
        try ProgressBar.showing(
          total: Shards.designPoints(spec, of: analysis.runCount).count, label: loaded.info.name,
          unit: "runs"
        ) { progress in
          try Shards.sensitivity(
            analysis, shard: spec, directory: sharding.directory ?? ".", resume: sharding.resume,
            settings: metadataSettings, progress: progress)
        }
      }
      return
    }
    let result = try whatIf { () throws(WhatIfError) in
      try ProgressBar.showing(total: analysis.runCount, label: loaded.info.name, unit: "runs") {
        progress throws(WhatIfError) in try analysis.run(progress: progress)
      }
    }
    try emit(
      output.request, result.table, long: result.longTable, name: "sensitivity",
      metadata: ResultMetadata(
        command: "sensitivity", scenarios: [loaded], settings: metadataSettings,
        warnings: result.warnings))
    writeWarnings(result.warnings)
  }
}
