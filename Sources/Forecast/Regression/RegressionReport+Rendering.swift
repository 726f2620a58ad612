import Foundation

extension RegressionReport {
  /// The whole report in a format: a statsmodels-style summary (text), sections of tables
  /// (Markdown), one object (JSON), or the coefficient table (CSV, TSV, as
  /// `delimited(_:as:)` takes another).
  public func rendered(as format: OutputFormat) -> String {
    switch format {
    case .text: return summaryText()
    case .markdown: return summaryMarkdown()
    case .json: return json()
    case .csv, .tsv: return delimited(.coefficients, as: format)
    }
  }


  /// A summary a statsmodels user recognises: model block, coefficient table, diagnostics,
  /// numbered notes; 6 significant digits (CSV and JSON carry full precision).
  func summaryText() -> String {
    let style = Table.TextStyle(significantDigits: 6)
    let r = result
    func number(_ x: Double) -> String { x.isNaN ? "" : style.format(x) }
    let left: [(String, String)] = [
      ("Dep. Variable:", r.responseName),
      ("Model:", r.isWeighted ? "WLS" : "OLS"),
      ("Method:", "Least Squares (QR)"),
      ("Data:", (source as NSString).lastPathComponent),
      ("No. Observations:", "\(r.observationCount)"),
      ("Df Residuals:", "\(r.residualDegreesOfFreedom)"),
      ("Df Model:", "\(r.modelDegreesOfFreedom)"),
      ("Covariance Type:", r.covarianceType.rawValue),
    ]
    let right: [(String, String)] = [
      ("R-squared:", number(r.rSquared)),
      ("Adj. R-squared:", number(r.adjustedRSquared)),
      ("F-statistic:", number(r.fStatistic)),
      ("Prob (F-statistic):", number(r.fPValue)),
      ("Log-Likelihood:", number(r.logLikelihood)),
      ("AIC:", number(r.aic)),
      ("BIC:", number(r.bic)),
      ("Resid. Std. Err.:", number(r.residualStandardError)),
    ]
    let width = 78
    let rule = String(repeating: "=", count: width)
    var lines = [centered("\(r.isWeighted ? "WLS" : "OLS") Regression Results", width), rule]
    lines.append("Formula: \(formula)")
    lines.append(rule)
    for (l, rr) in zip(left, right) {
      lines.append(pair(l, 20, 18) + "   " + pair(rr, 22, 15))
    }
    lines.append(rule)

    var table = coefficientTable
    let (low, high) = intervalLabels
    table.title = nil
    table.columns = ["", "coef", "std err", "t", "P>|t|", low, high].enumerated().map {
      Table.Column(name: $0.element, kind: $0.offset == 0 ? .text : .number)
    }
    lines.append(contentsOf: table.renderedText(style: style).split(separator: "\n").map(String.init))
    lines.append(rule)
    let diagnostics: [(String, String)] = [
      ("Durbin-Watson:", number(r.durbinWatson)), ("Jarque-Bera (JB):", number(r.jarqueBera)),
      ("Prob(JB):", number(r.jarqueBeraPValue)), ("Skew:", number(r.skewness)),
      ("Kurtosis:", number(r.kurtosis)), ("Cond. No.:", number(r.conditionNumber)),
    ]
    for index in stride(from: 0, to: diagnostics.count, by: 2) {
      lines.append(pair(diagnostics[index], 20, 18) + "   " + pair(diagnostics[index + 1], 22, 15))
    }
    lines.append(rule)
    if !predictions.isEmpty {
      var p = predictionTable
      p.title = "Predictions (\(predictionScaleNote)); mean_lower/mean_upper: "
        + "confidence interval of the mean, lower/upper: prediction interval, level \(level)"
      lines.append(contentsOf: p.renderedText(style: style).split(separator: "\n").map(String.init))
      lines.append(rule)
    }
    let all = warnings
    if !all.isEmpty {
      lines.append("Notes:")
      for (i, w) in all.enumerated() { lines.append("[\(i + 1)] \(w)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Predictions are on the scale of the left-hand side as written.
  var predictionScaleNote: String {
    transform == .none
      ? "scale of \(result.responseName)"
      : "scale of \(result.responseName); back-transform with the inverse of \(transform.rawValue)"
  }

  func summaryMarkdown() -> String {
    let style = Table.TextStyle(significantDigits: 6)
    var parts = ["## Regression: `\(formula)`", "", "Data: `\(source)`", ""]
    var statistics = statisticsTable
    statistics.title = nil
    var coefficients = coefficientTable
    coefficients.title = nil
    parts += ["### Coefficients", "", coefficients.renderedMarkdown(style: style)]
    parts += ["### Statistics", "", statistics.renderedMarkdown(style: style)]
    if !predictions.isEmpty {
      var p = predictionTable
      p.title = nil
      parts += [
        "### Predictions", "",
        "On the \(predictionScaleNote). `mean_lower`, `mean_upper`: confidence interval of the "
          + "mean; `lower`, `upper`: prediction interval (level \(level)).", "",
        p.renderedMarkdown(style: style),
      ]
    }
    let all = warnings
    if !all.isEmpty {
      parts += ["### Notes", ""] + all.enumerated().map { "\($0.offset + 1). \($0.element)" } + [""]
    }
    return parts.joined(separator: "\n")
  }

  /// `{"formula", "data", "coefficients": [...], "statistics": {...}, "predictions": [...],
  /// "warnings": [...]}`; aliased estimates and undefined statistics are null.
  func json() -> String {
    let coefficients = coefficientTable.renderedJSON().trimmingCharacters(in: .whitespacesAndNewlines)
    let predictionsJSON = predictionTable.renderedJSON().trimmingCharacters(in: .whitespacesAndNewlines)
    let statisticsJSON = statistics.map { "\(Table.jsonString($0.0)): \(Table.jsonValue($0.1))" }
      .joined(separator: ", ")
    let warningsJSON = warnings.map { Table.jsonString($0.description) }.joined(separator: ", ")
    return """
      {"formula": \(Table.jsonString(formula)), "data": \(Table.jsonString(source)), \
      "response_transform": \(Table.jsonString(transform.rawValue)), \
      "coefficients": \(coefficients), "statistics": {\(statisticsJSON)}, \
      "predictions": \(predictionsJSON), "warnings": [\(warningsJSON)]}

      """
  }
}

private func centered(_ text: String, _ width: Int) -> String {
  let pad = max(0, (width - text.count) / 2)
  return String(repeating: " ", count: pad) + text
}

private func pair(_ item: (String, String), _ labelWidth: Int, _ valueWidth: Int) -> String {
  let label = item.0.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
  let value = item.1.count >= valueWidth
    ? item.1 : String(repeating: " ", count: valueWidth - item.1.count) + item.1
  return label + value
}
