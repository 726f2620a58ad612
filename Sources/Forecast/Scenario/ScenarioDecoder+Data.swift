import Foundation

/// Decoding of `[data]`: the data series, each a column of a CSV file (MODEL.md 1).
extension ScenarioDecoder {
  mutating func decodeData(_ node: ScenarioNode) -> [DataSeriesSpec] {
    guard checkTable(node, "data", allowed: node.entries?.map(\.key) ?? []),
      let entries = node.entries
    else { return [] }
    var series: [DataSeriesSpec] = []
    for (name, table) in entries {
      let path = "data." + name
      declared.series.append(name)
      guard checkName(name, path, at: table.location, what: "a data series name") != nil,
        checkTable(table, path, allowed: ScenarioSchema.dataSeries)
      else { continue }
      let fileNode = require(table, "file", path, what: "the CSV file's path")
      let file = fileNode.flatMap { string($0, path + ".file") }
      let column = require(table, "column", path, what: "the column's name")
        .flatMap { string($0, path + ".column") }
      let scale =
        table["scale"].flatMap {
          number($0, path + ".scale", range: .leastNonzeroMagnitude...Double.infinity,
            rangeText: "> 0")
        } ?? 1
      let projected = table["projected"].flatMap { boolean($0, path + ".projected") } ?? false
      guard let fileNode, let file, let column else { continue }
      // Relative paths resolve against the file that wrote them, which a merge keeps.
      let directory = (fileNode.location.file as NSString).deletingLastPathComponent
      let absolute = ScenarioLoader.absolutePath(file, relativeTo: directory)
      series.append(
        DataSeriesSpec(
          name: name, file: absolute, column: column, scale: scale, projected: projected))
    }
    return series
  }
}
