import Foundation

/// The forecasts of a backtest and their accuracy per step and method.
public struct BacktestResult: Sendable {
  public let scenario: String
  public let series: String
  public let metric: String
  /// The central probability of the model's intervals.
  public let level: Double
  public let forecasts: [Backtest.Forecast]
  /// MASE scale per origin.
  public let scales: [Int: Double]
  /// Every origin, in order, with its warnings and status.
  public let origins: [Backtest.Origin]

  public init(
    scenario: String, series: String, metric: String, level: Double,
    forecasts: [Backtest.Forecast], scales: [Int: Double], origins: [Backtest.Origin] = []
  ) {
    self.scenario = scenario
    self.series = series
    self.metric = metric
    self.level = level
    self.forecasts = forecasts
    self.scales = scales
    self.origins = origins
  }

  /// The origins whose fits or calibration were rejected.
  public var rejected: [Backtest.Origin] {
    origins.filter { if case .rejected = $0.status { return true } else { return false } }
  }

  /// The origins whose calibrated yields are implausible.
  public var implausible: [Backtest.Origin] {
    origins.filter { if case .implausible = $0.status { return true } else { return false } }
  }

  /// The first rejected origin's failure, as the error a caller that needs every origin
  /// (a chart of all of them) raises.
  public var firstRejection: BacktestError? {
    for o in origins { if case .rejected(let error) = o.status { return .simulation(origin: o.origin, error) } }
    return nil
  }

  /// Accuracy of one method at one step.
  public struct Accuracy: Sendable, Equatable {
    public let step: Int
    public let method: String
    public let count: Int
    public let mae: Double
    public let rmse: Double
    public let mape: Double
    public let mase: Double
    /// The model's interval coverage (0...1) and mean Winkler score; NaN for the benchmarks
    /// and for a run with one path.
    public var coverage: Double = .nan
    public var winkler: Double = .nan
    /// The model's mean CRPS; NaN for the benchmarks and for a run with one path.
    public var crps: Double = .nan
  }

  /// The Winkler score of interval l...u for observation y at central probability `level`.
  public static func winkler(_ interval: ClosedRange<Double>, _ y: Double, level: Double) -> Double {
    let alpha = 1 - level
    let (l, u) = (interval.lowerBound, interval.upperBound)
    let width = u - l
    if y < l { return width + 2 / alpha * (l - y) }
    if y > u { return width + 2 / alpha * (y - u) }
    return width
  }

  public var accuracy: [Accuracy] {
    let steps = Set(forecasts.map(\.step)).sorted()
    var out: [Accuracy] = []
    for step in steps {
      let rows = forecasts.filter { $0.step == step }
      for (m, method) in Backtest.methods.enumerated() {
        let errors = rows.map { $0.forecasts[m] - $0.actual }
        let n = Double(errors.count)
        let mae = errors.map(abs).reduce(0, +) / n
        let rmse = (errors.map { $0 * $0 }.reduce(0, +) / n).squareRoot()
        let mape = zip(errors, rows).map { abs($0 / $1.actual) }.reduce(0, +) / n * 100
        let mase = zip(errors, rows).map { abs($0) / (scales[$1.origin] ?? .nan) }.reduce(0, +) / n
        var accuracy = Accuracy(
          step: step, method: method, count: errors.count, mae: mae, rmse: rmse, mape: mape,
          mase: mase)
        let intervals = rows.compactMap { row in row.interval.map { ($0, row.actual) } }
        if method == "model", !intervals.isEmpty, intervals.count == rows.count {
          let k = Double(intervals.count)
          accuracy.coverage = Double(intervals.filter { $0.0.contains($0.1) }.count) / k
          accuracy.winkler =
            intervals.map { Self.winkler($0.0, $0.1, level: level) }.reduce(0, +) / k
        }
        let crps = rows.compactMap(\.crps)
        if method == "model", !crps.isEmpty, crps.count == rows.count {
          accuracy.crps = crps.reduce(0, +) / Double(crps.count)
        }
        out.append(accuracy)
      }
    }
    return out
  }

  /// Whether the model's forecasts carry intervals (the run had paths).
  public var hasIntervals: Bool { forecasts.contains { $0.interval != nil } }

  /// step, method, n, mae, rmse, mape, mase; with paths also coverage, winkler and crps
  /// (empty for the benchmarks).
  public var accuracyTable: Table {
    let intervals = hasIntervals
    return Table(
      title: "\(scenario): backtest of \(metric) against \(series)",
      columns: [.integer("step"), .text("method"), .integer("n")]
        + ["mae", "rmse", "mape", "mase"].map(Table.Column.number)
        + (intervals ? ["coverage", "winkler", "crps"].map(Table.Column.number) : []),
      rows: accuracy.map { a in
        [.integer(a.step), .text(a.method), .integer(a.count)]
          + ([a.mae, a.rmse, a.mape, a.mase] + (intervals ? [a.coverage, a.winkler, a.crps] : []))
          .map(Table.Cell.number(orEmpty:))
      })
  }

  /// One method's measures averaged over the steps (each step weighted alike).
  public struct Summary: Sendable, Equatable {
    public let method: String
    public let steps: Int
    /// Forecasts scored, over every step.
    public let count: Int
    public let mae: Double
    public let rmse: Double
    public let mape: Double
    public let mase: Double
    public let coverage: Double
    public let winkler: Double
    public let crps: Double
  }

  /// Per method, the mean over steps of each measure.
  public var summary: [Summary] {
    let all = accuracy
    return Backtest.methods.compactMap { method in
      let rows = all.filter { $0.method == method }
      guard !rows.isEmpty else { return nil }
      func mean(_ value: (Accuracy) -> Double) -> Double {
        rows.map(value).reduce(0, +) / Double(rows.count)
      }
      return Summary(
        method: method, steps: rows.count, count: rows.map(\.count).reduce(0, +),
        mae: mean(\.mae), rmse: mean(\.rmse), mape: mean(\.mape), mase: mean(\.mase),
        coverage: mean(\.coverage), winkler: mean(\.winkler), crps: mean(\.crps))
    }
  }

  /// method, steps, n, then the measures of `accuracyTable`, each the mean over steps.
  public var summaryTable: Table {
    let intervals = hasIntervals
    return Table(
      title: "\(scenario): backtest summary, mean over steps",
      columns: [.text("method"), .integer("steps"), .integer("n")]
        + ["mae", "rmse", "mape", "mase"].map(Table.Column.number)
        + (intervals ? ["coverage", "winkler", "crps"].map(Table.Column.number) : []),
      rows: summary.map { s in
        [.text(s.method), .integer(s.steps), .integer(s.count)]
          + ([s.mae, s.rmse, s.mape, s.mase] + (intervals ? [s.coverage, s.winkler, s.crps] : []))
          .map(Table.Cell.number(orEmpty:))
      })
  }

  /// The tables a backtest writes.
  public enum TableName: String, CaseIterable, Sendable {
    case accuracy, summary, origins, forecasts
  }

  /// One of the backtest's tables; settings in the origins' notes spelled by `names`.
  public func table(_ name: TableName, naming names: SettingNames = .library) -> Table {
    switch name {
    case .accuracy: return accuracyTable
    case .summary: return summaryTable
    case .origins: return originTable(naming: names)
    case .forecasts: return forecastTable
    }
  }

  /// Whether some origin was rejected or gave an implausible calibration.
  public var hasFailedOrigins: Bool { !rejected.isEmpty || !implausible.isEmpty }

  /// origin, status (ok, implausible, rejected) and one note per row: each warning, each
  /// implausible yield, or the rejection; an origin with nothing to say has one empty note.
  public func originTable(naming names: SettingNames = .library) -> Table {
    Table(
      title: "\(scenario): backtest origins",
      columns: [.year("origin"), .text("status"), .text("note")],
      rows: origins.flatMap { o -> [[Table.Cell]] in
        let notes = o.notes(naming: names)
        return (notes.isEmpty ? [""] : notes).map { note -> [Table.Cell] in
          [.integer(o.origin), .text(o.statusName), .text(note)]
        }
      })
  }

  /// origin, year, step, actual and each method's forecast; with paths also the model's
  /// interval (lower, upper).
  public var forecastTable: Table {
    let intervals = hasIntervals
    return Table(
      title: "\(scenario): backtest forecasts",
      columns: [.year("origin"), .year("year"), .integer("step"), .number("actual")]
        + Backtest.methods.map(Table.Column.number)
        + (intervals ? [.number("lower"), .number("upper")] : []),
      rows: forecasts.map { f in
        [.integer(f.origin), .integer(f.origin + f.step), .integer(f.step), .number(f.actual)]
          + (f.forecasts
            + (intervals ? [f.interval?.lowerBound ?? .nan, f.interval?.upperBound ?? .nan] : []))
          .map(Table.Cell.number(orEmpty:))
      })
  }
}
