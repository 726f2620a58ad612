/// One layer of a panel, drawn in the order the panel lists them (bands first, then lines,
/// then points reads best).
public enum Mark: Sendable, Hashable {
  case line(LineMark)
  case band(BandMark)
  case points(PointMark)
  case rule(RuleMark)
  case bars(BarMark)
  case errorBars(ErrorBarMark)

  /// The legend's name for the mark, if it has one.
  public var label: String? {
    switch self {
    case .line(let m): m.label
    case .band(let m): m.label
    case .points(let m): m.label
    case .rule: nil
    case .bars(let m): m.label
    case .errorBars(let m): m.label
    }
  }

  /// The legend entry of a labelled mark.
  var legendEntry: LegendEntry? {
    guard let label else { return nil }
    switch self {
    case .line(let m): return LegendEntry(label, swatch: .line(m.style))
    case .band(let m): return LegendEntry(label, swatch: .band(color: m.color, opacity: m.opacity))
    case .points(let m): return LegendEntry(label, swatch: .marker(color: m.color, shape: m.shape))
    case .rule: return nil
    case .bars(let m): return LegendEntry(label, swatch: .bar(color: m.color))
    case .errorBars(let m):
      return LegendEntry(label, swatch: .marker(color: m.color, shape: m.shape))
    }
  }

  /// The x values the mark needs to show.
  var xValues: [Double] {
    switch self {
    case .line(let m): m.points.map(\.x)
    case .band(let m): m.x
    case .points(let m): m.points.map(\.x)
    case .rule(let m):
      if case .vertical(let x) = m.orientation { [x] } else { [] }
    case .bars(let m): m.bars.flatMap { [$0.from, $0.to] }
    case .errorBars(let m):
      m.orientation == .horizontal
        ? m.estimates.flatMap { [$0.lower, $0.upper, $0.value] } : m.estimates.map(\.position)
    }
  }

  /// The y values the mark needs to show (none for marks placed by category).
  var yValues: [Double] {
    switch self {
    case .line(let m): m.points.map(\.y)
    case .band(let m): m.lower + m.upper
    case .points(let m): m.points.map(\.y)
    case .rule(let m):
      if case .horizontal(let y) = m.orientation { [y] } else { [] }
    case .bars: []
    case .errorBars(let m):
      m.orientation == .vertical ? m.estimates.flatMap { [$0.lower, $0.upper, $0.value] } : []
    }
  }
}
