import ArgumentParser
import Forecast

/// Loads a scenario or exits 2 with every problem found.
func loadScenario(_ path: String) throws -> Scenario {
  do {
    return try ScenarioLoader.load(path: path)
  } catch {
    throw failBadInput(error)
  }
}

/// `simulate run SCENARIO`: the tables of MODEL.md section 9.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and print or write its tables.",
    discussion: """
      Tables: \(RunTable.names.joined(separator: ", ")) (MODEL.md section 9). With
      --paths P (or `paths` in the scenario) above 1, the tables hold means over the
      paths and the fan table the mean and quantiles of each balance metric. Values
      are persons (coverage is a ratio). CSV, TSV and JSON carry full precision; an
      empty cell is a value that does not exist. With --out DIR, each table goes to
      DIR/<table>.<ext> and the run's provenance (tool, BLAS, SHA-256 of every input
      file) to DIR/metadata.json; files are written whole or not at all. Warnings go
      to standard error.

      --long writes the chosen tables as one tidy table with the columns scenario,
      year, table, key, metric, statistic, value, unit (DIR/long.<ext> with --out; the
      fit table apart, DIR/fit.<ext>).
      --format vega-lite writes a Vega-Lite v5 chart of the fan table (--tables fan;
      DIR/fan.vl.json with --out). See docs/whatif.md.
      """)

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  @OptionGroup var output: RunOutputOptions

  @OptionGroup var monteCarlo: MonteCarloOptions

  @OptionGroup var shocks: ShockOptions

  @OptionGroup(title: "Shards") var sharding: ShardOptions

  func run() throws {
    let loaded = try shocks.apply(to: monteCarlo.apply(to: loadScenario(scenario)))
    if sharding.isSharded {
      try sharding.refuse(output.given)
      let spec = try sharding.spec()
      try sharding.report {
        try ProgressBar.showing(
          total: Shards.paths(spec, of: loaded.info.paths).count, label: loaded.info.name
        ) { progress in
          try Shards.run(
            loaded, shard: spec, directory: sharding.directory ?? ".", resume: sharding.resume,
            progress: progress)
        }
      }
      return
    }
    do {
      let request = try output.request(loaded)
      let projection = try monteCarlo.run(loaded)
      writeOut(try request.emit(projection, metadata: RunMetadata(projection: projection)))
      writeWarnings(projection.warnings)
    } catch let error as RunOutput.Failure {
      throw failBadInput(error)
    } catch let error as SimulationError {
      throw failBadInput(error, in: scenario)
    }
  }
}

/// `simulate validate SCENARIO`: every problem the loader and a dry run can find.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a scenario: report every error found, exit 2 if there is any.")

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  func run() throws {
    let loaded = try loadScenario(scenario)
    do {
      let projection = try Simulation(scenario: loaded).run(keepPaths: false)
      // An expectation naming a row or column the run does not produce is an error here too.
      _ = try ExpectationResult.evaluate(projection)
      let count = { (n: Int, noun: String) in Wording.count(n, noun) }
      writeOut(
        "\(scenario): valid (\(count(loaded.tracks.count, "track")), "
          + "\(count(loaded.sectors.count, "sector")), \(count(loaded.drivers.count, "driver")), "
          + "\(count(loaded.shocks.count, "shock")), "
          + "\(count(loaded.expectations.count, "expectation")); runs "
          + "\(projection.startYear)–\(projection.years.upperBound))\n")
      writeWarnings(projection.warnings)
    } catch {
      throw failBadInput(error, in: scenario)
    }
  }
}

/// `simulate targets SCENARIO`: every shock target of the scenario.
struct Targets: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List every shock target of a scenario (for [[shocks]], sweep and tornado).")

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  func run() throws {
    let loaded = try loadScenario(scenario)
    writeOut(loaded.validTargets.map(\.path).joined(separator: "\n") + "\n")
  }
}

/// `simulate resolve SCENARIO`: the scenario after `extends`, as TOML.
struct Resolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the scenario after `extends` is applied, as TOML (to diff two scenarios).")

  @Argument(help: "Scenario file (TOML).")
  var scenario: String

  func run() throws {
    writeOut(try loadScenario(scenario).resolvedTOML())
  }
}

/// Warnings on standard error, so the tables on standard output stay clean.
func writeWarnings(_ warnings: [String]) {
  for warning in warnings { writeError("warning: \(warning)\n") }
}
