import Foundation
import Testing

@testable import Forecast

/// The Vega-Lite fan chart parses as JSON and has the schema, data and encodings expected.
@Suite struct VegaLiteFanChartTests {
  static func chart(quantiles: [Double]? = nil) throws -> (VegaLiteFanChart, [String: Any]) {
    var scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/monte-carlo.toml").path)
    scenario.info.paths = 40
    if let quantiles { scenario.info.quantiles = quantiles }
    let chart = VegaLiteFanChart(projection: try Simulation(scenario: scenario).run())
    let object = try JSONSerialization.jsonObject(with: Data(chart.json.utf8))
    return (chart, try #require(object as? [String: Any]))
  }

  /// The layers' encodings as (mark type, y field, y2 field).
  static func layers(_ spec: [String: Any]) -> [(String, String, String?)] {
    let inner = spec["spec"] as? [String: Any]
    let layers = inner?["layer"] as? [[String: Any]] ?? []
    return layers.map { layer in
      let mark = (layer["mark"] as? [String: Any])?["type"] as? String ?? "?"
      let encoding = layer["encoding"] as? [String: Any]
      let y = (encoding?["y"] as? [String: Any])?["field"] as? String ?? "?"
      let y2 = (encoding?["y2"] as? [String: Any])?["field"] as? String
      return (mark, y, y2)
    }
  }

  @Test func defaultLevelsGiveTwoBandsAMedianAndAMean() throws {
    let (chart, spec) = try Self.chart()
    #expect(spec["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
    let values = (spec["data"] as? [String: Any])?["values"] as? [[String: Any]] ?? []
    #expect(values.count == 5 * 7)
    #expect(values.count == chart.table.rows.count)
    #expect(Set(values[0].keys) == ["year", "metric", "mean", "q05", "q25", "q50", "q75", "q95"])
    #expect(values[0]["year"] as? Int == 2021 && values[0]["metric"] as? String == "graduates")
    let facet = spec["facet"] as? [String: Any]
    #expect(facet?["field"] as? String == "metric")
    #expect(facet?["sort"] as? [String] == BalanceMetric.names)
    let layers = Self.layers(spec)
    #expect(layers.map(\.0) == ["area", "area", "line", "line"])
    #expect(layers.map(\.1) == ["q05", "q25", "q50", "mean"])
    #expect(layers.map(\.2) == ["q95", "q75", nil, nil])
    let x =
      (((spec["spec"] as? [String: Any])?["layer"] as? [[String: Any]])?[0]["encoding"]
      as? [String: Any])?["x"] as? [String: Any]
    #expect(x?["field"] as? String == "year" && x?["type"] as? String == "quantitative")
  }

  /// Dots in quantile columns are escaped in the encodings.
  ///
  /// A level such as 0.025 makes a column `q2.5`, which Vega-Lite would read as a nested
  /// field. Without 0.5 there is no median line.
  @Test func dottedColumnsAreEscaped() throws {
    let (_, spec) = try Self.chart(quantiles: [0.025, 0.975])
    let layers = Self.layers(spec)
    #expect(layers.map(\.0) == ["area", "line"])
    #expect(layers[0].1 == "q2\\.5" && layers[0].2 == "q97\\.5")
    let values = (spec["data"] as? [String: Any])?["values"] as? [[String: Any]] ?? []
    #expect(values.first?["q2.5"] is NSNumber)
  }

  @Test func chartIsDeterministic() throws {
    #expect(try Self.chart().0.json == Self.chart().0.json)
  }

  @Test func onlyTheFanTableIsCharted() {
    #expect(throws: RunOutput.Failure.chartNeedsFan(tables: ["balance"])) {
      try RunOutput.checkVegaLite(tables: [.fan, .balance])
    }
    #expect(throws: RunOutput.Failure.chartNotLong) {
      try RunOutput.checkVegaLite(tables: [.fan], long: true)
    }
    #expect(throws: Never.self) { try RunOutput.checkVegaLite(tables: [.fan]) }
    #expect(
      RunFormat(rawValue: "vega-lite") == .vegaLite && RunFormat(rawValue: "csv") == .table(.csv))
    #expect(RunFormat(rawValue: "png") == nil)
    #expect(
      RunFormat.allCases.map(\.rawValue) == ["text", "markdown", "csv", "tsv", "json", "vega-lite"])
  }
}
