/// New labour supply against labour-brand capacity: both in persons, the coverage (capacity
/// as a percent of new supply) in its own panel, and each brand group's capacity in a panel of
/// its own scale (the groups differ by three orders of magnitude). A brand group whose
/// capacity is the same in every year is left out, and the subtitle says so.
enum CapacityFigure {
  static func make(_ projection: Projection, source: FigureSource) -> Figure {
    let scenario = projection.scenario
    let supply = PathSummary(projection, .newSupply)
    let capacity = PathSummary(projection, .capacity)
    let coverage = PathSummary(projection, .coverage)
    let blue = ChartPalette.series(0)
    let orange = ChartPalette.series(1).dashed(.solid)
    let green = ChartPalette.series(3).dashed(.solid)
    let balance = Panel(
      title: "New labour supply and brand capacity",
      y: MetricAxis.persons(largest: MetricAxis.largest(supply.allValues + capacity.allValues)),
      marks: supply.bands(color: blue.color)
        + capacity.bands(color: orange.color)
        + [
          .line(LineMark(BalanceMetric.newSupply.displayName, points: supply.points(), style: blue)),
          .line(LineMark(BalanceMetric.capacity.displayName, points: capacity.points(), style: orange)),
        ])
    let share = Panel(
      title: "Coverage: capacity / new supply",
      y: MetricAxis.percent(title: "Percent of new labour supply"),
      marks: coverage.bands(color: green.color)
        + [.line(LineMark(BalanceMetric.coverage.displayName, points: coverage.points(), style: green))])
    var sectorPanels: [Panel] = []
    var flat: [String] = []
    let years = Array(projection.years)
    for (s, sector) in projection.sectors.enumerated() {
      let values = years.map { projection.demandSums[.capacity].mean(row: s, year: $0) }
      if let first = values.first, values.allSatisfy({ $0 == first }) {
        flat.append(sector)
        continue
      }
      let style = ChartPalette.series(1).dashed(.solid)
      sectorPanels.append(
        Panel(
          title: "Brand group \(FigureText.readable(sector))",
          y: MetricAxis.persons(largest: MetricAxis.largest(values)),
          marks: [
            .line(
              LineMark(
                projection.sectors.count > 1 ? nil : BalanceMetric.capacity.displayName,
                points: zip(years, values).map { DataPoint(Double($0), $1) }, style: style))
          ]))
    }
    var note =
      "Capacity: graduate openings in labour-brand jobs; by brand group, the mean over paths on "
      + "each group's own scale"
    if !flat.isEmpty {
      note += "; not drawn, the same in every year: \(Wording.list(flat.map(FigureText.readable)))"
    }
    return FigureText.figure(
      title: "New labour supply against labour-brand capacity, "
        + "\(projection.years.lowerBound)–\(projection.years.upperBound)",
      subtitle: "\(FigureText.scenario(scenario)). " + FigureText.paths(projection.paths) + ".",
      note: note + ".", source: source, x: .years(title: "Year"),
      panels: [balance, share] + sectorPanels, columns: 2)
  }
}
