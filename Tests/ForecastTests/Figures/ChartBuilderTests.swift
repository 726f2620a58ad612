import Foundation
import Testing

@testable import Forecast

/// The project's charts, built from the shipped scenarios: what each shows (observed history
/// joined to the projection, bands with paths, flat metrics left out), and that every one is
/// report-grade (title, subtitle, axis titles with units, a legend, a source line, every label
/// inside the view box, the same bytes twice).
@Suite struct ChartBuilderTests {
  static let names = ChartKind.names

  @Test(arguments: names)
  func everyChartIsComplete(_ name: String) throws {
    let chart = try ShippedCharts.chart(name)
    let svg = chart.svg()
    let inspector = SVGInspector(svg)
    try #require(inspector.isWellFormed, "\(name): \(String(describing: inspector.parseError))")
    let box = try #require(inspector.viewBox)
    let texts = inspector.all("text").map(\.text)
    for figure in chart.figures {
      #expect(figure.subtitle?.isEmpty == false)
      #expect(!figure.legendEntries.isEmpty, "\(name): no legend")
      #expect(texts.contains { $0.hasPrefix(figure.title.prefix(20)) }, "\(name): title")
      #expect(figure.x.title != nil)
      for panel in figure.panels {
        let title = try #require(panel.y.title, "\(name): a panel without a y axis title")
        #expect(texts.contains(title), "\(name): axis title \(title) not drawn")
      }
      let source = try #require(figure.source)
      #expect(source.contains("Forecast \(RunMetadata.toolVersion)") && source.contains(ShippedCharts.date))
      #expect(source.contains(".toml") && source.contains("graduates.csv"))
    }
    for element in inspector.all("text") {
      let b = try #require(SVGInspector.box(element))
      #expect(
        b.left >= 0 && b.top >= 0 && b.right <= box.width && b.bottom <= box.height,
        "\(name): '\(element.text)' at \(b) outside the view box \(box.width)×\(box.height)")
    }
    #expect(chart.svg() == svg, "\(name): not the same bytes twice")
  }

  /// Units named in the axis titles: persons in millions or thousands, shares in percent.
  @Test func axisTitlesCarryUnits() throws {
    let capacity = try ShippedCharts.chart("capacity").figures[0]
    let titles = capacity.panels.compactMap(\.y.title)
    #expect(titles.first == "Million persons")
    #expect(titles[1] == "Percent of new labour supply")
    #expect(capacity.panels[1].y.labelStyle == .percent)
    #expect(titles.contains("Thousand persons") && titles.contains("Persons"))
  }

  /// The supply chart's observed graduates are the data series up to the base year, joined to
  /// the projection at 2025; observed new supply is graduates minus the postgraduate intake.
  @Test func supplyJoinsHistoryToTheProjection() throws {
    let projection = try ShippedCharts.baseline.get()
    let figure = try ShippedCharts.request(.supply).draw(projection).figures[0]
    let lines = figure.panels[0].marks.compactMap { mark -> LineMark? in
      if case .line(let m) = mark { return m } else { return nil }
    }
    let observed = try #require(lines.first { $0.label == "Graduates" && $0.style.dash == .solid })
    #expect(observed.points.first?.x == 2000 && observed.points.last?.x == 2025)
    // graduates.csv: 1222 (10k) in 2025, 107 in 2000.
    #expect(observed.points.last?.y == 12_220_000 && observed.points.first?.y == 1_070_000)
    let projected = try #require(lines.first { $0.label == nil && $0.style.color == observed.style.color })
    #expect(projected.points.first == observed.points.last)
    #expect(projected.points.last?.x == 2040)
    #expect(projected.points[1].y == projection.balance(.graduates, year: 2026))
    let supply = try #require(lines.first { $0.label == "New labour supply" })
    // enrollment.csv: postgraduate intake 2025 = 135.7 (10k)? read it from the data.
    let data = try ScenarioData(scenario: projection.scenario)
    let pg = try #require(data.series["enroll_pg"]?.values[2025])
    #expect(supply.points.last { $0.x == 2025 }?.y == 12_220_000 - pg)
    #expect(figure.panels[0].marks.contains { if case .rule(let r) = $0 { r.label == "base year 2025" } else { false } })
    // One path: no bands.
    #expect(!figure.panels[0].marks.contains { if case .band = $0 { true } else { false } })
  }

  /// With paths, the bands are the 5-95% and 25-75% quantiles over paths of each year.
  @Test func bandsAreTheQuantilesOverPaths() throws {
    let projection = try ShippedCharts.uncertain.get()
    let figure = try ShippedCharts.chart("fan").figures[0]
    let bands = figure.panels[0].marks.compactMap { mark -> BandMark? in
      if case .band(let b) = mark { return b } else { return nil }
    }
    #expect(bands.map(\.label) == ["90% interval", "50% interval"])
    let q = Quantiles.type7(projection.balanceValues(.graduates, year: 2030), levels: [0.05, 0.25, 0.75, 0.95])
    let i = try #require(bands[0].x.firstIndex(of: 2030))
    #expect(bands[0].lower[i] == q[0] && bands[0].upper[i] == q[3])
    #expect(bands[1].lower[i] == q[1] && bands[1].upper[i] == q[2])
    #expect(bands[0].lower[i] < bands[0].upper[i])
  }

  /// The fan leaves out vacancies (0 in every year) and placed (the capacity in every year)
  /// and says so; chosen by name, they are drawn.
  @Test func fanLeavesOutFlatAndRepeatedMetrics() throws {
    let figure = try ShippedCharts.chart("fan").figures[0]
    let titles = figure.panels.compactMap(\.title)
    #expect(!titles.contains("Unfilled brand openings") && !titles.contains("Placed in brand jobs"))
    #expect(titles.contains("Coverage") && titles.contains("Graduates"))
    #expect(figure.source?.contains("unfilled brand openings") == true)
    #expect(figure.source?.contains("placed in brand jobs equals labour-brand capacity") == true)
    let chosen = try ShippedCharts.request(.fan, metrics: "vacancies,placed")
      .draw(try ShippedCharts.uncertain.get()).figures[0]
    #expect(chosen.panels.compactMap(\.title) == ["Unfilled brand openings", "Placed in brand jobs"])
  }

  /// Compare: one line per alternative minus the base, its paired band, a zero rule; a metric
  /// no alternative moves (graduates) is not drawn.
  @Test func compareDrawsDifferencesWithPairedBands() throws {
    let figure = try ShippedCharts.chart("compare").figures[0]
    let titles = figure.panels.compactMap(\.title)
    #expect(!titles.contains("Graduates") && titles.contains("Labour-brand capacity"))
    let labels = figure.legendEntries.map(\.label)
    #expect(labels.contains("ai-trainer-boom − china-baseline"))
    #expect(labels.contains("brand-slowdown − china-baseline"))
    #expect(labels.contains("90% interval") && labels.contains("50% interval"))
    #expect(throws: FigureError.noAlternatives(.compare)) {
      try ShippedCharts.request(.compare).chart(base: ShippedCharts.scenario("china-baseline"))
    }
  }

  /// Tornado: at most 15 bars, each end labelled, the base value marked; the largest swing is
  /// completion's (progression's high side is clamped at 1, MODEL.md 12).
  @Test func tornadoLabelsBothEnds() throws {
    let figure = try ShippedCharts.chart("tornado").figures[0]
    let names = try #require(figure.panels[0].y.categoryNames)
    #expect(names.count <= TornadoFigure.maximumBars && names.first == "tracks.undergraduate.completion")
    let bars = figure.panels[0].marks.compactMap { mark -> BarMark? in
      if case .bars(let b) = mark { return b } else { return nil }
    }
    #expect(bars.count == 2)
    for bar in bars.flatMap(\.bars) { #expect((bar.leadingLabel ?? bar.trailingLabel) != nil) }
    #expect(figure.title == "What moves without a brand placement in 2030")
  }

  /// Backtest: the forecasts from 2024 and 2025 against the observed graduates, then the
  /// errors per step of the four methods on a second figure.
  @Test func backtestHasForecastsAndErrors() throws {
    let chart = try ShippedCharts.chart("backtest")
    #expect(chart.figures.count == 2)
    let labels = chart.figures[0].legendEntries.map(\.label)
    #expect(labels.contains("Forecast from 2024") && labels.contains("Forecast from 2025"))
    #expect(chart.figures[1].legendEntries.map(\.label).contains("Model"))
    #expect(chart.figures[1].legendEntries.count == 4)
    let svg = chart.svg()
    #expect(svg.contains("url(#plot-0)") && svg.contains("url(#f1-plot-0)"))
  }

  @Test func yearsCutTheFigure() throws {
    let projection = try ShippedCharts.baseline.get()
    let figure = try ShippedCharts.request(.supply, years: "2020-2030").draw(projection).figures[0]
    #expect(figure.x.domain == 2020...2030)
    let xs = figure.panels.flatMap { $0.marks.flatMap(\.xValues) }
    #expect(xs.allSatisfy { (2020...2030).contains($0) })
    #expect(throws: FigureError.yearsOutside(1900...1950, valid: 2000...2040)) {
      try ShippedCharts.request(.supply, years: "1900-1950").draw(projection)
    }
  }

  @Test func yearsParse() throws {
    #expect(try YearWindow(parsing: "2020-2040").years == 2020...2040)
    #expect(try YearWindow(parsing: "2030").years == 2030...2030)
    #expect(try YearWindow(parsing: "2020...2030").years == 2020...2030)
    #expect(throws: FigureError.yearsSyntax("2040-2020")) { try YearWindow(parsing: "2040-2020") }
    #expect(throws: FigureError.yearsSyntax("soon")) { try YearWindow(parsing: "soon") }
  }

  @Test func unknownChartNamesTheNearest() {
    #expect(throws: FigureError.unknownChart("suply", nearest: ["supply"])) {
      try ChartKind(parsing: "suply")
    }
    let message = FigureError.unknownChart("suply", nearest: ["supply"]).description
    #expect(message.contains("`chart`") && message.contains("did you mean supply?"))
  }

  /// Dates from Unix time: the epoch, a leap day, and the date the tests use.
  @Test func sourceDates() {
    #expect(FigureSource.date(secondsSince1970: 0) == "1970-01-01")
    #expect(FigureSource.date(secondsSince1970: 951_782_400) == "2000-02-29")
    #expect(FigureSource.date(secondsSince1970: 1_767_312_000) == "2026-01-02")
    #expect(FigureSource.date(secondsSince1970: -86_400) == "1969-12-31")
    #expect(FigureSource.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01")
  }
}
