/// The sections of a scenario report that show where the numbers come from: assumptions,
/// warnings, expectations, backtest and provenance.
extension ReportSections {
  /// Every key each scenario file sets, its value and the comment the file gives it: the
  /// scenario file first, then the files it extends; a key a nearer file sets again is marked.
  static func assumptions(
    _ annotations: (files: [ScenarioAnnotations], changed: [String]), scenario: Scenario
  ) -> String {
    var out = "<p class=\"note\">Every value the scenario files set, as written, with the comment "
      + "beside, under or above it in the file (its source or the reason for the assumption). "
      + "A file that extends another replaces the keys it sets again.</p>\n"
    var seen: [String: String] = [:]
    for file in annotations.files {
      let name = DisplayPath.shown(file.file)
      var rows: [[String]] = []
      for entry in file.entries {
        if entry.key.isEmpty {
          guard !entry.comment.isEmpty || !file.entries.contains(where: { $0.table == entry.table && !$0.key.isEmpty }) else {
            rows.append(["<strong>[\(HTML.text(entry.table))]</strong>", "", ""])
            continue
          }
          rows.append(["<strong>[\(HTML.text(entry.table))]</strong>", "", HTML.text(entry.comment)])
          continue
        }
        // An element of an array of tables without a name is new in each file, never replaced.
        let named = !isPositional(entry.table)
        var value = "<code>\(HTML.text(entry.value))</code>"
        if named, let nearer = seen[entry.path] {
          value += "<br><span class=\"interval\">replaced in \(HTML.text(nearer))</span>"
        }
        rows.append([HTML.text(entry.key), value, HTML.text(entry.comment)])
        if named, seen[entry.path] == nil { seen[entry.path] = name }
      }
      out += "<h3>\(HTML.text(name))</h3>\n"
      out += HTML.table(caption: nil, header: ["Setting", "Value", "Source or note"], rows: rows, class: "data assumptions")
    }
    for path in annotations.changed {
      out += "<p class=\"note\">\(HTML.text(DisplayPath.shown(path))) changed or could not be read "
        + "again after the run, so its values and comments are not shown here (its digest in the "
        + "provenance is that of the file the run read).</p>\n"
    }
    if annotations.files.isEmpty && annotations.changed.isEmpty {
      out += "<p class=\"note\">The scenario was built in code, not read from a file: no comments to show.</p>\n"
    }
    return out
  }

  /// Whether `table` is an unnamed element of an array of tables: `shocks[0]`.
  static func isPositional(_ table: String) -> Bool {
    guard table.hasSuffix("]"), let open = table.lastIndex(of: "[") else { return false }
    let inside = table[table.index(after: open)..<table.index(before: table.endIndex)]
    return !inside.isEmpty && inside.allSatisfy(\.isNumber)
  }

  static func warnings(_ warnings: [String]) -> String {
    guard !warnings.isEmpty else { return "<p>The run gave no warnings.</p>\n" }
    return "<p class=\"note\">What the run reported for the analyst to know (calibration, rates "
      + "outside their domains, clamping).</p>\n<ul class=\"warnings\">\n"
      + warnings.map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
  }

  static func expectations(_ results: [ExpectationResult]) -> String {
    guard !results.isEmpty else { return "<p>The scenario states no expectations.</p>\n" }
    let rows = results.map { r -> [String] in
      let e = r.expectation
      let share = e.column == BalanceMetric.coverage.rawValue
      let cell = [e.table.rawValue, e.key ?? "", e.column].filter { !$0.isEmpty }.joined(separator: " / ")
      return [
        HTML.text(cell), e.year.map(String.init) ?? "",
        HTML.text(ReportNumbers.cell(e.value, share: share)),
        HTML.text(ReportNumbers.cell(r.actual, share: share)),
        "± " + HTML.text(ReportNumbers.cell(r.tolerance, share: share)),
        r.passed ? "pass" : "fail",
      ]
    }
    let passed = results.filter(\.passed).count
    return HTML.table(
      caption: "\(passed) of \(results.count) pass: |actual − expected| ≤ tolerance",
      header: ["Cell", "Year", "Expected", "Actual", "Tolerance", "Result"], rows: rows,
      numeric: [2, 3, 4]
    ).replacingOccurrences(of: "<td>pass</td>", with: "<td class=\"pass\">pass</td>")
      .replacingOccurrences(of: "<td>fail</td>", with: "<td class=\"fail\">fail</td>")
  }

  static func backtest(_ backtest: Result<(BacktestResult, Chart), FigureError>) -> String {
    switch backtest {
    case .failure(let error):
      return "<p class=\"note\">No backtest: \(HTML.text(error.description)).</p>\n"
    case .success(let (result, chart)):
      let rows = result.accuracy.map { a -> [String] in
        [String(a.step), HTML.text(BacktestFigure.methodName(a.method)), String(a.count),
         HTML.text(ReportNumbers.persons(a.mae)), HTML.text(NumberFormat(.grouped, decimals: 2).string(a.mape) + "%"),
         HTML.text(NumberFormat(.grouped, decimals: 2).string(a.mase))]
          + (result.hasIntervals
            ? [a.coverage.isNaN ? "" : HTML.text(ReportNumbers.headline(a.coverage, share: true))] : [])
      }
      let origins = Set(result.forecasts.map(\.origin)).sorted()
      return figure(chart, caption: "The model's forecasts from past base years against what was observed.", id: "backtest-")
        + HTML.table(
          caption: "Accuracy by years ahead, \(result.metric) against the series \(result.series), origins "
            + origins.map(String.init).joined(separator: ", "),
          header: ["Step", "Method", "n", "MAE (persons)", "MAPE", "MASE"]
            + (result.hasIntervals ? ["Coverage of the \(BacktestFigure.percent(result.level)) interval"] : []),
          rows: rows, numeric: Set(2...(result.hasIntervals ? 6 : 5)))
        + "<p class=\"note\">n is the number of forecasts scored at each step: a handful of "
        + "forecasts is a sanity check, not evidence. MASE below 1 beats a naive one-year forecast.</p>\n"
    }
  }

  static func provenance(_ metadata: RunMetadata, date: String) -> String {
    var rows: [[String]] = [
      ["Scenario", HTML.text(metadata.scenario)],
      ["Tool", HTML.text("Forecast \(metadata.toolVersion)")],
      ["Paths, seed", HTML.text("\(metadata.paths), \(metadata.seed)")],
      ["Years", HTML.text("base year \(metadata.baseYear), horizon \(metadata.horizon)")],
      ["BLAS", HTML.text("\(metadata.blas.library) \(metadata.blas.configuration) (kernel \(metadata.blas.kernel), \(metadata.blas.threads) threads)")],
      ["Written", HTML.text(date)],
    ]
    for file in metadata.scenarioFiles {
      rows.append(["Scenario file " + HTML.text(DisplayPath.shown(file.path)), "<code>SHA-256 \(HTML.text(file.sha256))</code>"])
    }
    for file in metadata.dataFiles {
      rows.append(["Data file " + HTML.text(DisplayPath.shown(file.path)), "<code>SHA-256 \(HTML.text(file.sha256))</code>"])
    }
    return "<p class=\"note\">The inputs of every number on this page: the same files (same "
      + "digests), seed and paths give the same numbers.</p>\n"
      + HTML.table(caption: nil, header: ["What", "Value"], rows: rows, class: "data provenance")
  }
}
