/// How a driver's yearly values are given (MODEL.md 2).
public enum DriverForm: Sendable, Equatable {
  /// The same value every year.
  case constant(Double)
  /// Linear interpolation between the given years (sorted by year), flat outside them.
  case values([YearValue])
  /// `start * (1 + growth)^(t - base_year)`.
  case growth(start: Double, growth: Double)
  /// A regression fitted over `window`, projected forward; `weights` names a series for WLS.
  case model(formula: String, window: FitWindow, weights: String?)
}

/// A value given for one year.
public struct YearValue: Sendable, Equatable {
  public var year: Int
  public var value: Double

  public init(year: Int, value: Double) {
    self.year = year
    self.value = value
  }
}
