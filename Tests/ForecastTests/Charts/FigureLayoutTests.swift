import Foundation
import Testing

@testable import Forecast

extension Charts {
  /// The layout: every label inside the view box, no two labels on top of each other, long
  /// text wrapped or truncated, and an example of each chart written out to look at.
  @Suite struct FigureLayoutTests {
    typealias Box = (left: Double, top: Double, right: Double, bottom: Double)

    static func textBoxes(_ figure: Figure) throws -> (
      boxes: [(String, Box)], width: Double, height: Double
    ) {
      let inspector = SVGInspector(figure.svg().xml())
      try #require(inspector.isWellFormed)
      let viewBox = try #require(inspector.viewBox)
      let boxes = try inspector.all("text").map { e in (e.text, try #require(SVGInspector.box(e))) }
      return (boxes, viewBox.width, viewBox.height)
    }

    @Test(arguments: ChartExamples.all.map(\.name))
    func everyLabelInsideTheViewBox(_ name: String) throws {
      let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
      let (boxes, width, height) = try Self.textBoxes(figure)
      for (text, box) in boxes {
        #expect(
          box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height,
          "\(name): '\(text)' at \(box) outside 0 0 \(width) \(height)")
      }
    }

    @Test(arguments: ChartExamples.all.map(\.name))
    func noLabelsOverlap(_ name: String) throws {
      let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
      let (boxes, _, _) = try Self.textBoxes(figure)
      for i in boxes.indices {
        for j in boxes.indices where j > i {
          let (a, b) = (boxes[i].1, boxes[j].1)
          let overlaps =
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5
            && b.top < a.bottom - 0.5
          #expect(!overlaps, "\(name): '\(boxes[i].0)' overlaps '\(boxes[j].0)'")
        }
      }
    }

    /// The crowded figure's title wraps to two lines ending in an ellipsis, its legend to several
    /// rows, and the view box grows to hold them.
    @Test func longTextWrapsAndTruncates() throws {
      let (boxes, width, _) = try Self.textBoxes(ChartExamples.crowded)
      let titleLines = boxes.filter {
        $0.0.hasPrefix("A title") || $0.0.hasPrefix("wrapping") || $0.0.contains("on and on")
      }
      #expect(titleLines.count == 2)
      #expect(titleLines.last?.0.hasSuffix("\u{2026}") == true)
      #expect(width == 800)
    }

    @Test func wrapBreaksAtSpacesAndBetweenCJK() {
      let lines = TextMetrics.wrap(
        "one two three four five six", toWidth: 80, size: 14, maximumLines: 5)
      #expect(lines == ["one two", "three four", "five six"])
      let cjk = TextMetrics.wrap("劳务品牌劳务品牌劳务品牌", toWidth: 56, size: 14, maximumLines: 2)
      #expect(cjk == ["劳务品牌", "劳务品\u{2026}"])
      #expect(TextMetrics.truncate("short", toWidth: 100, size: 14) == "short")
      #expect(TextMetrics.width("劳务", size: 10) == 20)
    }

    /// Truncation in one pass keeps the prefix that measuring each shorter candidate whole
    /// keeps, and a very long title takes linear time (150,000 characters took 100 s before).
    @Test func truncationIsLinearAndUnchanged() {
      func reference(_ text: String, _ maximum: Double, _ size: Double, _ bold: Bool) -> String {
        if TextMetrics.width(text, size: size, bold: bold) <= maximum { return text }
        var kept = Substring(text)
        while true {
          var trimmed = kept
          while trimmed.last == " " { trimmed.removeLast() }
          let candidate = String(trimmed) + "\u{2026}"
          if TextMetrics.width(candidate, size: size, bold: bold) <= maximum { return candidate }
          if kept.isEmpty { return "" }
          kept.removeLast()
        }
      }
      var rng = SeededGenerator(seed: 0x7E47)
      let alphabet = Array("ab  cWi.劳务品牌 -é") + ["e\u{301}"]
      for _ in 0..<2_000 {
        let text = String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        let maximum = Double(rng.next() % 300) / 2
        let bold = rng.next() % 2 == 0
        #expect(TextMetrics.truncate(text, toWidth: maximum, size: 12, bold: bold) == reference(text, maximum, 12, bold), "\(text) \(maximum)")
      }
      let start = Date()
      let long = TextMetrics.truncate(String(repeating: "W", count: 150_000), toWidth: 600, size: 14)
      #expect(long.hasSuffix("\u{2026}") && long.count < 100)
      #expect(Date().timeIntervalSince(start) < 10, "a quadratic truncation takes about 100 s here")
    }

    /// Writes every example to `$FORECAST_CHART_DIR` (or a temporary directory) to look at.
    ///
    /// `chromium --headless --screenshot=fan.png --window-size=900,700 file://.../fan.svg`.
    @Test func writeExamples() throws {
      let directory =
        ProcessInfo.processInfo.environment["FORECAST_CHART_DIR"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("forecast-charts")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for (name, figure) in ChartExamples.all {
        let url = directory.appendingPathComponent("\(name).svg")
        try Data(figure.svg().xml().utf8).write(to: url)
        #expect(FileManager.default.fileExists(atPath: url.path))
      }
    }
  }
}
