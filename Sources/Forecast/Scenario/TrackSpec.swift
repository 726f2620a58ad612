/// An education track of the cohort engine (MODEL.md 3).
public struct TrackSpec: Sendable, Equatable {
  /// How a track's intake is projected after base_year.
  public enum Rule: Sendable, Equatable {
    /// `births(t - age) * survival * rate(t)`.
    case entry(age: Int, rate: ParameterValue)
    /// `share(t) * graduates of track `from` in year t`.
    case continuation(from: String, share: ParameterValue)
    /// The intake is the named driver.
    case intakeDriver(String)
  }

  public var name: String
  /// Years of study, at least 1.
  public var duration: Int
  /// The data series of observed intakes, years up to base_year.
  public var intake: String
  public var rule: Rule
  /// Progression rates from study year j to j+1, `duration - 1` of them.
  public var progression: [ParameterValue]
  public var completion: ParameterValue
  /// Field shares of the graduates, summing to 1, in file order.
  public var fields: [FieldShare]
  /// The track's own calibration against its graduates series (MODEL.md 3); it then takes no
  /// part in `[calibrate]`.
  public var calibration: CalibrationSpec? = nil

  public init(
    name: String, duration: Int, intake: String, rule: Rule, progression: [ParameterValue],
    completion: ParameterValue, fields: [FieldShare]
  ) {
    self.name = name
    self.duration = duration
    self.intake = intake
    self.rule = rule
    self.progression = progression
    self.completion = completion
    self.fields = fields
  }
}
