/// The indices of a global sensitivity analysis, per projection year and metric.
///
/// One table in tidy form, safe to pivot: a row per year, metric, index and input (a pair of
/// inputs for S2), with the estimate and its bootstrap interval as half-width (SALib's
/// `*_conf`) and percentile bounds. Sobol rows are S1, ST and, on request, S2; Morris rows are
/// mu_star (with its interval), mu and sigma. An index that is undefined (a metric that does
/// not vary with the inputs in a year, V = 0, or a run whose metric is not finite) has empty
/// cells, and a warning says so.
public struct SensitivityResult: Sendable {
  /// The indices of one year and metric: Sobol's or Morris's, nil when undefined.
  public struct Cell: Sendable {
    public let year: Int
    public let metric: BalanceMetric
    public let sobol: SobolIndices?
    public let morris: MorrisIndices?
  }

  public let analysis: GlobalSensitivity
  /// Each run's outputs, by year then metric in the selection's order.
  let outputs: [[Double]]
  /// By year, then metric in the selection's order.
  public let cells: [Cell]
  /// The runs' warnings, each once, and a note per metric whose indices are undefined.
  public let warnings: [String]

  /// The columns of the table, in order.
  public static let columns: [Table.Column] =
    [.year("year"), .text("metric"), .text("index"), .text("input"), .text("other")]
    + ["estimate", "conf", "low", "high"].map(Table.Column.number)

  /// Analyses `outputs[run][year × metric]` of every design point.
  init(analysis: GlobalSensitivity, outputs: [[Double]], warnings: [String]) {
    let metrics = analysis.metrics.metrics
    let years = Array(analysis.years)
    let count = years.count * metrics.count
    // The bootstrap's rows are the same for every year and metric: drawn once.
    var resamples: [[Int]] = []
    if case .saltelli(let design) = analysis.design { resamples = design.analysis().resampleRows() }
    let results = ConcurrentJobs.run(count: count) { [resamples] cell -> (Cell, String?) in
      let year = years[cell / metrics.count]
      let metric = metrics[cell % metrics.count]
      let column = outputs.map { $0[cell] }
      do {
        switch analysis.design {
        case .saltelli(let design):
          let indices = try design.analysis().indices(outputs: column, resamples: resamples)
          return (
            Cell(year: year, metric: metric, sobol: indices, morris: nil),
            indices == nil ? "does not vary with the inputs" : nil
          )
        case .morris(let design):
          let indices = try design.analysis().indices(outputs: column)
          return (Cell(year: year, metric: metric, sobol: nil, morris: indices), nil)
        }
      } catch {
        return (Cell(year: year, metric: metric, sobol: nil, morris: nil), "\(error)")
      }
    }
    var cells: [Cell] = []
    var undefined: [(metric: BalanceMetric, reason: String, years: [Int])] = []
    for case .success(let (cell, reason)) in results {
      cells.append(cell)
      guard let reason else { continue }
      if let i = undefined.firstIndex(where: { $0.metric == cell.metric && $0.reason == reason }) {
        undefined[i].years.append(cell.year)
      } else {
        undefined.append((cell.metric, reason, [cell.year]))
      }
    }
    self.analysis = analysis
    self.outputs = outputs
    self.cells = cells
    self.warnings =
      warnings
      + undefined.map { entry in
        "\(entry.metric.rawValue) in \(Self.years(entry.years)): \(entry.reason); "
          + "its indices are empty"
      }
  }

  /// A metric's value in `year` in every run, in design order (to analyse it elsewhere).
  public func outputs(year: Int, metric: BalanceMetric) -> [Double] {
    guard let m = analysis.metrics.metrics.firstIndex(of: metric),
      analysis.years.contains(year)
    else { preconditionFailure("SensitivityResult: \(metric.rawValue) in \(year) not analysed") }
    let cell = (year - analysis.years.lowerBound) * analysis.metrics.metrics.count + m
    return outputs.map { $0[cell] }
  }

  /// `2026` or `2026-2040` for consecutive years, else a comma list.
  static func years(_ years: [Int]) -> String {
    guard let first = years.first, let last = years.last else { return "" }
    if years.count == 1 { return "\(first)" }
    return last - first == years.count - 1
      ? "\(first)-\(last)" : years.map(String.init).joined(separator: ", ")
  }

  /// One row of the table before it becomes cells.
  struct Row {
    let year: Int
    let metric: String
    let index: String
    let input: String
    let other: String?
    let estimate: Double
    let interval: BootstrapInterval?
  }

  /// Every index, in year, metric, index and input order.
  var rows: [Row] {
    let names = analysis.inputs.map(\.name)
    var rows: [Row] = []
    for cell in cells {
      let metric = cell.metric.rawValue
      func row(_ index: String, _ j: Int, _ k: Int? = nil, _ value: Double, _ ci: BootstrapInterval?)
        -> Row
      {
        Row(
          year: cell.year, metric: metric, index: index, input: names[j],
          other: k.map { names[$0] }, estimate: value, interval: ci)
      }
      switch analysis.method {
      case .sobol(_, let secondOrder):
        if let s = cell.sobol {
          rows += s.firstOrder.enumerated().map { row("S1", $0, nil, $1.estimate, $1.interval) }
          rows += s.totalOrder.enumerated().map { row("ST", $0, nil, $1.estimate, $1.interval) }
          rows += s.secondOrder.map {
            row("S2", $0.first, $0.second, $0.index.estimate, $0.index.interval)
          }
        } else {
          for index in ["S1", "ST"] {
            rows += names.indices.map { row(index, $0, nil, .nan, nil) }
          }
          if secondOrder {
            for j in names.indices {
              rows += ((j + 1)..<names.count).map { row("S2", j, $0, .nan, nil) }
            }
          }
        }
      case .morris:
        let m = cell.morris
        rows += names.indices.map {
          row("mu_star", $0, nil, m?.absoluteMean[$0] ?? .nan, m?.absoluteMeanInterval[$0])
        }
        rows += names.indices.map { row("mu", $0, nil, m?.mean[$0] ?? .nan, nil) }
        rows += names.indices.map { row("sigma", $0, nil, m?.standardDeviation[$0] ?? .nan, nil) }
      }
    }
    return rows
  }

  private var title: String {
    let a = analysis
    let design: String
    switch a.method {
    case .sobol(let n, _): design = "Sobol indices, N = \(n)"
    case .morris(let r, let p): design = "Morris screening, r = \(r), p = \(p)"
    }
    return "\(a.scenario.info.name): \(design), \(a.runCount) runs over "
      + "\(a.inputs.count) uncertain inputs"
  }

  /// Columns year, metric, index, input, other, estimate, conf, low, high.
  public var table: Table {
    Table(
      title: title, columns: Self.columns,
      rows: rows.map { row in
        [
          .integer(row.year), .text(row.metric), .text(row.index), .text(row.input),
          row.other.map(Table.Cell.text) ?? .empty,
        ]
          + [row.estimate, row.interval?.halfWidth, row.interval?.lower, row.interval?.upper]
          .map { Table.Cell.number(orEmpty: $0 ?? .nan) }
      })
  }

  /// The long format (`LongTable`): table `sensitivity`, key the input (`a & b` for S2),
  /// statistic the index (`S1`) and its interval (`S1_conf`, `S1_low`, `S1_high`); unit ratio
  /// for Sobol indices, the metric's for Morris effects.
  public var longTable: Table {
    var long = LongTable()
    let scenario = analysis.scenario.info.name
    for row in rows {
      let key = row.other.map { "\(row.input) & \($0)" } ?? row.input
      var values = [(row.index, row.estimate)]
      if row.interval != nil || row.index != "mu" && row.index != "sigma" {
        values += [
          (row.index + "_conf", row.interval?.halfWidth ?? .nan),
          (row.index + "_low", row.interval?.lower ?? .nan),
          (row.index + "_high", row.interval?.upper ?? .nan),
        ]
      }
      // Sobol indices are shares of variance; Morris effects are in the metric's unit.
      let unit: Unit? = row.index.hasPrefix("S") ? .ratio : BalanceMetric(rawValue: row.metric)?.unit
      for (statistic, value) in values {
        long.append(
          scenario: scenario, year: row.year, table: "sensitivity", key: key, metric: row.metric,
          statistic: statistic, value: value, unit: unit)
      }
    }
    return long.table(title: title)
  }
}
