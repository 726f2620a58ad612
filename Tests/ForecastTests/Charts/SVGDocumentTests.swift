import Foundation
import Testing

@testable import Forecast

extension Charts {
  /// The SVG writer: fixed number formatting, escaping, well-formed and accessible output, the
  /// same bytes for the same figure.
  @Suite struct SVGDocumentTests {
    @Test(arguments: [
      (0.0, "0"), (-0.0, "0"), (-0.004, "0"), (12.0, "12"), (12.5, "12.5"), (12.345, "12.35"),
      (-3.14159, "-3.14"), (0.05, "0.05"), (100.1, "100.1"), (799.999, "800"), (123_456.789, "123456.79"),
    ])
    func coordinates(_ value: Double, _ text: String) {
      #expect(SVGNumber.format(value) == text)
    }

    @Test func escapesTextAndAttributes() {
      #expect(XMLText.escapeText("a < b & c > d \"q\"") == "a &lt; b &amp; c &gt; d \"q\"")
      #expect(XMLText.escapeAttribute("say \"hi\" & <go>") == "say &quot;hi&quot; &amp; &lt;go&gt;")
      #expect(XMLText.escapeAttribute("two\nlines\tand") == "two&#10;lines&#9;and")
      // C0 and C1 controls and the non-characters U+FFFE and U+FFFF are replaced.
      #expect(
        XMLText.escapeText("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{85}f")
          == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
      // Everything else passes through, CJK and astral characters included.
      #expect(XMLText.escapeText("劳务品牌 𝑥 é") == "劳务品牌 𝑥 é")
    }

    @Test func attributeOrderIsInsertionOrder() {
      var e = SVGElement("rect", ["z": "1", "a": "2"])
      e.set("m", 3.5)
      e.set("z", "4")
      #expect(e.xml() == "<rect z=\"4\" a=\"2\" m=\"3.5\"/>\n")
    }

    @Test func hostileTextGivesWellFormedAccessibleDocument() {
      var figure = ChartExamples.fanChart
      figure.title = "Graduates <script>alert(\"x\")</script> & \u{1}\u{FFFE} ']]>"
      figure.subtitle = "--> <!-- \u{7F} 劳务品牌"
      let xml = figure.svg().xml()
      let inspector = SVGInspector(xml)
      #expect(inspector.isWellFormed, "\(String(describing: inspector.parseError))")
      #expect(!xml.contains("<script"))
      let title = inspector.all("title").first?.text
      #expect(title == "Graduates <script>alert(\"x\")</script> & \u{FFFD}\u{FFFD} ']]>")
    }

    @Test(arguments: ChartExamples.all.map(\.name))
    func wellFormedWithTitleAndDescription(_ name: String) throws {
      let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
      let xml = figure.svg().xml()
      let inspector = SVGInspector(xml)
      #expect(inspector.isWellFormed, "\(String(describing: inspector.parseError))")
      let root = try #require(inspector.elements.first)
      #expect(root.name == "svg")
      #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
      #expect(root.attributes["version"] == "1.1")
      #expect(root.attributes["role"] == "img")
      #expect(root.attributes["aria-labelledby"] == "figure-title figure-desc")
      #expect(root.attributes["font-family"]?.contains("Noto Sans CJK SC") == true)
      // <title> and <desc> are the root's first children, with the ids aria-labelledby names.
      #expect(inspector.elements.dropFirst().first?.name == "title")
      #expect(inspector.elements.dropFirst(2).first?.name == "desc")
      #expect(inspector.all("title").first?.attributes["id"] == "figure-title")
      #expect(inspector.all("title").first?.text == figure.title)
      #expect(inspector.all("desc").first?.attributes["id"] == "figure-desc")
      #expect(!(inspector.all("desc").first?.text.isEmpty ?? true))
      // Text is text, and nothing is fetched from outside the file.
      #expect(!inspector.all("text").isEmpty)
      for banned in ["script", "image", "foreignObject", "style", "use", "a"] {
        #expect(inspector.all(banned).isEmpty, "\(banned) element")
      }
      #expect(!xml.contains("href"))
      #expect(!xml.contains("@font-face"))
    }

    @Test(arguments: ChartExamples.all.map(\.name))
    func sameFigureSameBytes(_ name: String) throws {
      let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
      let first = figure.svg().xml()
      let second = figure.svg().xml()
      #expect(Data(first.utf8) == Data(second.utf8))
      // Coordinates carry at most two decimals and no exponent.
      let numbers = try Regex(#"="(-?\d+\.\d{3,})|\de[+-]?\d"#)
      #expect(first.firstMatch(of: numbers) == nil)
    }
  }
}
