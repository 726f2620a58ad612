/// A calibration of cohort yields against an observed graduates series (MODEL.md 3): the
/// `[calibrate]` table (total graduates, the tracks not calibrated on their own) or a track's
/// own `calibrate = { graduates, years | window }` (that track's graduates alone).
public struct CalibrationSpec: Sendable, Equatable {
  /// The data series of observed graduates.
  public var graduates: String
  /// Fit years, ending at or before base_year.
  public var window: FitWindow

  public init(graduates: String, window: FitWindow) {
    self.graduates = graduates
    self.window = window
  }

  public init(graduates: String, years: ClosedRange<Int>) {
    self.init(graduates: graduates, window: .years(years))
  }
}
