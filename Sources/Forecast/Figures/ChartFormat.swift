/// What a chart is written as: an SVG 1.1 document, or a Vega-Lite v5 specification to edit.
public enum ChartFormat: String, CaseIterable, Sendable {
  case svg
  case vegaLite = "vega-lite"

  /// The format a file name implies: `.svg`, or `.json` (`chart.vl.json`) for Vega-Lite.
  public static func implied(by path: String) -> ChartFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".svg") { return .svg }
    if lower.hasSuffix(".json") { return .vegaLite }
    return nil
  }
}

extension Chart {
  /// The chart's text in `format`.
  public func rendered(as format: ChartFormat) -> String {
    switch format {
    case .svg: svg()
    case .vegaLite: vegaLite()
    }
  }
}
