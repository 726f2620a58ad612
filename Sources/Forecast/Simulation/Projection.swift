/// The result of a scenario run: the engines' outputs for the projection years, the fitted
/// models, warnings and the files it read. Its tables follow MODEL.md 9.
public struct Projection: Sendable {
  /// The tables a run emits.
  public enum TableName: String, CaseIterable, Sendable {
    case supply, demand, balance, matching, fit
  }

  public let scenario: Scenario
  /// The first simulated year (the latest first year of the intake series).
  public let startYear: Int
  public let cohort: CohortProjection
  public let demand: DemandProjection
  /// One matching per projection year, in order.
  public let matches: [MatchingResult]
  public let fitRows: [FitRow]
  /// Things the analyst should know (calibration, model drivers, rates outside [0, 1]).
  public let warnings: [String]
  /// Every data file read, in first-use order.
  public let dataFiles: [String]

  /// base_year + 1 ... base_year + horizon.
  public var years: ClosedRange<Int> { scenario.info.projectionYears }
}
