import Foundation
import Testing

@testable import Forecast

/// Every chart of every shipped scenario, and each shipped scenario's report, rendered in
/// headless Chromium: the page loads with no console message and no network request, each SVG
/// parses as XML, every chart shows its title, axis titles and legend, and no text's box leaves
/// its SVG. china-uncertainty runs 200 of its 2,000 paths here (the same charts, in a tenth of
/// the time); the tornado and backtest run each scenario as shipped otherwise.
@Suite(.enabled(if: Chromium.enabled, Chromium.skipReason), .serialized)
struct BrowserRenderTests {
  /// What the check script reports.
  struct Check: Decodable {
    struct Chart: Decodable {
      let parseError: String?
      let title: String
      let texts: [String]
      let outside: [String]
      let width: Double
    }
    let errors: [String]
    let resources: [String]
    let charts: [Chart]
  }

  /// The check, run in the page after it loaded: errors caught, resources fetched, and per
  /// `svg[role=img]` its title, its texts and the texts whose box leaves the SVG's.
  static let checkScript = """
    <script>
    (function () {
      var out = { errors: window.__forecastErrors || [], charts: [] };
      var sources = window.__forecastSVG || [];
      var holder = document.getElementById('forecast-charts');
      sources.forEach(function (text) {
        var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        var error = doc.querySelector('parsererror');
        var node = document.importNode(doc.documentElement, true);
        node.setAttribute('data-parse-error', error ? error.textContent : '');
        holder.appendChild(node);
      });
      document.querySelectorAll('svg[role=img]').forEach(function (svg) {
        var box = svg.getBoundingClientRect();
        var texts = [], outside = [];
        svg.querySelectorAll('text').forEach(function (t) {
          var b = t.getBoundingClientRect();
          texts.push(t.textContent);
          if (b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1)) {
            outside.push(t.textContent);
          }
        });
        var title = svg.querySelector('title');
        var parseError = svg.getAttribute('data-parse-error');
        out.charts.push({ parseError: parseError ? parseError : null, title: title ? title.textContent : '',
                          texts: texts, outside: outside, width: box.width });
      });
      out.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
      var pre = document.createElement('pre');
      pre.id = 'forecast-check';
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    })();
    </script>
    """

  /// Catches errors from the first moment of the page.
  static let errorHook = """
    <script>window.__forecastErrors = []; window.addEventListener('error', function (e) { window.__forecastErrors.push(String(e.message)); });</script>
    """

  /// Loads `html` (written to a temporary file) and returns the check's report.
  static func check(_ html: String, name: String) throws -> (Check, Chromium.Run) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("\(name).html")
    try html.write(to: page, atomically: true, encoding: .utf8)
    let run = try Chromium.run(["--dump-dom"], page: page)
    let marker = #/<pre id="forecast-check">(.*?)</pre>/#.dotMatchesNewlines()
    let match = try #require(run.stdout.firstMatch(of: marker), "\(name): no check output; log: \(run.log.suffix(2000))")
    let json = String(match.1).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    return (try JSONDecoder().decode(Check.self, from: Data(json.utf8)), run)
  }

  /// The page's own failures: console messages, uncaught errors, requests.
  static func expectClean(_ check: Check, _ run: Chromium.Run, _ name: String) {
    #expect(Chromium.consoleMessages(run.log).isEmpty, "\(name): \(Chromium.consoleMessages(run.log))")
    #expect(check.errors.isEmpty, "\(name): \(check.errors)")
    #expect(check.resources.isEmpty, "\(name): requested \(check.resources)")
  }

  /// Checks one drawn chart against its figures: parsed, titled, labelled, inside.
  static func expectComplete(_ chart: Check.Chart, _ figures: [Figure], _ name: String) {
    #expect(chart.parseError == nil, "\(name): \(chart.parseError ?? "")")
    #expect(chart.width > 100, "\(name): not laid out")
    #expect(chart.outside.isEmpty, "\(name): text outside the SVG: \(chart.outside)")
    for figure in figures {
      #expect(chart.title.contains(figure.title), "\(name): title")
      #expect(chart.texts.contains { figure.title.hasPrefix($0.replacingOccurrences(of: "\u{2026}", with: "")) }, "\(name): title not drawn")
      var axisTitles = figure.panels.compactMap(\.y.title)
      if let x = figure.x.title { axisTitles.append(x) }
      for title in axisTitles { #expect(chart.texts.contains(title), "\(name): axis title \(title)") }
      for entry in figure.legendEntries {
        #expect(chart.texts.contains { entry.label.hasPrefix($0.replacingOccurrences(of: "\u{2026}", with: "")) }, "\(name): legend \(entry.label)")
      }
    }
  }

  static let scenarioNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: ShippedCharts.folder.path)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }()

  static func shipped(_ name: String) throws -> Scenario {
    try ShippedCharts.scenario(name, paths: name == "china-uncertainty" ? 200 : nil)
  }

  /// Every chart of every shipped scenario on one page (one browser start).
  @Test func everyChartOfEveryShippedScenario() throws {
    var charts: [(String, Chart)] = []
    for name in Self.scenarioNames {
      let scenario = try Self.shipped(name)
      let projection = try Simulation(scenario: scenario).run()
      for kind in [ChartKind.supply, .capacity, .fan] {
        charts.append(("\(name) \(kind.rawValue)", try ShippedCharts.request(kind).draw(projection)))
      }
      charts.append(("\(name) tornado", try ShippedCharts.request(.tornado).chart(base: scenario)))
      charts.append(("\(name) backtest", try ShippedCharts.request(.backtest).chart(base: scenario)))
    }
    let others = try Self.scenarioNames.filter { $0 != "china-baseline" && $0 != "china-uncertainty" }.map(Self.shipped)
    charts.append(
      ("compare", try ShippedCharts.request(.compare).chart(base: Self.shipped("china-uncertainty"), alternatives: others)))
    let sources = charts.map { Table.jsonString($0.1.svg()) }.joined(separator: ",\n")
    let page = """
      <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(Self.errorHook)
      <style>body { margin: 0; } #forecast-charts svg { display: block; width: 800px; height: auto; }</style></head>
      <body><div id="forecast-charts"></div>
      <script>window.__forecastSVG = [\(sources)];</script>
      \(Self.checkScript)
      </body></html>
      """
    let (check, run) = try Self.check(page, name: "charts")
    Self.expectClean(check, run, "charts")
    try #require(check.charts.count == charts.count, "\(check.charts.count) charts drawn of \(charts.count)")
    for ((name, chart), drawn) in zip(charts, check.charts) {
      Self.expectComplete(drawn, chart.figures, name)
    }
  }

  /// The check itself sees what it looks for: a console message, a request, a text outside its
  /// SVG and an SVG that does not parse.
  @Test func theCheckSeesFailures() throws {
    let outside = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="200" height="100" viewBox="0 0 200 100"><title>t</title><text x="190" y="50" font-size="14">far too long a label</text></svg>"#
    let page = """
      <!DOCTYPE html><html><head>\(Self.errorHook)</head><body><div id="forecast-charts"></div>
      <link rel="stylesheet" href="http://127.0.0.1:9/style.css">
      <script>console.log("noise"); window.__forecastSVG = [\(Table.jsonString(outside)), "<svg role='img'><text>unclosed</svg>"];</script>
      \(Self.checkScript)
      </body></html>
      """
    let (check, run) = try Self.check(page, name: "failing")
    #expect(!Chromium.consoleMessages(run.log).isEmpty)
    #expect(check.resources.contains { $0.hasSuffix("/style.css") }, "\(check.resources)")
    #expect(check.charts.first?.outside == ["far too long a label"])
    #expect(check.charts.count == 2 && check.charts[1].parseError != nil)
  }

  /// Each shipped scenario's report, as written, with the check added to a copy: no console
  /// message, no request, every chart complete; and the baseline's prints to a PDF.
  @Test(arguments: scenarioNames)
  func report(_ name: String) throws {
    let scenario = try Self.shipped(name)
    let html = try ScenarioReport(date: ShippedCharts.date).html(base: scenario)
    let checked = html.replacingOccurrences(of: "<head>\n", with: "<head>\n" + Self.errorHook + "\n")
      .replacingOccurrences(of: "</body>", with: Self.checkScript + "\n</body>")
    let (check, run) = try Self.check(checked, name: name)
    Self.expectClean(check, run, name)
    #expect(check.charts.count >= 5, "\(name): \(check.charts.count) charts")
    for (k, chart) in check.charts.enumerated() {
      #expect(chart.parseError == nil && chart.outside.isEmpty && chart.width > 100, "\(name) chart \(k): \(chart.outside)")
      #expect(!chart.title.isEmpty)
    }
    guard name == "china-baseline" else { return }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-pdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    try html.write(to: page, atomically: true, encoding: .utf8)
    let pdf = folder.appendingPathComponent("report.pdf")
    let printed = try Chromium.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], page: page)
    #expect(Chromium.consoleMessages(printed.log).isEmpty)
    let bytes = try Data(contentsOf: pdf)
    #expect(bytes.starts(with: Array("%PDF".utf8)))
    // A4 pages: 595 × 842 points.
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"), "not A4")
  }
}
