extension Projection {
  /// The tables `names` in the long form (`LongTable`), in the order given; the fit table,
  /// whose rows have neither year nor unit, is left out (see `longFitTable`).
  ///
  /// Keys: supply the track, demand the sector, matching `field/sector`, balance and fan
  /// `total`. Metrics: the table's value columns (`intake`, `placed`...), for the fan table
  /// the row's balance metric. Statistics: `mean` for the cells of supply, demand, balance and
  /// matching (the mean over paths; with P = 1 the one path's value), and the fan table's
  /// column (`mean`, `q05`...). Units: persons, coverage a ratio.
  public func longTable(_ names: [RunTable]) -> LongTable {
    var long = LongTable()
    let scenarioName = scenario.info.name
    for name in names where name != .fit {
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
        let key =
          keyColumns.isEmpty
          ? LongTable.totalKey : keyColumns.map { Self.text(row[$0]) }.joined(separator: "/")
        for column in valueColumns {
          let metric = metricColumn.map { Self.text(row[$0]) } ?? columns[column]
          long.append(
            scenario: scenarioName, year: year, table: name.rawValue, key: key, metric: metric,
            statistic: name == .fan ? columns[column] : "mean", value: Self.number(row[column]),
            unit: table.unit(of: row, column: column))
        }
      }
    }
    return long
  }

  /// The fit table in long form: columns scenario, model, term, statistic (`estimate`,
  /// `std_error`, `t`, `p_value`) and value, one row per coefficient and statistic.
  public func longFitTable() -> Table {
    let fit = table(.fit)
    let scenarioName = scenario.info.name
    var rows: [[Table.Cell]] = []
    for row in fit.rows {
      for statistic in FitColumn.allCases {
        rows.append([
          .text(scenarioName), fit.cell("model", of: row), fit.cell("term", of: row),
          .text(statistic.rawValue), fit.cell(statistic.rawValue, of: row),
        ])
      }
    }
    return Table(
      title: "\(scenarioName): fit",
      columns: [.text("scenario"), .text("model"), .text("term"), .text("statistic"), .number("value")],
      rows: rows)
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
