import Foundation

extension Projection {
  /// A table of MODEL.md 9, columns exactly as named there; values in persons (shares for
  /// coverage), empty cells for values that do not exist.
  public func table(_ name: RunTable) -> Table {
    let title = "\(scenario.info.name): \(name.rawValue)"
    switch name {
    case .supply: return supplyTable(title)
    case .demand: return demandTable(title)
    case .balance: return balanceTable(title)
    case .matching: return matchingTable(title)
    case .fit: return fitTable(title)
    case .fan: return fanTable(title)
    }
  }

  private func supplyTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for t in years {
      for (k, track) in tracks.enumerated() {
        rows.append(
          [.integer(t), .text(track)]
            + SupplyMetric.allCases.map { .number(orEmpty: supplySums[$0].mean(row: k, year: t)) })
      }
    }
    return Table(title: title, columns: RunTable.supply.columns, rows: rows)
  }

  private func demandTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for t in years {
      for (s, sector) in sectors.enumerated() {
        rows.append(
          [.integer(t), .text(sector)]
            + DemandMetric.allCases.map { .number(orEmpty: demandSums[$0].mean(row: s, year: t)) })
      }
    }
    return Table(title: title, columns: RunTable.demand.columns, rows: rows)
  }


  /// The mean over paths of balance metric `metric` in year `t` (NaN outside the projection).
  public func balance(_ metric: BalanceMetric, year t: Int) -> Double {
    guard years.contains(t) else { return .nan }
    return Quantiles.mean(balanceValues(metric, year: t))
  }

  private func balanceTable(_ title: String) -> Table {
    Table(
      title: title,
      columns: RunTable.balance.columns,
      rows: years.map { t in
        [.integer(t)] + BalanceMetric.allCases.map { .number(orEmpty: balance($0, year: t)) }
      })
  }

  private func matchingTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for t in years {
      for (f, field) in fields.enumerated() {
        for (s, sector) in sectors.enumerated() {
          rows.append(
            [.integer(t), .text(field), .text(sector),
             .number(orEmpty: placementSums.mean(row: f * sectors.count + s, year: t))])
        }
      }
    }
    return Table(title: title, columns: RunTable.matching.columns, rows: rows)
  }

  /// Per year and balance metric: the mean over paths and the scenario's quantiles (type 7).
  /// Cells are independent, so they are summarised concurrently; each row lands in its slot.
  private func fanTable(_ title: String) -> Table {
    let levels = scenario.info.quantiles
    let metrics = BalanceMetric.allCases
    let cells = years.flatMap { t in metrics.indices.map { (t, $0) } }
    let slots = ResultSlots<[Table.Cell]>(count: cells.count)
    DispatchQueue.concurrentPerform(iterations: cells.count) { i in
      let (t, m) = cells[i]
      let values = balanceValues(metrics[m], year: t)
      slots.put(
        [.integer(t), .text(metrics[m].rawValue), .number(orEmpty: Quantiles.mean(values))]
          + Quantiles.type7(values, levels: levels).map(Table.Cell.number(orEmpty:)), at: i)
    }
    let rows = slots.values.map { $0 ?? [] }
    return Table(
      title: title,
      columns: RunTable.fan.columns
        + levels.map { .number(RunTable.quantileColumn($0), unit: RunTable.fan.unit(of: "mean")) },
      rows: rows)
  }

  private func fitTable(_ title: String) -> Table {
    Table(
      title: title,
      columns: RunTable.fit.columns,
      rows: fitRows.map { row in
        [.text(row.model), .text(row.term)]
          + [row.estimate, row.standardError, row.t, row.pValue].map(Table.Cell.number(orEmpty:))
      })
  }
}
