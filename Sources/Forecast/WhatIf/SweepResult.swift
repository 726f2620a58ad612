/// The balance metrics of every grid point of a sweep: per year and metric, the mean over
/// paths and, with P > 1, the scenario's quantiles (type 7, MODEL.md 7); and the unswept
/// scenario's mean and each point's difference from it.
public struct SweepResult: Sendable {
  /// One grid point's statistics and warnings.
  struct Point: Sendable {
    /// By year, then metric, then statistic (mean, then each quantile level).
    let statistics: [Double]
    let warnings: [String]

    init(statistics: [Double], warnings: [String]) {
      self.statistics = statistics
      self.warnings = warnings
    }

    init(
      projection: Projection, years: ClosedRange<Int>, metrics: MetricSelection, levels: [Double]
    ) {
      self.init(
        years: years, metrics: metrics, levels: levels, projected: projection.years,
        warnings: projection.warnings, values: projection.balanceValues)
    }

    /// A point run side by side with others (`Simulation.runPointsSideBySide`): the same
    /// statistics as its own run's projection, from its balance metrics per path.
    init(
      balance: PathSeries, warnings: [String], years: ClosedRange<Int>, metrics: MetricSelection,
      levels: [Double]
    ) {
      self.init(
        years: years, metrics: metrics, levels: levels, projected: balance.years,
        warnings: warnings
      ) { metric, t in balance.values(row: metric.row, year: t) }
    }

    /// The mean and quantiles of every metric and year of `years`, NaN outside `projected`.
    private init(
      years: ClosedRange<Int>, metrics: MetricSelection, levels: [Double],
      projected: ClosedRange<Int>, warnings: [String],
      values balanceValues: (BalanceMetric, Int) -> [Double]
    ) {
      var statistics: [Double] = []
      statistics.reserveCapacity(years.count * metrics.metrics.count * (levels.count + 1))
      for t in years {
        for metric in metrics.metrics {
          guard projected.contains(t) else {
            statistics += [Double](repeating: .nan, count: levels.count + 1)
            continue
          }
          let values = balanceValues(metric, t)
          statistics.append(Quantiles.mean(values))
          if !levels.isEmpty { statistics += Quantiles.type7(values, levels: levels) }
        }
      }
      self.statistics = statistics
      self.warnings = warnings
    }
  }

  public let sweep: Sweep
  /// The quantile levels reported: the scenario's with P > 1, none with P = 1.
  public let levels: [Double]
  let points: [Point]
  /// The unswept scenario's statistics.
  let base: Point

  init(sweep: Sweep, levels: [Double], points: [Point], base: Point) {
    self.sweep = sweep
    self.levels = levels
    self.points = points
    self.base = base
  }

  /// The quantile levels a scenario's sweep reports.
  static func levels(_ scenario: Scenario) -> [Double] {
    scenario.info.paths > 1 ? scenario.info.quantiles : []
  }

  /// The statistics of a scenario's sweep: `mean`, then the quantile columns with P > 1.
  static func statistics(_ scenario: Scenario) -> [String] {
    ["mean"] + levels(scenario).map(RunTable.quantileColumn)
  }

  /// The statistic columns: `mean`, then the quantile columns with P > 1.
  public var statistics: [String] { Self.statistics(sweep.scenario) }

  /// A statistic (0 the mean, then one per level) of a selected metric in a year at a grid
  /// point.
  public func value(point: Int, year: Int, metric: BalanceMetric, statistic: Int = 0) -> Double {
    let years = sweep.scenario.info.projectionYears
    let width = levels.count + 1
    let t = year - years.lowerBound
    guard let m = sweep.metrics.metrics.firstIndex(of: metric) else {
      preconditionFailure("SweepResult: \(metric.rawValue) was not swept")
    }
    return value(point: point, t: t, selected: m, statistic: statistic, width: width)
  }

  /// The statistic at `t` years past the first, of the selection's `selected`th metric.
  private func value(point: Int, t: Int, selected: Int, statistic: Int, width: Int) -> Double {
    points[point].statistics[(t * sweep.metrics.metrics.count + selected) * width + statistic]
  }

  /// The unswept scenario's mean of a selected metric in a year.
  public func baseValue(year: Int, metric: BalanceMetric) -> Double {
    let years = sweep.scenario.info.projectionYears
    guard let m = sweep.metrics.metrics.firstIndex(of: metric) else {
      preconditionFailure("SweepResult: \(metric.rawValue) was not swept")
    }
    return baseMean(t: year - years.lowerBound, selected: m)
  }

  /// The unswept mean at `t` years past the first, of the selection's `selected`th metric.
  private func baseMean(t: Int, selected: Int) -> Double {
    base.statistics[(t * sweep.metrics.metrics.count + selected) * (levels.count + 1)]
  }

  /// The warnings of the grid points' runs, each once (see `WarningDigest`).
  public var warnings: [String] {
    WarningDigest.merge(points.map(\.warnings), noun: "grid points", label: sweep.label)
  }

  /// One row per grid point, year and metric: a column per swept target (its path), then
  /// year, metric, value (the mean), the quantile columns with P > 1, base_value (the
  /// unswept scenario's mean) and difference (value − base_value).
  public var table: Table {
    let years = sweep.scenario.info.projectionYears
    var rows: [[Table.Cell]] = []
    rows.reserveCapacity(points.count * years.count * sweep.metrics.names.count)
    for index in points.indices {
      let settings = sweep.point(index).map(Table.Cell.number)
      for t in years {
        for (m, metric) in sweep.metrics.names.enumerated() {
          rows.append(
            settings + [.integer(t), .text(metric)]
              + (0...levels.count).map {
                .number(
                  orEmpty: value(
                    point: index, t: t - years.lowerBound, selected: m, statistic: $0,
                    width: levels.count + 1))
              } + difference(point: index, t: t - years.lowerBound, selected: m))
        }
      }
    }
    return Table(
      title: "\(sweep.scenario.info.name): sweep",
      columns: sweep.axes.map { .number($0.target.path) } + [.year("year"), .text("metric")]
        + (["value"] + levels.map(RunTable.quantileColumn) + ["base_value", "difference"]).map {
          .number($0, unit: .balanceMetric(column: "metric"))
        },
      rows: rows)
  }

  /// The unswept mean and a point's mean minus it, as cells.
  private func difference(point: Int, t: Int, selected: Int) -> [Table.Cell] {
    let mean = value(point: point, t: t, selected: selected, statistic: 0, width: levels.count + 1)
    let base = baseMean(t: t, selected: selected)
    return [.number(orEmpty: base), .number(orEmpty: mean - base)]
  }

  /// The long format (`LongTable`): table `balance`, key `total`, in the metric's unit; first
  /// the unswept scenario (scenario `name`, statistic `mean`), then each point (scenario
  /// `name[target=value,...]`, statistic `mean`, a quantile column, or `difference` from the
  /// unswept mean).
  public var longTable: Table {
    var long = LongTable()
    let years = sweep.scenario.info.projectionYears
    let names = statistics
    for t in years {
      for (m, metric) in sweep.metrics.names.enumerated() {
        long.append(
          scenario: sweep.scenario.info.name, year: t, table: RunTable.balance.rawValue,
          metric: metric, statistic: "mean", value: baseMean(t: t - years.lowerBound, selected: m),
          unit: sweep.metrics.metrics[m].unit)
      }
    }
    for index in points.indices {
      let label = sweep.label(index)
      for t in years {
        for (m, metric) in sweep.metrics.names.enumerated() {
          let unit = sweep.metrics.metrics[m].unit
          for (s, statistic) in names.enumerated() {
            long.append(
              scenario: label, year: t, table: RunTable.balance.rawValue, metric: metric, statistic: statistic,
              value: value(
                point: index, t: t - years.lowerBound, selected: m, statistic: s,
                width: names.count),
              unit: unit)
          }
          let mean = value(
            point: index, t: t - years.lowerBound, selected: m, statistic: 0, width: names.count)
          long.append(
            scenario: label, year: t, table: RunTable.balance.rawValue, metric: metric,
            statistic: "difference", value: mean - baseMean(t: t - years.lowerBound, selected: m),
            unit: unit)
        }
      }
    }
    return long.table(title: "\(sweep.scenario.info.name): sweep")
  }
}
