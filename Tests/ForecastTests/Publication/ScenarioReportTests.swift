import Foundation
import Testing

@testable import Forecast

/// The HTML report: what it holds (title, question, key numbers with intervals, every chart,
/// tables, assumptions, warnings, expectations, backtest, provenance), that it fetches and runs
/// nothing, that its ids are unique, that input text is escaped, and the same bytes twice.
@Suite struct ScenarioReportTests {
  static let report = ScenarioReport(date: ShippedCharts.date)

  static let uncertain = Result {
    try report.html(
      base: ShippedCharts.scenario("china-uncertainty", paths: 200),
      alternatives: [ShippedCharts.scenario("ai-trainer-boom")])
  }

  @Test func holdsEverySection() throws {
    let html = try Self.uncertain.get()
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<h1>China: baseline with its uncertainty, 2,000 Monte Carlo paths</h1>"))
    #expect(html.contains("<strong>Question:</strong> how sure are we"))
    for id in ["numbers", "chart-0", "chart-1", "chart-2", "alternatives", "tornado", "balance", "fan",
               "assumptions", "warnings", "expectations", "backtest", "provenance"] {
      #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
    }
    // Key numbers for 2026, 2030 and 2040, with 90% intervals.
    #expect(html.contains("<th class=\"num\">2026</th><th class=\"num\">2030</th><th class=\"num\">2040</th>"))
    #expect(html.contains("90%: "))
    // Six inline charts (supply, capacity, fan, compare, tornado, backtest), each its own ids.
    #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
    let ids = html.matches(of: #/ id="([^"]+)"/#).map { String($0.1) }
    #expect(Set(ids).count == ids.count, "duplicate ids")
    for reference in html.matches(of: #/url\(#([^)]+)\)/#).map({ String($0.1) }) {
      #expect(ids.contains(reference), "url(#\(reference)) names no element")
    }
    // Assumptions from both files, with their comments; provenance with every digest.
    #expect(html.contains("<h3>") && html.contains("china-baseline.toml</h3>") && html.contains("china-uncertainty.toml</h3>"))
    #expect(html.contains("Xuhui AI Trainer"))
    #expect(html.contains("replaced in"))
    for file in ["births.csv", "enrollment.csv", "graduates.csv", "levels_by_year.csv"] {
      #expect(html.contains(file), "\(file)")
    }
    #expect(html.matches(of: #/SHA-256 [0-9a-f]{64}/#).count == 6)
    #expect(html.contains("<td class=\"pass\">pass</td>"))
    #expect(html.contains("calibrate: the yield of track"))
  }

  /// Nothing fetched, nothing run: no script, no link, no external URL but the SVG namespace.
  @Test func selfContained() throws {
    let html = try Self.uncertain.get()
    #expect(!html.lowercased().contains("<script") && !html.contains("<link") && !html.contains("<img"))
    #expect(!html.contains("@import") && !html.contains("url(http"))
    let urls = Set(html.matches(of: #/https?://[^"' <)]+/#).map { String($0.0) })
    #expect(urls == ["http://www.w3.org/2000/svg"], "\(urls)")
    #expect(html.contains("@page { size: A4") && html.contains("'Noto Sans CJK SC'"))
  }

  /// An alternative that differs from the base in none of its years is reported as such, not
  /// refused because its chart would be flat.
  @Test func anAlternativeEqualToTheBaseIsReported() throws {
    let base = try ShippedCharts.scenario("china-baseline")
    var same = base
    same.info.name = "same"
    let html = try Self.report.html(base: base, alternatives: [same])
    #expect(html.contains("<section id=\"alternatives\">"))
    #expect(html.contains("No chart: no alternative differs from china-baseline in any metric in 2026-2040."))
  }

  @Test func sameBytesTwice() throws {
    let scenario = try ShippedCharts.scenario("china-baseline")
    #expect(try Self.report.html(base: scenario) == Self.report.html(base: scenario))
  }

  /// Text from the scenario cannot open a tag.
  @Test func escapesInputText() throws {
    var scenario = try ShippedCharts.scenario("china-baseline")
    scenario.info.title = "<script>alert(1)</script> & 毕业生"
    let html = try Self.report.html(base: scenario)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 毕业生"))
    #expect(HTML.text("a\u{0}b\u{7}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
  }

  @Test func keyYearsAndIntervals() {
    #expect(ReportSections.keyYears(2026...2040) == [2026, 2030, 2040])
    #expect(ReportSections.keyYears(2026...2028) == [2026, 2028])
    #expect(ReportSections.keyYears(2030...2030) == [2030])
    #expect(ReportNumbers.interval(12_400_000, 12_620_000, share: false) == "12.40–12.62 million")
    #expect(ReportNumbers.interval(900_000, 1_200_000, share: false) == "900.0 thousand – 1.20 million")
    #expect(ReportNumbers.interval(0.011, 0.027, share: true) == "1.10–2.70%")
  }
}
