import ArgumentParser
import Forecast

/// Runs library code, turning a `WhatIfError` into exit 2 with its message.
func whatIf<T>(in file: String? = nil, _ body: () throws(WhatIfError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    throw failBadInput(error, in: file)
  }
}

/// `simulate compare BASE ALT...`: alternatives against a base, paired on common random numbers.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare scenarios with a base: means, differences and percentage differences.",
    discussion: """
      One row per year, balance metric and alternative: year, metric, scenario,
      mean, base_mean, difference (mean - base_mean), pct_difference (100 x
      difference / base_mean, empty where base_mean is 0). With --paths above 1,
      every alternative runs with the base's seed and paths (its own are overridden;
      a note on stderr says where they differed), so the differences are paired path
      by path on common random numbers, and diff_q05... give the quantiles (the
      base's levels) of the per-path difference. --paths, --seed and --shock apply to
      every scenario. --alt 'NAME: --shock LINE [--shock LINE...]' adds an alternative
      without a file: the base with those shocks after its own (and --shock's), named
      NAME; alternatives from files come first, then each --alt in order. See
      docs/whatif.md.
      """)

  @Argument(help: "The base scenario, then any alternatives (TOML).")
  var scenarios: [String]

  @Option(
    name: .customLong("alt"),
    help: ArgumentHelp(
      "An alternative as the base with shocks: 'NAME: --shock LINE [--shock LINE...]' "
        + "(repeatable).",
      valueName: "NAME: SHOCKS"))
  var alternatives: [String] = []

  @OptionGroup var output: WhatIfOutputOptions

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  func validate() throws {
    if scenarios.isEmpty || scenarios.count + alternatives.count < 2 {
      throw ValidationError(
        "name a base scenario and at least one alternative (a file or --alt 'NAME: --shock ...')")
    }
  }

  func run() throws {
    var loaded = try scenarios.map {
      try shocks.apply(to: monteCarlo.apply(to: loadScenario($0)), file: $0)
    }
    let base = loaded[0]
    do {
      let parsed = try ShockAlternative.parsing(alternatives, base: base, taken: loaded.map(\.info.name))
      loaded += parsed.map { $0.scenario(from: base) }
    } catch {
      throw failBadInput(error, in: scenarios[0])
    }
    let selection = try whatIf { () throws(WhatIfError) in
      try MetricSelection(parsing: output.metrics)
    }
    let comparison = Comparison(
      base: loaded[0], alternatives: Array(loaded.dropFirst()), metrics: selection)
    for note in comparison.notes { writeError("note: \(note)\n") }
    let result = try whatIf { () throws(WhatIfError) in
      try ProgressBar.showing(
        total: loaded.count, label: loaded[0].info.name, unit: "scenarios"
      ) { progress throws(WhatIfError) in try comparison.run(progress: progress) }
    }
    try emit(
      output.request, result.table, long: result.longTable, name: "compare",
      metadata: ResultMetadata(
        command: "compare", scenarios: loaded, settings: output.settings,
        warnings: result.warnings))
    writeWarnings(result.warnings)
  }
}

/// `simulate sweep SCENARIO --set TARGET=VALUES...`: the scenario on a grid of parameter values.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a scenario on a grid of parameter values (each a shock, `set` by default).",
    discussion: """
      Each --set TARGET=VALUES sweeps one shock target (`simulate targets SCENARIO`
      lists them) over a list (0.1,0.2,0.3) or an inclusive range start:stop:step
      (0.45:0.60:0.05 gives 0.45, 0.5, 0.55, 0.6); each value is a shock --op (set,
      scale or add; default set) from --from (default base_year + 1) to --to (default
      open-ended), after the scenario's own shocks and --shock's. The grid is the
      cartesian product, the first --set varying slowest, at most
      \(Sweep.maximumPoints) points. One row per grid point, year and metric: a
      column per swept target, then year, metric, value (the mean over paths), with
      --paths above 1 the scenario's quantile columns, then base_value (the mean of
      the unswept scenario) and difference (value - base_value). Every point runs
      with the same seed and paths (common random numbers); a point whose run fails
      stops the sweep (exit 2, naming the point). With --long the unswept scenario's
      rows come first (scenario name, statistic mean), then each point's, the
      scenario column reading name[target=value,...] and a statistic `difference`
      after the others. See docs/whatif.md.
      """)

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "A target and its values: TARGET=V1,V2,... or TARGET=START:STOP:STEP (repeatable).",
      valueName: "TARGET=VALUES"))
  var settings: [String] = []

  @Option(help: "How each value combines with its target: set, scale or add.")
  var op: String = ShockSpec.Operation.set.rawValue

  @Option(help: "The first year the values act in (default: base_year + 1).")
  var from: Int?

  @Option(help: "The last year the values act in, inclusive (default: open-ended).")
  var to: Int?

  @OptionGroup var output: WhatIfOutputOptions

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  @OptionGroup(title: "Shards") var sharding: ShardOptions

  /// The settings its metadata lists.
  var metadataSettings: [ResultMetadata.Setting] {
    settings.map { .init("set", $0) } + output.settings
  }

  func validate() throws {
    if settings.isEmpty {
      throw ValidationError("give at least one --set TARGET=VALUES (see `simulate targets`)")
    }
  }

  func run() throws {
    let loaded = try shocks.apply(to: monteCarlo.apply(to: loadScenario(scenario)))
    let sweep = try whatIf { () throws(WhatIfError) -> Sweep in
      let axes = try settings.map { (text: String) throws(WhatIfError) in
        try SweepAxis(parsing: text, scenario: loaded)
      }
      let sweep = try Sweep(
        scenario: loaded, axes: axes, metrics: try MetricSelection(parsing: output.metrics),
        operation: try Sweep.operation(parsing: op), from: from, to: to)
      try sweep.checkOutputSize(long: output.long)
      return sweep
    }
    if sharding.isSharded {
      try sharding.refuse([("--long", output.long), ("--out", output.destination.out != nil)])
      let spec = try sharding.spec()
      try sharding.report {
        try ProgressBar.showing(
          total: Shards.points(spec, of: sweep.pointCount).count, label: loaded.info.name,
          unit: "grid points"
        ) { progress in
          try Shards.sweep(
            sweep, shard: spec, directory: sharding.directory ?? ".", resume: sharding.resume,
            settings: metadataSettings, progress: progress)
        }
      }
      return
    }
    let result = try whatIf { () throws(WhatIfError) in
      try ProgressBar.showing(
        total: sweep.pointCount, label: loaded.info.name, unit: "grid points"
      ) { progress throws(WhatIfError) in try sweep.run(progress: progress) }
    }
    try emit(
      output.request, result.table, long: result.longTable, name: "sweep",
      metadata: ResultMetadata(
        command: "sweep", scenarios: [loaded], settings: metadataSettings,
        warnings: result.warnings))
    writeWarnings(result.warnings)
  }
}

/// `simulate tornado SCENARIO --metric M --year Y`: one-at-a-time sensitivity of one value.
struct TornadoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tornado",
    abstract:
      "Move every parameter and driver over its range and rank them by the swing of a metric.",
    discussion: """
      For every shock target of the scenario (`simulate targets`), two runs: the
      target at the low and at the high end of its range from base_year + 1 on. The
      range is the target's [[uncertain]] entry's when the scenario gives one (a
      uniform's or triangular's bounds, a normal's 5% and 95% quantiles, applied as
      its op), else the target scaled by 1 - delta and 1 + delta; the parameter is
      clamped to its domain (a rate to [0, 1]). Columns: rank, target, range,
      low_value, high_value, base_value, swing = |high - low|, note; ranked by
      swing, largest first (ties by target). A run that fails leaves its side
      empty, its error in the note and on stderr, and the row after the ranked
      ones; targets that cannot move the metric (swing below 1e-9 of the base) come
      last, unranked. Every run uses the scenario's seed and paths (common random
      numbers); values are means over paths. See docs/whatif.md.
      """)

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  @Option(
    help: "Balance metric: graduates, new_supply, capacity, placed, unplaced, vacancies, coverage.")
  var metric: String

  @Option(help: "A projection year.")
  var year: Int

  @Option(help: "Relative change of a target without an [[uncertain]] entry, as 10% or 0.1.")
  var delta: String = "10%"

  @Flag(help: "Move only the targets of the scenario's [[uncertain]] entries.")
  var uncertainOnly = false

  @Option(help: "Output format: text, markdown, csv, tsv or json.")
  var format: OutputFormat = .text

  @OptionGroup var destination: ResultDestinationOptions

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  func run() throws {
    let loaded = try shocks.apply(to: monteCarlo.apply(to: loadScenario(scenario)))
    let tornado = try whatIf { () throws(WhatIfError) -> Tornado in
      try Tornado(
        scenario: loaded, metric: metric, year: year, delta: try Tornado.delta(parsing: delta),
        uncertainOnly: uncertainOnly)
    }
    let result = try whatIf { () throws(WhatIfError) in
      try ProgressBar.showing(
        total: 1 + 2 * tornado.targets.count, label: loaded.info.name, unit: "runs"
      ) { progress throws(WhatIfError) in try tornado.run(progress: progress) }
    }
    try emit(
      ResultOutput(format: format, destination: destination.destination), result.table,
      name: "tornado",
      metadata: ResultMetadata(
        command: "tornado", scenarios: [loaded],
        settings: [
          .init("metric", metric), .init("year", "\(year)"), .init("delta", delta),
        ] + (uncertainOnly ? [.init("uncertain_only", "true")] : []),
        warnings: result.warnings))
    writeWarnings(result.warnings)
    for row in result.failures {
      writeError("warning: \(row.target): \(row.notes.joined(separator: "; "))\n")
    }
    let inert = result.inert.count
    if inert > 0 {
      writeError(
        "note: \(inert) of \(result.rows.count) parameters cannot move \(metric) in \(year); "
          + "they are listed last, unranked\n")
    }
  }
}

/// The metrics and output options `compare`, `sweep` and `sensitivity` share.
struct WhatIfOutputOptions: ParsableArguments {
  @Option(help: "Comma-separated balance metrics (default: all).")
  var metrics: String?

  @Option(help: "Output format: text, markdown, csv, tsv or json.")
  var format: OutputFormat = .text

  @Flag(help: "One long (tidy) table: scenario, year, table, key, metric, statistic, value, unit.")
  var long = false

  @OptionGroup var destination: ResultDestinationOptions

  /// What the command writes, as the library describes it.
  var request: ResultOutput {
    ResultOutput(format: format, shape: long ? .long : .wide, destination: destination.destination)
  }

  /// The metrics setting for the metadata, when given.
  var settings: [ResultMetadata.Setting] { metrics.map { [.init("metrics", $0)] } ?? [] }
}
