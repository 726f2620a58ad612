extension Projection {
  /// The tables `names` in the long form (`LongTable`), in the order given.
  ///
  /// Keys: supply the track, demand the sector, matching `field/sector`, fit `model/term`,
  /// balance and fan none. Metrics: the table's value columns (`intake`, `placed`...), for
  /// the fan table the row's balance metric. Statistics: `mean` for the cells of supply,
  /// demand, balance and matching (the mean over paths; with P = 1 the one path's value),
  /// the fan table's column (`mean`, `q05`...), and `value` for the fit table, whose rows
  /// have no year.
  public func longTable(_ names: [RunTable]) -> LongTable {
    var long = LongTable()
    let scenarioName = scenario.info.name
    for name in names {
      let table = self.table(name)
      let columns = table.columns.map(\.name)
      // The fan table's one text column is its metric; elsewhere text columns are keys.
      let keyColumns =
        name == .fan ? [] : columns.indices.filter { table.columns[$0].kind == .text }
      let valueColumns = columns.indices.filter { table.columns[$0].kind == .number }
      let yearColumn = columns.firstIndex(of: "year")
      let metricColumn = name == .fan ? columns.firstIndex(of: "metric") : nil
      for row in table.rows {
        var year: Int?
        if let yearColumn, case .integer(let t) = row[yearColumn] { year = t }
        let key = keyColumns.map { Self.text(row[$0]) }.joined(separator: "/")
        for column in valueColumns {
          let metric = metricColumn.map { Self.text(row[$0]) } ?? columns[column]
          let statistic =
            switch name {
            case .fan: columns[column]
            case .fit: "value"
            default: "mean"
            }
          long.append(
            scenario: scenarioName, year: year, table: name.rawValue, key: key, metric: metric,
            statistic: statistic, value: Self.number(row[column]))
        }
      }
    }
    return long
  }

  private static func text(_ cell: Table.Cell) -> String {
    if case .text(let text) = cell { return text }
    return ""
  }

  private static func number(_ cell: Table.Cell) -> Double {
    switch cell {
    case .number(let x): return x
    case .integer(let i): return Double(i)
    case .empty, .text: return .nan
    }
  }
}
