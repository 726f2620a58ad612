/// The `[calibrate]` table: fit cohort yields to observed total graduates (MODEL.md 3).
public struct CalibrationSpec: Sendable, Equatable {
  /// The data series of observed total graduates.
  public var graduates: String
  /// Fit years, inclusive, ending at or before base_year.
  public var years: ClosedRange<Int>

  public init(graduates: String, years: ClosedRange<Int>) {
    self.graduates = graduates
    self.years = years
  }
}
