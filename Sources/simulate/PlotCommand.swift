import ArgumentParser
import Forecast

extension ChartFormat: ExpressibleByArgument {}

/// `simulate plot SCENARIO [ALT...] --chart NAME --out FILE`: one chart as SVG or Vega-Lite.
struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Draw a chart of a scenario's results as SVG (or a Vega-Lite specification).",
    discussion: """
      Charts: \(ChartKind.names.joined(separator: ", ")).
        supply    graduates and new labour supply, observed and projected
        capacity  new labour supply against labour-brand capacity, coverage in percent
        fan       balance metrics (--metrics) with 50% and 90% intervals
        compare   each alternative (SCENARIO ALT...) minus the base, with its paired band
        tornado   the swing of --metrics (first; default unplaced) in --year, ±--delta
        backtest  forecasts from --origins against the observed graduates, errors per step
      Intervals need Monte Carlo paths (--paths above 1 or the scenario's `paths`). The
      file is written whole or not at all; --format defaults to the extension of --out
      (.svg, or .json for Vega-Lite). See docs/charts.md.
      """)

  @Argument(help: "Scenario file (TOML); for --chart compare, the base and then alternatives.")
  var scenarios: [String]

  @Option(help: "Chart: \(ChartKind.names.joined(separator: ", ")).")
  var chart: String

  @Option(help: "Comma-separated balance metrics (fan, compare; the first for tornado, sensitivity and backtest).")
  var metrics: String?

  @Option(help: "Years shown, as A-B (2020-2040) or one year.")
  var years: String?

  @Option(help: "Tornado and sensitivity: the projection year (default: base year + 5).")
  var year: Int?

  @Option(help: "Tornado: the relative change, as 10% or 0.1.")
  var delta: String = "10%"

  @Option(help: "Backtest: one origin or A...B (default: the two years up to the base year).")
  var origins: String?

  @Option(help: "Backtest: years projected from each origin (default: every observed year, at most 5).")
  var horizon: Int?

  @Option(help: "Sensitivity: sobol or morris.")
  var method: String = "sobol"

  @Option(help: "Sensitivity: the Sobol base sample N, a power of two.")
  var samples: Int = 1024

  @Option(help: "Sensitivity: the number of Morris trajectories.")
  var trajectories: Int = 10

  @Option(help: "File to write (.svg, or .json for Vega-Lite).")
  var out: String

  @Option(help: "svg or vega-lite (default: from the extension of --out).")
  var format: ChartFormat?

  @OptionGroup var monteCarlo: MonteCarloOptions

  func validate() throws {
    if scenarios.isEmpty { throw ValidationError("name a scenario file") }
    if format == nil && ChartFormat.implied(by: out) == nil {
      throw ValidationError("--out \(out): give --format svg or --format vega-lite (or end the name in .svg or .json)")
    }
  }

  func run() throws {
    let request: ChartRequest
    do {
      let kind = try ChartKind(parsing: chart)
      if !kind.needsAlternatives && scenarios.count > 1 {
        throw failBadInput("--chart \(kind.rawValue) draws one scenario; only compare takes alternatives (\(scenarios.count) scenarios given)")
      }
      request = ChartRequest(
        kind: kind, metrics: try metrics.map { (text: String) throws(WhatIfError) in try MetricSelection(parsing: text) },
        years: try years.map { (text: String) throws(FigureError) in try YearWindow(parsing: text) },
        year: year, delta: try Tornado.delta(parsing: delta),
        origins: try origins.map { (text: String) throws(BacktestError) in try Backtest.origins(parsing: text) },
        horizon: horizon,
        method: try GlobalSensitivity.Method(
          named: method, baseSamples: samples, secondOrder: false, trajectories: trajectories,
          levels: 4))
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw failBadInput(error)
    }
    let loaded = try scenarios.map { try monteCarlo.apply(to: loadScenario($0)) }
    let drawn: Chart
    do {
      drawn = try request.chart(base: loaded[0], alternatives: Array(loaded.dropFirst()))
    } catch {
      throw failBadInput(error, in: scenarios[0])
    }
    do {
      try RunOutput.write(file: out, contents: drawn.rendered(as: format ?? ChartFormat.implied(by: out) ?? .svg))
    } catch {
      throw failBadInput(error)
    }
  }
}
