/// The `[population]` table: births and survival to entry age, for population-entry tracks.
public struct PopulationSpec: Sendable, Equatable {
  /// The data series of births.
  public var births: String
  /// Share of a birth cohort alive at entry age.
  public var survival: ParameterValue

  public init(births: String, survival: ParameterValue) {
    self.births = births
    self.survival = survival
  }
}
