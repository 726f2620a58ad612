/// The `[population]` table: births and survival to entry age, for population-entry tracks.
public struct PopulationSpec: Sendable, Equatable {
  /// The data series of births: every birth year up to base_year, and the later ones too
  /// when it is projected and no driver gives them.
  public var births: String
  /// The driver that gives the births of every birth year after base_year, in place of the
  /// series' projected values; the series keeps the years up to base_year.
  public var birthsDriver: String?
  /// Share of a birth cohort alive at entry age.
  public var survival: ParameterValue

  public init(births: String, birthsDriver: String? = nil, survival: ParameterValue) {
    self.births = births
    self.birthsDriver = birthsDriver
    self.survival = survival
  }
}
