import Foundation

/// The years a chart shows, as written (`2030`, `2020-2040`), and figures cut to them.
public struct YearWindow: Sendable, Equatable {
  public var years: ClosedRange<Int>

  public init(_ years: ClosedRange<Int>) { self.years = years }

  /// Parses `A-B`, `A..B`, `A...B` or one year.
  /// - Throws: `FigureError.yearsSyntax`.
  public init(parsing text: String) throws(FigureError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let year = Int(trimmed) {
      years = year...year
      return
    }
    let unified = trimmed.replacingOccurrences(of: "...", with: "-")
      .replacingOccurrences(of: "..", with: "-").replacingOccurrences(of: "–", with: "-")
    let parts = unified.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
      let last = Int(parts[1].trimmingCharacters(in: .whitespaces)), first <= last
    else { throw .yearsSyntax(text) }
    years = first...last
  }

  /// `figure` with every mark placed by year cut to the window, and its x axis fixed to it.
  /// - Throws: `FigureError.yearsOutside` when no year of the figure is in the window.
  func apply(to figure: Figure) throws(FigureError) -> Figure {
    let xs = figure.panels.flatMap { $0.marks.flatMap(\.xValues) }.filter(\.isFinite)
    guard let low = xs.min(), let high = xs.max() else { return figure }
    guard Double(years.upperBound) >= low, Double(years.lowerBound) <= high else {
      throw .yearsOutside(years, valid: Int(low)...Int(high))
    }
    let shown = max(years.lowerBound, Int(low.rounded(.up)))...min(
      years.upperBound, Int(high.rounded(.down)))
    let range = Double(shown.lowerBound)...Double(shown.upperBound)
    var cut = figure
    cut.x.domain = range
    cut.panels = figure.panels.map { panel in
      var p = panel
      p.marks = panel.marks.compactMap { Self.cut($0, to: range) }
      return p
    }
    return cut
  }

  static func cut(_ mark: Mark, to range: ClosedRange<Double>) -> Mark? {
    switch mark {
    case .line(var m):
      m.points = m.points.filter { range.contains($0.x) }
      return m.points.isEmpty ? nil : .line(m)
    case .band(var m):
      let keep = m.x.indices.filter { range.contains(m.x[$0]) }
      m.x = keep.map { m.x[$0] }
      m.lower = keep.map { m.lower[$0] }
      m.upper = keep.map { m.upper[$0] }
      return keep.isEmpty ? nil : .band(m)
    case .points(var m):
      m.points = m.points.filter { range.contains($0.x) }
      return m.points.isEmpty ? nil : .points(m)
    case .rule(let m):
      if case .vertical(let x) = m.orientation, !range.contains(x) { return nil }
      return mark
    case .bars:
      return mark
    case .errorBars(var m):
      guard m.orientation == .vertical else { return mark }
      m.estimates = m.estimates.filter { range.contains($0.position) }
      return m.estimates.isEmpty ? nil : .errorBars(m)
    }
  }
}
