import Foundation

@testable import Forecast

/// Figures built the way the chart builders will build them, with made-up but plausible
/// numbers: a fan chart, small multiples, a tornado, sensitivity indices, and a crowded
/// figure that tries to break the layout.
enum ChartExamples {
  static let years = Array(2015...2040)
  static let baseYear = 2025

  /// Graduates: observed to the base year, then a projection with widening intervals.
  static func graduates(_ year: Int) -> Double {
    let t = Double(year - 2015)
    return 7.5e6 + 0.42e6 * t - 0.012e6 * t * t + 0.35e6 * sin(t / 2.2)
  }

  static func spread(_ year: Int, _ z: Double) -> Double {
    year <= baseYear ? 0 : z * 0.09e6 * Double(year - baseYear)
  }

  static var fanChart: Figure {
    let xs = years.map(Double.init)
    let projected = years.filter { $0 >= baseYear }
    let px = projected.map(Double.init)
    let blue = ChartPalette.series(0)
    let marks: [Mark] =
      [
        .band(
          BandMark(
            "90% interval", x: px, lower: projected.map { graduates($0) - spread($0, 1.645) },
            upper: projected.map { graduates($0) + spread($0, 1.645) }, color: blue.color,
            opacity: 0.15)),
        .band(
          BandMark(
            "50% interval", x: px, lower: projected.map { graduates($0) - spread($0, 0.674) },
            upper: projected.map { graduates($0) + spread($0, 0.674) }, color: blue.color,
            opacity: 0.3)),
      ]
      + LineMark.observedAndProjected(
        "Graduates (median)", points: zip(xs, years.map(graduates)).map { DataPoint($0, $1) },
        lastObserved: Double(baseYear), style: blue)
      + [
        .points(
          PointMark(
            "Ministry of Education, expected graduates",
            points: [2022, 2023, 2024, 2025].map { DataPoint(Double($0), graduates($0) * 1.01) },
            color: ChartPalette.series(1).color, shape: .diamond)),
        .rule(RuleMark(.vertical(x: Double(baseYear)), label: "base year \(baseYear)")),
      ]
    return Figure(
      title: "Graduates peak at about 11.5 million in the early 2030s, then fall",
      subtitle:
        "New graduates per year, observed to 2025 and projected to 2040, with 50% and 90% intervals",
      source:
        "Ministry of Education; National Bureau of Statistics; Forecast china-baseline scenario (10,000 paths).",
      x: .years(),
      panels: [
        Panel(
          y: .linear(
            title: "Graduates, millions", labelStyle: .scaled(.million, .none),
            includesZero: true),
          marks: marks)
      ])
  }

  static var smallMultiples: Figure {
    let xs = years.map(Double.init)
    let groups = ["Household services", "Construction", "Manufacturing", "Other brands"]
    let panels = groups.enumerated().map { i, name -> Panel in
      let base = [30_000.0, 55_000, 80_000, 210_000][i]
      let points = xs.map {
        DataPoint($0, base * (1 + 0.02 * ($0 - 2015)) + Double(i) * 900 * sin($0))
      }
      let low = xs.map { base * (1 + 0.012 * ($0 - 2015)) }
      return Panel(
        title: name,
        y: .linear(
          title: "Openings, thousands", labelStyle: .scaled(.thousand, .none), includesZero: true),
        marks: [
          .line(LineMark("Baseline", points: points, style: ChartPalette.series(0))),
          .line(
            LineMark(
              "Low demand", points: zip(xs, low).map { DataPoint($0, $1) },
              style: ChartPalette.series(1).dashed())),
          .rule(RuleMark(.vertical(x: 2025), label: "base year")),
        ])
    }
    return Figure(
      title: "Graduate openings by brand group",
      subtitle: "Openings per year new graduates can take, baseline and low-demand scenarios",
      source: "Forecast scenarios china-baseline and china-low-demand.",
      x: .years(), panels: panels, columns: 2)
  }

  static var tornado: Figure {
    let names = [
      "Graduate share, other brands", "Replacement rate, other brands",
      "Postgraduate progression", "Employment growth, construction",
      "劳务品牌 coverage (labour-service brands)", "Completion rate, undergraduate",
    ]
    let base = 12.69e6
    let swings = [
      (-1.9e6, 2.1e6), (-1.1e6, 1.2e6), (-0.6e6, 0.5e6), (-0.3e6, 0.35e6), (-0.2e6, 0.15e6),
      (-0.08e6, 0.1e6),
    ]
    let format = NumberFormat(.scaled(.million, .word), decimals: 1)
    let bars = swings.enumerated().map { i, s in
      BarMark.Bar(
        category: i, from: base + s.0, to: base + s.1, leadingLabel: format.string(base + s.0),
        trailingLabel: format.string(base + s.1))
    }
    return Figure(
      title: "Unplaced graduates in 2030 depend most on the brands outside the named groups",
      subtitle:
        "Unplaced graduates in 2030 with each input at its low and high value, others at baseline",
      source: "Forecast tornado analysis of china-baseline.",
      x: .linear(title: "Unplaced graduates, millions", labelStyle: .scaled(.million, .none)),
      panels: [
        Panel(
          y: .categories(names),
          marks: [
            .bars(BarMark(nil, bars: bars, color: ChartPalette.series(0).color)),
            .rule(RuleMark(.vertical(x: base), label: "baseline 12.7 million")),
          ])
      ])
  }

  static var sensitivity: Figure {
    let names = ["Graduate share", "Replacement rate", "Growth", "Progression", "Completion"]
    let first = [0.52, 0.21, 0.09, 0.05, 0.01]
    let total = [0.61, 0.27, 0.12, 0.07, 0.02]
    func estimates(_ v: [Double], offset: Double) -> [ErrorBarMark.Estimate] {
      v.enumerated().map { i, x in
        ErrorBarMark.Estimate(
          position: Double(i) + offset, value: x, lower: max(0, x - 0.06), upper: x + 0.05)
      }
    }
    return Figure(
      title: "Sobol sensitivity indices of unplaced graduates, 2030",
      subtitle: "First-order and total indices with 95% bootstrap intervals",
      source: "Forecast sensitivity analysis (Saltelli estimator, 8,192 base samples).",
      x: .linear(title: "Share of output variance", labelStyle: .percent, includesZero: true),
      panels: [
        Panel(
          y: .categories(names),
          marks: [
            .errorBars(
              ErrorBarMark(
                "First-order index", estimates: estimates(first, offset: -0.18),
                orientation: .horizontal, color: ChartPalette.series(0).color)),
            .errorBars(
              ErrorBarMark(
                "Total index", estimates: estimates(total, offset: 0.18), orientation: .horizontal,
                color: ChartPalette.series(1).color, shape: .square)),
          ],
          height: Double(names.count) * 40)
      ])
  }

  /// Long text everywhere, CJK, many series, narrow panels, negative values.
  static var crowded: Figure {
    let xs = years.map(Double.init)
    let series = (0..<9).map { i -> Mark in
      .line(
        LineMark(
          "Scenario \(i + 1): \(["baseline", "低需求 low demand", "high growth with later retirement", "劳务品牌 expansion", "shock"][i % 5]) variant",
          points: xs.map { DataPoint($0, Double(i - 4) * 1.3e6 + 0.2e6 * ($0 - 2015)) },
          style: ChartPalette.series(i)))
    }
    let panels = (0..<5).map { p in
      Panel(
        title:
          "Panel \(p + 1): a very long panel title that will not fit in a narrow column of a three-column figure",
        y: .linear(
          title: "Unplaced graduates relative to the baseline scenario, millions of persons",
          labelStyle: .scaled(.million, .word)),
        marks: series + [
          .rule(RuleMark(.vertical(x: 2039), label: "a long base year label 2039")),
          .rule(RuleMark(.horizontal(y: 0), label: "zero")),
        ])
    }
    return Figure(
      title: String(
        repeating: "A title that goes on and on to test wrapping and truncation ", count: 4),
      subtitle: "中国高校毕业生与劳务品牌岗位的对比：这是一个很长的中文副标题，用来检查全角字符的宽度估计和换行是否正确，不会溢出图形的边界",
      source: String(
        repeating: "Ministry of Education & National Bureau of Statistics <yearbooks> ", count: 5),
      x: .years(title: "Year of graduation (June)"), panels: panels, columns: 3)
  }

  /// Wide grouped x labels in narrow columns: ticks must thin out rather than collide.
  static var wideLabels: Figure {
    let panels = (0..<3).map { p in
      Panel(
        title: "Region \(p + 1)", y: .linear(title: "Coverage", labelStyle: .percent),
        marks: [
          .points(
            PointMark(
              "Provinces",
              points: (0..<12).map {
                DataPoint(Double($0) * 1.1e6, 0.015 + 0.0007 * Double(($0 * 7 + p) % 10))
              },
              color: ChartPalette.series(p).color, shape: MarkerShape.allCases[p]))
        ])
    }
    return Figure(
      title: "Coverage against graduates by province", source: "Made-up numbers.",
      x: .linear(title: "Graduates (persons)", labelStyle: .grouped, includesZero: true),
      panels: panels, columns: 3)
  }

  static let all: [(name: String, figure: Figure)] = [
    ("fan", fanChart), ("small-multiples", smallMultiples), ("tornado", tornado),
    ("sensitivity", sensitivity), ("crowded", crowded), ("wide-labels", wideLabels),
  ]
}
