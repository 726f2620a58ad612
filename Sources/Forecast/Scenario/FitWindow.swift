/// The years a fit uses (MODEL.md 2): absolute, or the last n years up to base_year.
public enum FitWindow: Sendable, Equatable {
  /// `years = [y0, y1]`, inclusive.
  case years(ClosedRange<Int>)
  /// `window = n`: base_year − n + 1 … base_year.
  case last(Int)

  /// The fit years of a run whose base year is `baseYear`.
  public func years(baseYear: Int) -> ClosedRange<Int> {
    switch self {
    case .years(let years): return years
    case .last(let n): return (baseYear - n + 1)...baseYear
    }
  }

  /// The window as a backtest from `origin` uses it (MODEL.md 11): a relative window rolls
  /// with the origin; an absolute one keeps its first year and is cut at the origin.
  public func asOf(origin: Int) -> FitWindow {
    switch self {
    case .last: return self
    case .years(let years):
      return .years(years.lowerBound...max(years.lowerBound, min(years.upperBound, origin)))
    }
  }
}
