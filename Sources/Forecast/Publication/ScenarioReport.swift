/// One self-contained HTML page about a scenario that an analyst can e-mail: its title and
/// question, the key numbers with their intervals, the charts, the balance and fan tables,
/// the alternatives' differences, every assumption with its source comment, the warnings,
/// the expectations, a backtest and the provenance. Inline SVG and CSS only: no script, no
/// font, image or style sheet fetched, so it reads the same offline and prints to A4.
public struct ScenarioReport: Sendable {
  /// The date on the page and the charts' source lines.
  public var date: String

  public init(date: String = FigureSource.today()) {
    self.date = date
  }

  /// Everything the page shows, run and drawn.
  struct Contents {
    let projection: Projection
    let metadata: RunMetadata
    let charts: [(title: String, chart: Chart, caption: String)]
    /// The comparison and its chart; no chart when no alternative differs from the base.
    let comparison: (ComparisonResult, Chart?)?
    let tornado: Result<Chart, FigureError>
    let backtest: Result<(BacktestResult, Chart), FigureError>
    let expectations: [ExpectationResult]
    let annotations: (files: [ScenarioAnnotations], changed: [String])
  }

  /// Runs `base` (and the alternatives, for a comparison) and writes the page.
  /// - Throws: `ReportError` when a run fails or an expectation names a cell the run does not
  ///   produce. A backtest the scenario cannot support is reported on the page instead.
  public func html(base: Scenario, alternatives: [Scenario] = []) throws(ReportError) -> String {
    try page(contents(base: base, alternatives: alternatives))
  }

  func contents(base: Scenario, alternatives: [Scenario]) throws(ReportError) -> Contents {
    do {
      let projection = try ChartRequest.run(base)
      let charts: [(String, Chart, String)] = try [
        ("Graduates and new labour supply", ChartRequest(kind: .supply, date: date).draw(projection),
         "Observed up to the base year, projected after it."),
        ("Supply against labour-brand capacity", ChartRequest(kind: .capacity, date: date).draw(projection),
         "Capacity is the graduate openings of labour-brand jobs; coverage is capacity as a share of new labour supply."),
        ("Every balance metric", ChartRequest(kind: .fan, date: date).draw(projection),
         "The balance table's metrics, each on its own scale."),
      ]
      var comparison: (ComparisonResult, Chart?)?
      if !alternatives.isEmpty {
        let compared = Comparison(base: base, alternatives: alternatives)
        let result: ComparisonResult
        do { result = try compared.run() } catch { throw FigureError.whatIf(error) }
        switch Result(catching: { () throws(FigureError) in try ChartRequest(kind: .compare, date: date).draw(result) }) {
        case .success(let chart): comparison = (result, chart)
        // Every difference is 0: the section says so.
        case .failure(.constantMetrics): comparison = (result, nil)
        case .failure(let error): throw error
        }
      }
      let tornadoRequest = ChartRequest(kind: .tornado, date: date)
      let tornado = Result { () throws(FigureError) in try tornadoRequest.chart(base: base) }
      let backtestRequest = ChartRequest(kind: .backtest, date: date)
      let backtest = Result { () throws(FigureError) -> (BacktestResult, Chart) in
        let (result, scenario) = try backtestRequest.backtest(base)
        return (result, try backtestRequest.draw(result, scenario: scenario))
      }
      let expectations: [ExpectationResult]
      do { expectations = try ExpectationResult.evaluate(projection) } catch { throw ReportError.check(error) }
      return Contents(
        projection: projection, metadata: RunMetadata(projection: projection), charts: charts,
        comparison: comparison, tornado: tornado, backtest: backtest, expectations: expectations,
        annotations: ScenarioAnnotations.of(base))
    } catch let error as ReportError {
      throw error
    } catch let error as FigureError {
      throw .figure(error)
    } catch {
      preconditionFailure("ScenarioReport: \(error)")
    }
  }

  func page(_ c: Contents) -> String {
    let info = c.projection.scenario.info
    let title = info.title ?? info.name
    var sections: [(id: String, title: String, body: String)] = []
    sections.append(("numbers", "Key numbers", ReportSections.keyNumbers(c.projection)))
    for (k, entry) in c.charts.enumerated() {
      sections.append(
        ("chart-\(k)", entry.title, ReportSections.figure(entry.chart, caption: entry.caption, id: "c\(k)-")))
    }
    if let (result, chart) = c.comparison {
      sections.append(("alternatives", "Alternatives", ReportSections.alternatives(result, chart)))
    }
    switch c.tornado {
    case .success(let tornado):
      sections.append(
        ("tornado", "What moves the result",
         ReportSections.figure(
           tornado, caption: "Each parameter scaled down and up by 10% on its own; the bars show how far the number without a brand placement moves.",
           id: "tornado-")))
    case .failure(let error):
      sections.append(("tornado", "What moves the result", "<p class=\"note\">Not drawn: \(HTML.text(error.description))</p>\n"))
    }
    sections.append(("balance", "Balance table", ReportSections.balance(c.projection)))
    if c.projection.paths > 1 {
      sections.append(("fan", "Fan table", ReportSections.fan(c.projection)))
    }
    sections.append(("assumptions", "Assumptions", ReportSections.assumptions(c.annotations, scenario: c.projection.scenario)))
    sections.append(("warnings", "Warnings", ReportSections.warnings(c.projection.warnings)))
    sections.append(("expectations", "Expectations", ReportSections.expectations(c.expectations)))
    sections.append(("backtest", "Backtest", ReportSections.backtest(c.backtest)))
    sections.append(("provenance", "Provenance", ReportSections.provenance(c.metadata, date: date)))

    let preamble = c.annotations.files.first?.preamble ?? ""
    let (question, about) = ReportSections.question(preamble)
    var body = "<header>\n<h1>\(HTML.text(title))</h1>\n"
    if let question { body += "<p class=\"question\"><strong>Question:</strong> \(HTML.text(question))</p>\n" }
    body += "<p class=\"meta\">" + HTML.text(ReportSections.runLine(c.projection, date: date)) + "</p>\n"
    for paragraph in about { body += paragraph }
    body += "</header>\n<nav><ol>\n"
      + sections.map { "<li><a href=\"#\($0.id)\">\(HTML.text($0.title))</a></li>" }.joined(separator: "\n")
      + "\n</ol></nav>\n"
    for section in sections {
      body += "<section id=\"\(section.id)\">\n<h2>\(HTML.text(section.title))</h2>\n\(section.body)</section>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Forecast \(RunMetadata.toolVersion)">
      <title>\(HTML.text(title))</title>
      <style>
      \(ReportStyle.css)
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }
}
