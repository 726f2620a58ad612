/// How a figure's x axis or a panel's y axis maps data: a linear value axis with nice ticks,
/// a year axis with integer ticks, or named categories (y only; for bars and error bars).
public struct Axis: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case linear
    case years
    /// Category names, top to bottom; marks place category `i` by its index.
    case categories([String])
  }

  public var kind: Kind
  /// The axis title with its units, such as "Graduates, millions" or "Coverage, %".
  public var title: String?
  /// How tick labels are written; decimals are chosen for the whole axis from its ticks.
  public var labelStyle: NumberFormat.Style
  /// A fixed domain; nil takes the data's range, widened to nice ticks.
  public var domain: ClosedRange<Double>?
  /// Whether the domain is stretched to include zero (quantities read against zero).
  public var includesZero: Bool
  /// The fraction of the data's span added at each end before the ticks are chosen.
  public var padding: Double

  public init(
    kind: Kind, title: String? = nil, labelStyle: NumberFormat.Style = .grouped,
    domain: ClosedRange<Double>? = nil, includesZero: Bool = false, padding: Double = 0
  ) {
    precondition(padding >= 0, "Axis: padding \(padding)")
    self.kind = kind
    self.title = title
    self.labelStyle = labelStyle
    self.domain = domain
    self.includesZero = includesZero
    self.padding = padding
  }

  /// A value axis: numbers with nice ticks.
  public static func linear(
    title: String? = nil, labelStyle: NumberFormat.Style = .grouped,
    includesZero: Bool = false, domain: ClosedRange<Double>? = nil, padding: Double = 0
  ) -> Axis {
    Axis(
      kind: .linear, title: title, labelStyle: labelStyle, domain: domain,
      includesZero: includesZero, padding: padding)
  }

  /// A year axis from the data's first year to its last (or `domain`).
  public static func years(title: String? = nil, domain: ClosedRange<Int>? = nil) -> Axis {
    Axis(
      kind: .years, title: title,
      domain: domain.map { Double($0.lowerBound)...Double($0.upperBound) })
  }

  /// Named categories, top to bottom.
  public static func categories(_ names: [String], title: String? = nil) -> Axis {
    Axis(kind: .categories(names), title: title)
  }

  var categoryNames: [String]? {
    if case .categories(let names) = kind { names } else { nil }
  }
}
