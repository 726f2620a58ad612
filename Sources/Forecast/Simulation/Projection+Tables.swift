extension Projection {
  /// A table of MODEL.md 9, columns exactly as named there; values in persons (shares for
  /// coverage), empty cells for values that do not exist.
  public func table(_ name: TableName) -> Table {
    let title = "\(scenario.info.name): \(name.rawValue)"
    switch name {
    case .supply: return supplyTable(title)
    case .demand: return demandTable(title)
    case .balance: return balanceTable(title)
    case .matching: return matchingTable(title)
    case .fit: return fitTable(title)
    }
  }

  private func supplyTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for t in years {
      for (k, track) in cohort.tracks.enumerated() {
        rows.append(
          [.integer(t), .text(track)]
            + [
              cohort.intake.value(row: k, year: t), cohort.enrolled.value(row: k, year: t),
              cohort.graduates.value(row: k, year: t), cohort.continuing.value(row: k, year: t),
              cohort.newSupply.value(row: k, year: t),
            ].map(Table.Cell.number(orEmpty:)))
      }
    }
    return Table(
      title: title,
      columns: [.year("year"), .text("track")]
        + ["intake", "enrolled", "graduates", "continuing", "new_supply"].map(Table.Column.number),
      rows: rows)
  }

  private func demandTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for t in years {
      for (s, sector) in demand.sectors.enumerated() {
        rows.append(
          [.integer(t), .text(sector)]
            + [
              demand.employment.value(row: s, year: t), demand.openings.value(row: s, year: t),
              demand.capacity.value(row: s, year: t),
            ].map(Table.Cell.number(orEmpty:)))
      }
    }
    return Table(
      title: title,
      columns: [.year("year"), .text("sector")]
        + ["employment", "openings", "capacity"].map(Table.Column.number),
      rows: rows)
  }

  /// Balance metrics by year, in the column order of MODEL.md 9.
  public static let balanceMetrics = [
    "graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies", "coverage",
  ]

  /// The balance metrics of year `t` (path 0), in `balanceMetrics` order.
  public func balance(year t: Int) -> [Double] {
    guard let match = matches.first(where: { $0.year == t }) else {
      return Self.balanceMetrics.map { _ in .nan }
    }
    let graduates = (0..<cohort.tracks.count).map { cohort.graduates.value(row: $0, year: t) }
      .reduce(0, +)
    return [
      graduates, match.totalSupply, match.totalCapacity, match.placed, match.unplaced,
      match.totalVacancies, match.coverage,
    ]
  }

  private func balanceTable(_ title: String) -> Table {
    Table(
      title: title,
      columns: [.year("year")] + Self.balanceMetrics.map(Table.Column.number),
      rows: years.map { t in [.integer(t)] + balance(year: t).map(Table.Cell.number(orEmpty:)) })
  }

  private func matchingTable(_ title: String) -> Table {
    var rows: [[Table.Cell]] = []
    for match in matches {
      for (f, field) in match.fields.enumerated() {
        for (s, sector) in match.sectors.enumerated() {
          rows.append(
            [.integer(match.year), .text(field), .text(sector),
             .number(orEmpty: match.placements[f, s])])
        }
      }
    }
    return Table(
      title: title,
      columns: [.year("year"), .text("field"), .text("sector"), .number("placed")],
      rows: rows)
  }

  private func fitTable(_ title: String) -> Table {
    Table(
      title: title,
      columns: [.text("model"), .text("term")]
        + ["estimate", "std_error", "t", "p_value"].map(Table.Column.number),
      rows: fitRows.map { row in
        [.text(row.model), .text(row.term)]
          + [row.estimate, row.standardError, row.t, row.pValue].map(Table.Cell.number(orEmpty:))
      })
  }
}
