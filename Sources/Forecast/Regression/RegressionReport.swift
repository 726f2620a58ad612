import Foundation

/// A fitted regression with what it was fitted on and the predictions asked for: the value
/// `simulate fit` renders (statsmodels' `Summary`, kept apart from the result).
public struct RegressionReport: Sendable {
  public let formula: String
  public let source: String
  public let result: RegressionResult
  public let rowsDroppedForMissing: Int
  public let rowsDroppedForDomain: Int
  /// Notes about the data (rows left out); the fit's own warnings follow them.
  public let notes: [RegressionWarning]
  /// Confidence level of the coefficient and prediction intervals.
  public let level: Double
  /// The left-hand side's outer function; predictions are on the transformed scale.
  public let transform: ResponseTransform
  public let predictionInputs: [FitRequest.PredictionInput]
  public let predictions: [Prediction]

  /// Every note and warning, data notes first.
  public var warnings: [RegressionWarning] { notes + result.warnings }

  /// The report's tables; CSV and TSV hold one of them per file.
  public enum TableName: String, CaseIterable, Sendable {
    case coefficients, statistics, predictions
  }

  /// The table `name`.
  public func table(_ name: TableName) -> Table {
    switch name {
    case .coefficients: return coefficientTable
    case .statistics: return statisticsTable
    case .predictions: return predictionTable
    }
  }

  /// The table `name` as CSV or TSV (`format` .csv or .tsv), non-finite values empty.
  ///
  /// A value that does not exist or is not finite is an empty cell: an aliased term's
  /// estimate, and also an exact fit's t and F (∞), which the text summary shows as `inf`.
  /// Readers of the file then see one kind of missing value, never `inf` or `nan`.
  public func delimited(_ name: TableName, as format: OutputFormat) -> String {
    var chosen = table(name)
    chosen.rows = chosen.rows.map { row in
      row.map { cell in
        if case .number(let value) = cell, !value.isFinite { return .empty }
        return cell
      }
    }
    return chosen.rendered(as: format)
  }

  /// Column names of the interval bounds at this level: "[0.025" and "0.975]".
  var intervalLabels: (String, String) {
    let tail = (1 - level) / 2
    return (String(format: "[%.3g", tail), String(format: "%.3g]", 1 - tail))
  }

  /// The coefficient table: term, estimate, std_error, t, p_value, then the interval bounds
  /// lower and upper at `level` (empty cells for an aliased term).
  public var coefficientTable: Table {
    let intervals = result.confidenceIntervals(level: level)
    let rows: [[Table.Cell]] = result.termNames.indices.map { j in
      [.text(result.termNames[j])]
        + [
          result.estimates[j], result.standardErrors[j], result.tStatistics[j],
          result.pValues[j], intervals[j].lower, intervals[j].upper,
        ].map(Table.Cell.number(orEmpty:))
    }
    return Table(
      title: "coefficients",
      columns: [.init(name: "term", kind: .text)]
        + ["estimate", "std_error", "t", "p_value", "lower", "upper"].map {
          Table.Column(name: $0, kind: .number)
        },
      rows: rows)
  }

  /// Model statistics as (name, value) pairs, in the order of the JSON `statistics` object.
  public var statistics: [(String, Table.Cell)] {
    let r = result
    return [
      ("n", .integer(r.observationCount)),
      ("df_resid", .integer(r.residualDegreesOfFreedom)),
      ("df_model", .integer(r.modelDegreesOfFreedom)),
      ("r_squared", .number(orEmpty: r.rSquared)),
      ("adj_r_squared", .number(orEmpty: r.adjustedRSquared)),
      ("sigma", .number(orEmpty: r.residualStandardError)),
      ("f_statistic", .number(orEmpty: r.fStatistic)),
      ("f_p_value", .number(orEmpty: r.fPValue)),
      ("log_likelihood", .number(orEmpty: r.logLikelihood)),
      ("aic", .number(orEmpty: r.aic)),
      ("bic", .number(orEmpty: r.bic)),
      ("condition_number", .number(orEmpty: r.conditionNumber)),
      ("rss", .number(orEmpty: r.residualSumOfSquares)),
      ("durbin_watson", .number(orEmpty: r.durbinWatson)),
      ("jarque_bera", .number(orEmpty: r.jarqueBera)),
      ("jarque_bera_p_value", .number(orEmpty: r.jarqueBeraPValue)),
      ("skewness", .number(orEmpty: r.skewness)),
      ("kurtosis", .number(orEmpty: r.kurtosis)),
      ("rows_dropped_missing", .integer(rowsDroppedForMissing)),
      ("rows_dropped_domain", .integer(rowsDroppedForDomain)),
      ("covariance_type", .text(r.covarianceType.rawValue)),
      ("level", .number(level)),
    ]
  }

  /// The statistics as a two-column table (statistic, value).
  public var statisticsTable: Table {
    Table(
      title: "statistics",
      columns: [.init(name: "statistic", kind: .text), .init(name: "value", kind: .number)],
      rows: statistics.map { [.text($0.0), $0.1] })
  }

  /// One row per prediction: the given inputs, then mean, std_error, mean_lower, mean_upper
  /// (confidence interval of the mean) and lower, upper (prediction interval).
  public var predictionTable: Table {
    var columns = predictionInputs.map { Table.Column(name: $0.column, kind: .number) }
    columns += ["mean", "std_error", "mean_lower", "mean_upper", "lower", "upper"].map {
      Table.Column(name: $0, kind: .number)
    }
    let rows: [[Table.Cell]] = predictions.indices.map { i in
      let inputs = predictionInputs.map { input in
        Table.Cell.number(input.values.count == 1 ? input.values[0] : input.values[i])
      }
      let p = predictions[i]
      return inputs
        + [p.mean, p.standardError, p.meanLower, p.meanUpper, p.lower, p.upper].map(
          Table.Cell.number(orEmpty:))
    }
    return Table(title: "predictions", columns: columns, rows: rows)
  }
}
