import Foundation

/// The fan chart of a run as a Vega-Lite v5 specification, its data inline: one panel per
/// balance metric (each with its own y scale, since coverage is a ratio and the rest are
/// persons), year on x, a light band between the outermost quantile levels, a darker band
/// between the next pair inwards (with four levels or more), a solid line at the median
/// (where 0.5 is a level) and a dashed line at the mean.
///
/// `data.values` holds the fan table's rows as objects keyed by its column names (NaN as
/// null). Vega-Lite reads a dot in a field name as nested access, so a column such as
/// `q2.5` is named `q2\.5` in the encodings. The text is written directly (no serializer),
/// so the same fan table gives the same bytes.
public struct VegaLiteFanChart: Sendable {
  /// The schema URL of the specification.
  public static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

  /// The fan table (columns year, metric, mean, then one per level).
  public let table: Table
  public let levels: [Double]
  public let title: String

  public init(projection: Projection) {
    table = projection.table(.fan)
    levels = projection.scenario.info.quantiles
    title = "\(projection.scenario.info.title ?? projection.scenario.info.name): fan chart"
  }

  /// The bands drawn, outermost first, as pairs of quantile columns.
  public var bands: [(lower: String, upper: String)] {
    let names = levels.map(RunTable.quantileColumn)
    var pairs: [(String, String)] = []
    var i = 0
    while i < names.count - 1 - i && pairs.count < 2 {
      pairs.append((names[i], names[names.count - 1 - i]))
      i += 1
    }
    return pairs
  }

  /// The median's column, when 0.5 is one of the levels.
  public var median: String? {
    levels.contains(0.5) ? RunTable.quantileColumn(0.5) : nil
  }

  /// The specification, ending with a line feed.
  public var json: String {
    let x =
      #"{"field": "year", "type": "quantitative", "title": "year", "#
      + #""scale": {"zero": false}, "axis": {"format": "d", "tickMinStep": 1}}"#
    func y(_ column: String) -> String {
      #"{"field": \#(Table.jsonString(Self.field(column))), "type": "quantitative", "title": null, "#
        + #""scale": {"zero": false}}"#
    }
    var layers: [String] = []
    for (index, band) in bands.enumerated() {
      layers.append(
        #"{"mark": {"type": "area", "opacity": \#(index == 0 ? "0.2" : "0.35")}, "#
          + #""encoding": {"x": \#(x), "y": \#(y(band.lower)), "#
          + #""y2": {"field": \#(Table.jsonString(Self.field(band.upper)))}}}"#)
    }
    if let median {
      layers.append(#"{"mark": {"type": "line"}, "encoding": {"x": \#(x), "y": \#(y(median))}}"#)
    }
    layers.append(
      #"{"mark": {"type": "line", "strokeDash": [4, 3]}, "#
        + #""encoding": {"x": \#(x), "y": \#(y("mean"))}}"#)
    var subtitle = bands.map { "band \($0.lower)–\($0.upper)" }
    if let median { subtitle.append("line \(median)") }
    subtitle.append("dashed line mean")
    let metrics = BalanceMetric.names.map(Table.jsonString).joined(separator: ", ")
    let values = table.renderedJSON().trimmingCharacters(in: .whitespacesAndNewlines)
    return """
      {
        "$schema": \(Table.jsonString(Self.schema)),
        "title": {"text": \(Table.jsonString(title)), "subtitle": \(Table.jsonString(subtitle.joined(separator: "; ")))},
        "data": {"values": \(values)},
        "facet": {"field": "metric", "type": "nominal", "sort": [\(metrics)], "title": null},
        "columns": 2,
        "resolve": {"scale": {"y": "independent"}},
        "spec": {
          "width": 320,
          "height": 180,
          "layer": [
            \(layers.joined(separator: ",\n      "))
          ]
        }
      }

      """
  }

  /// A column name as a Vega-Lite field: dots (and backslashes) escaped.
  static func field(_ column: String) -> String {
    column.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ".", with: "\\.")
  }
}
