/// The outcome of a `Comparison`: one row per projection year, metric and alternative.
///
///     difference      = mean − base_mean
///     pct_difference  = 100 · difference / base_mean      (empty where base_mean is 0)
///     diff_qXX        = quantile (type 7) over paths p of  x_alt(p) − x_base(p)   (P > 1)
///
/// The means are over paths, summed in path order; the difference is that of the means, so
/// the columns subtract as printed (mathematically it is also the mean of the per-path
/// differences).
public struct ComparisonResult: Sendable {
  /// One alternative's values for a year and metric.
  public struct Row: Sendable, Equatable {
    public let year: Int
    public let metric: String
    /// The alternative's label.
    public let scenario: String
    public let mean: Double
    public let baseMean: Double
    public let difference: Double
    /// In percent; NaN where the base mean is 0 or NaN.
    public let percentDifference: Double
    /// Quantiles of the paired per-path differences at `levels` (none with P = 1).
    public let differenceQuantiles: [Double]
  }

  public let comparison: Comparison
  /// The base's quantile levels with P > 1, none with P = 1.
  public let levels: [Double]
  /// By year, then metric (selection order), then alternative.
  public let rows: [Row]
  /// The runs' warnings, each once (see `WarningDigest`).
  public let warnings: [String]

  init(
    comparison: Comparison, base: PathSeries, alternatives: [PathSeries], warnings: [String]
  ) {
    let info = comparison.base.info
    let levels = info.paths > 1 ? info.quantiles : []
    var rows: [Row] = []
    for t in info.projectionYears {
      for (metric, row) in zip(comparison.metrics.names, comparison.metrics.metrics.map(\.row)) {
        let baseValues = base.years.contains(t) ? base.values(row: row, year: t) : []
        let baseMean = baseValues.isEmpty ? .nan : Quantiles.mean(baseValues)
        for (label, series) in zip(comparison.labels, alternatives) {
          guard series.years.contains(t), !baseValues.isEmpty else {
            rows.append(
              Row(
                year: t, metric: metric, scenario: label, mean: .nan, baseMean: baseMean,
                difference: .nan, percentDifference: .nan,
                differenceQuantiles: levels.map { _ in .nan }))
            continue
          }
          let values = series.values(row: row, year: t)
          let mean = Quantiles.mean(values)
          let difference = mean - baseMean
          let quantiles =
            levels.isEmpty
            ? [] : Quantiles.type7(zip(values, baseValues).map { $0 - $1 }, levels: levels)
          rows.append(
            Row(
              year: t, metric: metric, scenario: label, mean: mean, baseMean: baseMean,
              difference: difference,
              percentDifference: baseMean == 0 || baseMean.isNaN
                ? .nan : 100 * difference / baseMean,
              differenceQuantiles: quantiles))
        }
      }
    }
    self.comparison = comparison
    self.levels = levels
    self.rows = rows
    self.warnings = warnings
  }

  /// The names of the difference quantile columns: `diff_q05`...
  public var quantileColumns: [String] {
    levels.map { "diff_" + RunTable.quantileColumn($0) }
  }

  /// The wide table: one row per year, metric and alternative.
  ///
  /// Columns year, metric, scenario, mean, base_mean, difference, pct_difference, then
  /// `diff_q05`... with P > 1; empty cells for values that do not exist.
  public var table: Table {
    Table(
      title: "\(comparison.base.info.name): compare",
      columns: [.year("year"), .text("metric"), .text("scenario")]
        + ["mean", "base_mean", "difference"].map(Self.metricColumn)
        + [.number("pct_difference", unit: .percent)] + quantileColumns.map(Self.metricColumn),
      rows: rows.map { row in
        [.integer(row.year), .text(row.metric), .text(row.scenario)]
          + ([row.mean, row.baseMean, row.difference, row.percentDifference]
          + row.differenceQuantiles).map(Table.Cell.number(orEmpty:))
      })
  }

  /// A column in the unit of the row's metric.
  private static func metricColumn(_ name: String) -> Table.Column {
    .number(name, unit: .balanceMetric(column: "metric"))
  }

  /// The long format (`LongTable`), table `balance`, key `total`: per year and metric the
  /// base's `mean`, then each alternative's `mean`, `difference`, `pct_difference` (unit
  /// percent) and `diff_q05`... (in the metric's unit).
  public var longTable: Table {
    var long = LongTable()
    let base = comparison.base.info.name
    let perYearAndMetric = comparison.labels.count
    for start in stride(from: 0, to: rows.count, by: max(perYearAndMetric, 1)) {
      let first = rows[start]
      let unit = BalanceMetric(rawValue: first.metric)?.unit
      long.append(
        scenario: base, year: first.year, table: RunTable.balance.rawValue, metric: first.metric,
        statistic: "mean", value: first.baseMean, unit: unit)
      for row in rows[start..<(start + perYearAndMetric)] {
        let values =
          [
            ("mean", row.mean), ("difference", row.difference),
            ("pct_difference", row.percentDifference),
          ]
          + zip(quantileColumns, row.differenceQuantiles).map { ($0, $1) }
        for (statistic, value) in values {
          long.append(
            scenario: row.scenario, year: row.year, table: RunTable.balance.rawValue, metric: row.metric,
            statistic: statistic, value: value, unit: statistic == "pct_difference" ? .percent : unit)
        }
      }
    }
    return long.table(title: "\(base): compare")
  }
}
