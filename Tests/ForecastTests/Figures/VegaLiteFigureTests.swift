import Foundation
import Testing

@testable import Forecast

/// The Vega-Lite specifications carry what the SVG shows: titles, subtitle and source lines,
/// axis titles with units, every legend name in one colour scale, and the data inline.
@Suite struct VegaLiteFigureTests {
  @Test(arguments: ChartKind.names)
  func specificationMatchesTheFigure(_ name: String) throws {
    let chart = try ShippedCharts.chart(name)
    let json = chart.vegaLite()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["$schema"] as? String == VegaLiteFigure.schema)
    let blocks = try #require(object["vconcat"] as? [[String: Any]])
    #expect(blocks.count == chart.figures.count)
    for (block, figure) in zip(blocks, chart.figures) {
      let title = try #require(block["title"] as? [String: Any])
      #expect(title["text"] as? String == figure.title)
      let subtitle = try #require(title["subtitle"] as? [String])
      #expect(subtitle.last == "Source: " + (figure.source ?? ""))
      let plots = try #require(block["concat"] as? [[String: Any]])
      #expect(plots.count == figure.panels.count)
      for panel in figure.panels {
        if let axisTitle = panel.y.title { #expect(json.contains(Table.jsonString(axisTitle))) }
      }
      for entry in figure.legendEntries { #expect(json.contains(Table.jsonString(entry.label))) }
    }
    #expect(chart.vegaLite() == json)
  }
}
