/// The sections of a scenario report that show results: key numbers, charts, tables.
enum ReportSections {
  /// The metrics of the key numbers, in the order a reader asks about them.
  static let keyMetrics: [BalanceMetric] = [.graduates, .newSupply, .capacity, .unplaced, .coverage]

  /// The years of the key numbers: the first projection year, 2030 and the last, those the
  /// projection has, each once.
  static func keyYears(_ years: ClosedRange<Int>) -> [Int] {
    var out: [Int] = []
    for year in [years.lowerBound, 2030, years.upperBound] where years.contains(year) && !out.contains(year) {
      out.append(year)
    }
    return out.sorted()
  }

  /// "Scenario file china-baseline.toml; base year 2025; projected 2026–2040; ...".
  static func runLine(_ projection: Projection, date: String) -> String {
    let info = projection.scenario.info
    let file = projection.scenario.files.first.map(DisplayPath.shown) ?? info.name
    let paths =
      projection.paths > 1
      ? "\(NumberFormat(.grouped).string(Double(projection.paths))) Monte Carlo paths, seed \(info.seed)"
      : "one deterministic path (no intervals)"
    return "Scenario \(info.name) (\(file)); base year \(info.baseYear); projected "
      + "\(projection.years.lowerBound)–\(projection.years.upperBound); \(paths). "
      + "Written \(date) by Forecast \(RunMetadata.toolVersion)."
  }

  /// The question paragraph of a scenario file's opening comment ("Question: ..."), and the
  /// other paragraphs but the first (which restates the title), as HTML: lines starting with
  /// "- " become a list.
  static func question(_ preamble: String) -> (String?, [String]) {
    var paragraphs: [[String]] = []
    var current: [String] = []
    for line in preamble.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        if !current.isEmpty { paragraphs.append(current) }
        current = []
      } else {
        current.append(String(line))
      }
    }
    if !current.isEmpty { paragraphs.append(current) }
    let index = paragraphs.firstIndex { $0.first?.hasPrefix("Question:") == true }
    let question = index.map { paragraphs[$0].joined(separator: " ") }
    let others = paragraphs.indices.dropFirst().filter { $0 != index }.map { html(paragraphs[$0]) }
    return (
      question.map { String($0.dropFirst("Question:".count)).trimmingCharacters(in: .whitespaces) },
      others
    )
  }

  /// A comment paragraph as HTML: running text, then a list where lines start with "- ".
  static func html(_ lines: [String]) -> String {
    var text: [String] = []
    var items: [String] = []
    for line in lines {
      if line.hasPrefix("- ") {
        items.append(String(line.dropFirst(2)))
      } else if !items.isEmpty {
        items[items.count - 1] += " " + line
      } else {
        text.append(line)
      }
    }
    var out = text.isEmpty ? "" : "<p>\(HTML.text(text.joined(separator: " ")))</p>\n"
    if !items.isEmpty {
      out += "<ul>\n" + items.map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    }
    return out
  }

  static func keyNumbers(_ projection: Projection) -> String {
    let years = keyYears(projection.years)
    let hasPaths = projection.paths > 1
    var rows: [[String]] = []
    for metric in keyMetrics {
      var row = ["<strong>\(HTML.text(metric.displayName))</strong><br><span class=\"interval\">\(HTML.text(metric.explanation))</span>"]
      for year in years {
        let values = projection.balanceValues(metric, year: year)
        var cell = HTML.text(ReportNumbers.headline(Quantiles.mean(values), share: metric.isShare))
        if hasPaths {
          let q = Quantiles.type7(values, levels: [0.05, 0.95])
          cell += "<br><span class=\"interval\">90%: "
            + HTML.text(ReportNumbers.interval(q[0], q[1], share: metric.isShare)) + "</span>"
        }
        row.append(cell)
      }
      rows.append(row)
    }
    let note =
      hasPaths
      ? "Means over \(NumberFormat(.grouped).string(Double(projection.paths))) Monte Carlo paths; under each, the 90% interval (5% and 95% quantiles over paths)."
      : "One deterministic path: the scenario draws no uncertainty, so there are no intervals."
    return HTML.table(
      caption: nil, header: ["Metric"] + years.map(String.init), rows: rows,
      numeric: Set(1...years.count), class: "data keynumbers")
      + "<p class=\"note\">\(HTML.text(note)) Persons a year; coverage in percent.</p>\n"
  }

  /// A chart inline, its ids prefixed with `id`, with a caption.
  static func figure(_ chart: Chart, caption: String, id: String) -> String {
    "<figure>\n" + FigureStack(figures: chart.figures).document().inlineXML(idPrefix: id)
      + "<figcaption>\(HTML.text(caption))</figcaption>\n</figure>\n"
  }

  static func alternatives(_ result: ComparisonResult, _ chart: Chart?) -> String {
    let years = keyYears(result.comparison.base.info.projectionYears)
    var rows: [[String]] = []
    for label in result.comparison.labels {
      for metric in keyMetrics {
        var row = [HTML.text(label), HTML.text(metric.displayName)]
        for year in years {
          guard let r = result.rows.first(where: { $0.year == year && $0.metric == metric.rawValue && $0.scenario == label }) else {
            row.append("")
            continue
          }
          var cell = HTML.text((r.difference > 0 ? "+" : "") + ReportNumbers.headline(r.difference, share: metric.isShare))
          if let lo = result.levels.firstIndex(of: 0.05), let hi = result.levels.firstIndex(of: 0.95) {
            cell += "<br><span class=\"interval\">90%: " + HTML.text(
              ReportNumbers.interval(r.differenceQuantiles[lo], r.differenceQuantiles[hi], share: metric.isShare)) + "</span>"
          }
          row.append(cell)
        }
        rows.append(row)
      }
    }
    let span = result.comparison.base.info.projectionYears
    let drawn =
      chart.map { figure($0, caption: "Each alternative minus the base, year by year.", id: "compare-") }
      ?? "<p class=\"note\">No chart: no alternative differs from \(HTML.text(result.comparison.base.info.name)) "
        + "in any metric in \(span.lowerBound)-\(span.upperBound).</p>\n"
    return drawn
      + HTML.table(
        caption: "Difference from \(result.comparison.base.info.name) (alternative minus base)",
        header: ["Alternative", "Metric"] + years.map(String.init), rows: rows,
        numeric: Set(2..<(2 + years.count)))
      + result.comparison.notes.map { "<p class=\"note\">\(HTML.text($0)).</p>\n" }.joined()
  }

  static func balance(_ projection: Projection) -> String {
    let metrics = BalanceMetric.allCases
    let rows = projection.years.map { year in
      [String(year)] + metrics.map { HTML.text(ReportNumbers.cell(projection.balance($0, year: year), share: $0.isShare)) }
    }
    return HTML.table(
      caption: "Per year, persons (coverage in percent)" + (projection.paths > 1 ? "; means over paths" : ""),
      header: ["Year"] + metrics.map(\.displayName), rows: rows, numeric: Set(1...metrics.count))
      + "<p class=\"note\">" + metrics.map { "<strong>\(HTML.text($0.displayName))</strong>: \(HTML.text($0.explanation))" }
      .joined(separator: "; ") + ".</p>\n"
  }

  static func fan(_ projection: Projection) -> String {
    let levels = projection.scenario.info.quantiles
    var out = "<p class=\"note\">Per metric and year, the mean and the quantiles over paths (type 7) at "
      + HTML.text(levels.map { ReportNumbers.headline($0, share: true) }.joined(separator: ", ")) + ".</p>\n"
    var shown: [(String, [[String]])] = []
    for metric in BalanceMetric.allCases {
      let rows = projection.years.map { year -> [String] in
        let values = projection.balanceValues(metric, year: year)
        return [String(year), HTML.text(ReportNumbers.cell(Quantiles.mean(values), share: metric.isShare))]
          + Quantiles.type7(values, levels: levels).map { HTML.text(ReportNumbers.cell($0, share: metric.isShare)) }
      }
      if let first = rows.first, rows.allSatisfy({ Array($0.dropFirst()) == Array(first.dropFirst()) }) {
        out += "<p class=\"note\">\(HTML.text(metric.displayName)): \(first[1]) in every year and path quantile.</p>\n"
        continue
      }
      if let same = shown.first(where: { $0.1 == rows }) {
        out += "<p class=\"note\">\(HTML.text(metric.displayName)): the same as \(HTML.text(same.0)) in every year and quantile.</p>\n"
        continue
      }
      shown.append((metric.displayName, rows))
      out += HTML.table(
        caption: metric.displayName, header: ["Year", "Mean"] + levels.map(RunTable.quantileColumn),
        rows: rows, numeric: Set(1...(levels.count + 1)))
    }
    return out
  }
}
