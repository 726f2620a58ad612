import Testing

@testable import Forecast

extension Charts {
  /// Scales and marks: the mapping, gaps at missing values, observed and projected pieces, and
  /// coordinates and labels at extreme values.
  @Suite struct MarkTests {
    @Test func linearScaleMapsAndInverts() {
      let y = LinearScale(domain: 0...14e6, range: (400, 100))
      #expect(y(0) == 400)
      #expect(y(14e6) == 100)
      #expect(y(7e6) == 250)
      #expect(y.invert(250) == 7e6)
      // A domain of zero width maps to the middle of the range.
      #expect(LinearScale(domain: 5...5, range: (0, 100))(5) == 50)
    }

    @Test func lineBreaksAtMissingValues() {
      let line = LineMark(
        nil, points: [DataPoint(1, 1), DataPoint(2, .nan), DataPoint(3, 3), DataPoint(4, 4)],
        style: ChartPalette.series(0))
      #expect(line.pieces == [[DataPoint(1, 1)], [DataPoint(3, 3), DataPoint(4, 4)]])
      let band = BandMark(
        nil, x: [1, 2, 3, 4], lower: [0, 0, .infinity, 0], upper: [1, 1, 1, 1], color: "#000000")
      #expect(band.pieces == [0..<2, 3..<4])
    }

    @Test func observedAndProjectedMeetAtTheBaseYear() {
      let points = (2020...2030).map { DataPoint(Double($0), Double($0 - 2020)) }
      let marks = LineMark.observedAndProjected(
        "Graduates", points: points, lastObserved: 2025, style: ChartPalette.series(0))
      guard marks.count == 2, case .line(let observed) = marks[0],
        case .line(let projected) = marks[1]
      else {
        Issue.record("expected two lines, got \(marks)")
        return
      }
      #expect(observed.points.map(\.x) == [2020, 2021, 2022, 2023, 2024, 2025])
      #expect(projected.points.map(\.x) == [2025, 2026, 2027, 2028, 2029, 2030])
      #expect(observed.style.dash == .solid && projected.style.dash == .dashed)
      // One legend entry for the pair.
      #expect(observed.label == "Graduates" && projected.label == nil)
    }

    @Test func extremeValuesStayWritable() {
      // Data far outside a fixed domain is clamped, not trapped on.
      #expect(SVGNumber.format(3e15) == "10000000")
      #expect(SVGNumber.format(-3e15) == "-10000000")
      #expect(NumberFormat(.grouped).string(1e20) == "100,000,000,000,000,000,000")
      #expect(NumberFormat(.grouped).string(-2e19) == "\u{2212}20,000,000,000,000,000,000")
      // A span too small to tell apart is treated as a single value.
      let ticks = NiceTicks(covering: 1e17...(1e17 + 1), targetCount: 6)
      #expect(ticks.values.count < 10 && Set(ticks.values).count == ticks.values.count)
    }

    @Test func paletteSeriesDiffer() {
      let styles = (0..<14).map(ChartPalette.series)
      #expect(Set(styles).count == 14)
      #expect(!ChartPalette.colors.contains("#F0E442"))
    }

    @Test func figureWithFixedDomainClipsData() {
      let figure = Figure(
        title: "Clipped", x: .years(domain: 2020...2025),
        panels: [
          Panel(
            y: .linear(domain: 0...1),
            marks: [
              .line(
                LineMark(
                  nil, points: [DataPoint(2019, 5e30), DataPoint(2026, -1)],
                  style: ChartPalette.series(0)))
            ])
        ])
      let inspector = SVGInspector(figure.svg().xml())
      #expect(inspector.isWellFormed)
      #expect(inspector.all("clipPath").count == 1)
    }
  }
}

extension Charts.MarkTests {
  /// The usage example of docs/charts.md, as written there.
  @Test func documentedExample() {
    let years = (2020...2030).map(Double.init)
    let medians = years.map { DataPoint($0, 12e6 + 0.3e6 * ($0 - 2020)) }
    let q05 = medians.map { $0.y - 1e6 }
    let q95 = medians.map { $0.y + 1e6 }
    let blue = ChartPalette.series(0)
    let figure = Figure(
      title: "Graduates peak in 2037", subtitle: "New graduates per year, with 90% interval",
      source: "MOE; NBS; Forecast china-baseline", x: .years(),
      panels: [
        Panel(
          y: .linear(
            title: "Graduates, millions", labelStyle: .scaled(.million, .none),
            includesZero: true),
          marks: [
            .band(
              BandMark(
                "90% interval", x: years, lower: q05, upper: q95,
                color: blue.color, opacity: 0.15))
          ]
            + LineMark.observedAndProjected(
              "Graduates", points: medians, lastObserved: 2025,
              style: blue)
            + [.rule(RuleMark(.vertical(x: 2025), label: "base year 2025"))])
      ])
    let svg: String = figure.svg().xml()
    #expect(SVGInspector(svg).isWellFormed)
    #expect(svg.contains(">base year 2025</text>"))
    #expect(svg.contains(">Graduates, millions</text>"))
  }
}
