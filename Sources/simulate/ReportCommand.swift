import ArgumentParser
import Forecast

/// `simulate report SCENARIO [ALT...] --out report.html`: one self-contained HTML page.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one self-contained HTML report of a scenario (and alternatives).",
    discussion: """
      The page holds the scenario's title and question, key numbers (first projection
      year, 2030, last year; 90% intervals with paths), the supply, capacity and fan
      charts, the alternatives' differences (ALT...), a tornado, the balance and fan
      tables, every assumption with its source comment, warnings, expectations, a
      backtest and the provenance (SHA-256 of every input, seed, paths, versions).
      Inline SVG and CSS only: no script, no network; prints to A4. The file is written
      whole or not at all. See docs/charts.md.
      """)

  @Argument(help: "Scenario file (TOML), then alternative scenarios to compare with it.")
  var scenarios: [String]

  @Option(help: "HTML file to write.")
  var out: String

  @OptionGroup var monteCarlo: MonteCarloOptions

  func validate() throws {
    if scenarios.isEmpty { throw ValidationError("name a scenario file") }
  }

  func run() throws {
    let loaded = try scenarios.map { try monteCarlo.apply(to: loadScenario($0)) }
    let html: String
    do {
      html = try ScenarioReport().html(base: loaded[0], alternatives: Array(loaded.dropFirst()))
    } catch {
      throw failBadInput(error, in: scenarios[0])
    }
    do {
      try RunOutput.write(file: out, contents: html)
    } catch {
      throw failBadInput(error)
    }
  }
}
