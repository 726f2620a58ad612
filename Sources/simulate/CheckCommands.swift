import ArgumentParser
import Forecast
import Foundation

/// Runs a scenario for the check commands with the command line's paths and seed, exiting 2 on
/// bad input.
func runScenario(
  _ path: String, _ monteCarlo: MonteCarloOptions, _ shocks: ShockOptions? = nil
) throws -> ScenarioRun {
  var scenario = try monteCarlo.apply(to: loadScenario(path))
  if let shocks { scenario = try shocks.apply(to: scenario, file: path) }
  do {
    let projection = try monteCarlo.run(scenario)
    return ScenarioRun(
      projection: projection,
      metadata: RunMetadata(projection: projection))
  } catch {
    throw failBadInput(error, in: path)
  }
}

/// `simulate check SCENARIO...`: expectations and snapshots, exit 1 when any fails.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenarios' [[expect]] entries, and their tables against snapshots.",
    discussion: """
      Runs every scenario, then checks its [[expect]] entries and, with --snapshots, compares \
      every table cell by cell with the snapshot (default rtol 1e-9; [check] in the scenario \
      overrides it per table and column, and --rtol, --atol and --tolerance override that) and names the inputs whose SHA-256 changed, so a \
      data revision is told apart from a code change. One document on standard output: text \
      and markdown print the expectations, then the snapshot changes; csv and tsv one table \
      (check, scenario, table, key, year, column, expected, actual, tolerance, result); json \
      one object (expectations, snapshots, notes, summary). See docs/checks.md.
      Exit codes: 0 all pass, 1 a failure, 2 bad input (an expectation naming a table, \
      column, key, year or empty cell that the run does not produce; a corrupted snapshot).
      """)

  @Argument(help: "Scenario files.")
  var scenarios: [String]

  @Option(help: "Folder of snapshots made by `simulate snapshot --dir`.")
  var snapshots: String?

  @Flag(help: "With --snapshots: rewrite the snapshots from this run (on purpose).")
  var update = false

  @Option(help: "Relative tolerance of every snapshot cell, over the scenario's [check].")
  var rtol: Double?

  @Option(help: "Absolute tolerance of every snapshot cell, over the scenario's [check].")
  var atol: Double?

  @Option(
    help: ArgumentHelp(
      "Relative tolerance of one table's or column's snapshot cells; repeatable; beats --rtol.",
      valueName: "TABLE.COLUMN=RTOL"))
  var tolerance: [String] = []

  @Option(help: "Also write a JUnit XML report to this file.")
  var junit: String?

  @Option(help: "Output format: text, markdown, csv, tsv or json.")
  var format: OutputFormat = .text

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  func validate() throws {
    if scenarios.isEmpty { throw ValidationError("name at least one scenario file") }
    if update && snapshots == nil { throw ValidationError("--update needs --snapshots DIR") }
    try requireDirectory(snapshots, option: "--snapshots")
    if rtol != nil || atol != nil || !tolerance.isEmpty {
      if snapshots == nil {
        throw ValidationError("--rtol, --atol and --tolerance set snapshot tolerances: add --snapshots DIR")
      }
      if update {
        throw ValidationError("--rtol, --atol and --tolerance have no effect with --update, which rewrites the snapshots")
      }
    }
  }

  func run() throws {
    let overrides: ToleranceOverrides
    do {
      overrides = try ToleranceOverrides(rtol: rtol, atol: atol, tolerances: tolerance)
    } catch {
      throw failBadInput(error)
    }
    // Every scenario runs before anything is compared or written.
    let runs = try scenarios.map { try runScenario($0, monteCarlo, shocks) }
    var report = CheckReport()
    do {
      try report.check(runs, snapshots: snapshots, update: update, overrides: overrides)
    } catch {
      throw failBadInput(error)
    }
    if let junit {
      do {
        try RunOutput.write(file: junit, contents: report.junit.xml(naming: .commandLine))
      } catch {
        throw failBadInput(error)
      }
    }
    writeOut(report.rendered(as: format))
    for note in report.notes { writeError("note: \(note)\n") }
    writeError(report.summary + "\n")
    if report.failed { throw ExitCode(1) }
  }
}

/// `simulate snapshot SCENARIO... --dir DIR`: records every table and a manifest.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Record every table of each scenario's run (full-precision CSV) and a manifest.")

  @Argument(help: "Scenario files.")
  var scenarios: [String]

  @Option(help: "Folder to write DIR/<scenario>/<table>.csv and manifest.json into.")
  var dir: String

  @OptionGroup var monteCarlo: MonteCarloOptions

  func validate() throws {
    if scenarios.isEmpty { throw ValidationError("name at least one scenario file") }
    try requireDirectory(dir, option: "--dir")
  }

  func run() throws {
    // Every scenario runs before anything is written, and then all are written or none.
    let runs = try scenarios.map { try runScenario($0, monteCarlo) }
    do {
      try Snapshot.record(runs, to: dir)
    } catch {
      throw failBadInput(error)
    }
    var seen = Set<String>()
    writeOut(
      runs.filter { seen.insert($0.name).inserted }
        .map { "\($0.name): \(Snapshot.folder(dir, scenario: $0.name))\n" }.joined())
  }
}

extension BacktestResult.TableName: ExpressibleByArgument {}

/// `simulate backtest SCENARIO --origins A...B --horizon H`: forecast accuracy of the past.
struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Re-run a scenario from past base years and score it against what was observed.",
    discussion: """
      For each origin the scenario runs as if base_year were the origin (later data hidden,
      relative fit windows rolled with it, absolute ones cut there), and its balance column
      (--metric, default graduates) is compared with the data series --series (default: the
      [calibrate] graduates series; any data series of the scenario) for steps 1..horizon.
      Prints MAE, RMSE, MAPE (%) and MASE per step for the model and for naive, drift and
      10-year linear-trend benchmarks, a summary per method (mean over steps) and every
      origin's status and warnings. With paths (--paths P or the scenario's `paths`), the
      model's forecast is the mean over paths, and the tables add its interval's coverage and
      mean Winkler score at --level and the mean CRPS. An origin whose fit or calibration is
      rejected is left out of every method; one whose calibrated yield is outside
      (0, --max-yield] is scored but marked implausible; --strict makes either exit 1.
      Text and Markdown print the accuracy, summary and origins tables; CSV, TSV and JSON
      print one table (--table, default accuracy) and the origins' notes on stderr. With
      --shard I/N (or --shards N, or an array job's environment) and --shard-dir DIR it
      computes one shard of the origins and writes its result there; `simulate merge`
      writes the single-process tables (docs/scale.md).
      """)

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  @Option(help: "One origin (2015), or the first and last, as A...B (or A:B).")
  var origins: String

  @Option(help: "Years projected from each origin (at most the years observed after the first).")
  var horizon: Int = 5

  @Option(help: "Data series of observed values (default: the calibration's graduates).")
  var series: String?

  @Option(help: "Balance column compared with it.")
  var metric: String = BalanceMetric.graduates.rawValue

  @Flag(help: "Print every forecast instead of the accuracy table (as --table forecasts).")
  var forecasts = false

  @Option(help: "Print only this table: accuracy, summary, origins or forecasts.")
  var table: BacktestResult.TableName?

  @Option(help: "With paths: the central probability of the model's interval, for coverage and Winkler score.")
  var level: Double = 0.9

  @Option(help: "The largest plausible calibrated yield: an origin above it (or at or below 0) is implausible.")
  var maxYield: Double = 1.5

  @Flag(help: "Exit 1 when an origin is rejected or implausible.")
  var strict = false

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  @Option(help: "Output format: text, markdown, csv, tsv or json.")
  var format: OutputFormat = .text

  @OptionGroup var destination: ResultDestinationOptions

  @OptionGroup(title: "Shards") var sharding: ShardOptions

  func run() throws {
    let range: ClosedRange<Int>
    do { range = try Backtest.origins(parsing: origins) } catch { throw failBadInput(error) }
    let loaded = try shocks.apply(to: monteCarlo.apply(to: loadScenario(scenario)))
    guard let name = series ?? loaded.calibration?.graduates else {
      throw failBadInput(
        "\(scenario): name the observed series with --series (the scenario has no [calibrate]; "
          + "data series: \(loaded.dataSeries.map(\.name).joined(separator: ", ")))")
    }
    let backtest = Backtest(
      scenario: loaded, origins: range, horizon: horizon,
      series: name, metric: metric, level: level, maximumYield: maxYield)
    let settings: [ResultMetadata.Setting] = [
      .init("origins", origins), .init("horizon", "\(horizon)"), .init("series", name),
      .init("metric", metric), .init("level", "\(level)"), .init("max_yield", "\(maxYield)"),
    ]
    if sharding.isSharded {
      try sharding.refuse(
        [
          ("--out", destination.out != nil), ("--table", table != nil), ("--forecasts", forecasts),
          ("--strict", strict),
        ],
        atMerge: [
          "--table": "`simulate merge` takes --tables NAME (accuracy, summary, origins or forecasts)",
          "--forecasts": "`simulate merge --tables forecasts` writes the forecasts",
          "--strict": "a merged backtest lists rejected origins in its origins table "
            + "(`simulate merge` has no --strict; `simulate backtest --strict` runs unsharded)",
        ])
      let spec = try sharding.spec()
      try sharding.report {
        try Shards.backtest(
          backtest, shard: spec, directory: sharding.directory ?? ".", resume: sharding.resume,
          settings: settings)
      }
      return
    }
    let result: BacktestResult
    do {
      result = try backtest.run()
    } catch {
      throw failBadInput(error, in: scenario)
    }
    try writeBacktest(
      result, format: format, table: table ?? (forecasts ? .forecasts : nil),
      out: destination.out, label: scenario, strict: strict,
      metadata: ResultMetadata(
        command: "backtest", scenarios: [loaded], settings: settings,
        warnings: result.origins.flatMap { $0.notes(naming: .commandLine) }))
  }
}

/// What `backtest` (and `merge` of its shards) writes: the chosen table, or by default the
/// accuracy, summary and origins tables in text and Markdown or into a folder and the
/// accuracy table alone otherwise; the origins' notes on stderr when their table is not
/// written; and a line naming the failed origins (exit 1 with `strict`).
func writeBacktest(
  _ result: BacktestResult, format: OutputFormat, table: BacktestResult.TableName?, out: String?,
  label: String, strict: Bool, metadata: @autoclosure () -> ResultMetadata
) throws {
  let output = ResultOutput(
    format: format, destination: out.map { .directory($0) } ?? .standardOutput,
    style: .init(thousandsSeparators: true))
  let tables: [BacktestResult.TableName]
  if let table {
    tables = [table]
  } else {
    tables =
      format == .text || format == .markdown || out != nil
      ? [.accuracy, .summary, .origins] : [.accuracy]
  }
  try emit(
    output, tables.map { ($0.rawValue, result.table($0, naming: .commandLine)) },
    metadata: metadata())
  if !tables.contains(.origins) {
    for origin in result.origins {
      for note in origin.notes(naming: .commandLine) {
        writeError("warning: origin \(origin.origin) (\(origin.statusName)): \(note)\n")
      }
    }
  }
  if result.hasFailedOrigins {
    let sorted = (result.rejected + result.implausible).sorted { $0.origin < $1.origin }
      .map { "\($0.origin) \($0.statusName)" }
    writeError(
      (strict ? "error: " : "warning: ") + "\(label): origins " + sorted.joined(separator: ", ")
        + (result.rejected.isEmpty ? "" : "; rejected origins are left out of every method") + "\n")
    if strict { throw ExitCode(1) }
  }
}
