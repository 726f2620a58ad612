import ArgumentParser
import Forecast
import Foundation

/// `--shard I/N`, `--shards N`, `--shard-dir DIR` and `--resume`, shared by the commands
/// that shard (MODEL.md 13; docs/scale.md).
struct ShardOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Compute shard I of N only (0 <= I < N) and write its result into --shard-dir.",
      valueName: "I/N"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "Compute one of N shards, the index read from JOB_COMPLETION_INDEX (Kubernetes) or "
        + "SLURM_ARRAY_TASK_ID.", valueName: "N"))
  var shards: Int?

  @Option(
    name: .customLong("shard-dir"),
    help: ArgumentHelp(
      "Folder for shard results. Alone, the shard is SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT.",
      valueName: "DIR"))
  var directory: String?

  @Flag(help: "Keep a shard's result that is already in --shard-dir and verifies, instead of rerunning it.")
  var resume = false

  /// Whether the command computes a shard rather than the whole run.
  var isSharded: Bool { shard != nil || shards != nil || directory != nil }

  func validate() throws {
    if shard != nil && shards != nil {
      throw ValidationError("give --shard I/N or --shards N, not both")
    }
    if (shard != nil || shards != nil) && directory == nil {
      throw ValidationError("--shard and --shards need --shard-dir DIR, the folder for the shard's result")
    }
    if resume && !isSharded {
      throw ValidationError("--resume goes with --shard-dir (it keeps a shard's verified result)")
    }
    try requireDirectory(directory, option: "--shard-dir")
  }

  /// The shard to compute: given, or from the array job's environment.
  func spec() throws -> ShardSpec {
    do {
      if let shard { return try ShardSpec(parsing: shard) }
      return try ShardSpec.fromEnvironment(ProcessInfo.processInfo.environment, count: shards)
    } catch {
      throw failBadInput(error)
    }
  }

  /// Refuses output options with a shard: its result is a shard file, and `merge` writes
  /// the tables. `atMerge` says what stands for a flag at the merge where that is not the flag
  /// itself.
  func refuse(_ given: [(String, Bool)], atMerge: [String: String] = [:]) throws {
    if let (flag, _) = given.first(where: \.1) {
      throw failBadInput(
        "\(flag) does not go with a shard: the shard writes its result into --shard-dir, and "
          + (atMerge[flag] ?? "`simulate merge` takes \(flag) when it writes the tables"))
    }
  }

  /// Runs `body` for the shard, reports on stderr what it did, and maps errors to exit 2.
  func report(_ body: () throws -> Shards.Outcome) throws {
    let outcome: Shards.Outcome
    do {
      outcome = try body()
    } catch let error as ExitCode {
      throw error
    } catch {
      throw failBadInput(error)
    }
    if let reason = outcome.replaced {
      writeError("note: the result that was there was not kept: \(reason)\n")
    }
    writeError("\(outcome.summary)\n")
  }
}

/// `simulate merge SHARD... `: the shards' results as the single process writes them.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Merge shard results into the tables the single-process run writes.",
    discussion: """
      Takes the .shard files of one `run`, `sweep`, `sensitivity` or `backtest` (or
      folders holding them), checks that they are of the same run (scenario and data
      hashes, seed, paths, options, tool version, BLAS kernel) and that together they
      cover its paths, grid points, design points or origins exactly once, and writes
      exactly the bytes that the command without shards writes: for a run, the tables
      (--tables, --format, --long, --out as `simulate run` takes them, defaults from the
      scenario's [output]); for a sweep or a sensitivity analysis, its table (--format,
      --long, --out); for a backtest, its tables (--format, --out, and --tables for one of
      accuracy, summary, origins, forecasts). With --out, metadata.json is the command's.
      A missing, repeated, damaged or foreign shard is an error naming it (exit 2). See
      docs/scale.md.
      """)

  @Argument(help: "Shard result files (.shard), or folders of them.")
  var shardResults: [String]

  @OptionGroup var output: RunOutputOptions

  func run() throws {
    let merged: Shards.Merged
    do { merged = try Shards.merge(shardResults) } catch { throw failBadInput(error) }
    switch merged {
    case .run(let projection, let metadata):
      do {
        let request = try output.request(projection.scenario)
        writeOut(try request.emit(projection, metadata: metadata))
      } catch {
        throw failBadInput(error)
      }
      writeWarnings(projection.warnings)
    case .sweep(let result, let provenance):
      let request = try output.resultTable(of: "a sweep")
      try emit(
        request, result.table, long: result.longTable, name: "sweep",
        metadata: provenance.metadata(warnings: result.warnings))
      writeWarnings(result.warnings)
    case .sensitivity(let result, let provenance):
      let request = try output.resultTable(of: "a sensitivity analysis")
      try emit(
        request, result.table, long: result.longTable, name: "sensitivity",
        metadata: provenance.metadata(warnings: result.warnings))
      writeWarnings(result.warnings)
    case .backtest(let result, let provenance):
      if output.long {
        throw failBadInput("--long does not go with a backtest's shards: `simulate backtest` has no long form")
      }
      guard case .table(let format) = output.format ?? .table(.text) else {
        throw failBadInput("--format vega-lite draws a run's fan table, not a backtest")
      }
      var table: BacktestResult.TableName?
      if let name = output.tables {
        guard let chosen = BacktestResult.TableName(rawValue: name) else {
          throw failBadInput(
            "--tables \(name): a backtest's shards merge into one of its tables: "
              + "accuracy, summary, origins or forecasts")
        }
        table = chosen
      }
      try writeBacktest(
        result, format: format, table: table, out: output.out, label: result.scenario,
        strict: false,
        metadata: provenance.metadata(
          warnings: result.origins.flatMap { $0.notes(naming: .commandLine) }))
    }
  }
}

extension RunOutputOptions {
  /// How the merged table of a sweep or a sensitivity analysis is written: as the command
  /// without shards writes it (--format, --long, --out).
  func resultTable(of what: String) throws -> ResultOutput {
    if tables != nil {
      throw failBadInput("--tables does not go with \(what)'s shards: its result is one table")
    }
    guard case .table(let tableFormat) = format ?? .table(.text) else {
      throw failBadInput("--format vega-lite draws a run's fan table, not \(what)")
    }
    return ResultOutput(
      format: tableFormat, shape: long ? .long : .wide,
      destination: out.map { .directory($0) } ?? .standardOutput)
  }
}

/// `--tables`, `--format`, `--out` and `--long`: what `run` (and `merge` of a run's shards)
/// writes.
struct RunOutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Comma-separated tables: \(RunTable.names.joined(separator: ", ")).")) 
  var tables: String?

  @Option(help: "Output format: text, markdown, csv, tsv, json, or vega-lite (fan table only).")
  var format: RunFormat?

  @Option(help: "Write one file per table into this folder instead of standard output.")
  var out: String?

  @Flag(help: "One long (tidy) table: scenario, year, table, key, metric, statistic, value.")
  var long = false

  func validate() throws {
    try requireDirectory(out, option: "--out")
  }

  /// Each option by flag, with whether it was given.
  var given: [(String, Bool)] {
    [("--out", out != nil), ("--tables", tables != nil), ("--format", format != nil), ("--long", long)]
  }

  /// The tables given or the scenario's `[output]` ones (else the defaults for its paths), in
  /// the format given or the scenario's, to a folder or standard output.
  func request(_ scenario: Scenario) throws(RunOutput.Failure) -> OutputRequest {
    var chosen = RunTable.defaults(paths: scenario.info.paths)
    if let tables {
      chosen = try RunOutput.tables(tables)
    } else if let defaults = scenario.output.tables {
      chosen = try RunOutput.tables(defaults.joined(separator: ","))
    }
    return try OutputRequest(
      tables: chosen, format: format ?? .table(scenario.output.format ?? .text),
      shape: long ? .long : .wide, destination: out.map { .directory($0) } ?? .standardOutput)
  }
}
