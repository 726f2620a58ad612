/// A labour-brand sector of the demand engine (MODEL.md 4).
public struct SectorSpec: Sendable, Equatable {
  /// How the sector's graduate capacity is given.
  public enum Demand: Sendable, Equatable {
    /// Employment grown by `growth`; capacity is `graduateShare` of the openings.
    case employment(
      base: ParameterValue, growth: ParameterValue, replacement: ParameterValue,
      graduateShare: ParameterValue)
    /// Graduate capacity given directly.
    case capacity(ParameterValue)
  }

  public var name: String
  public var demand: Demand
  /// Share of each field's new graduates who qualify for and would take the sector, in [0, 1].
  public var eligibility: [FieldShare]

  public init(name: String, demand: Demand, eligibility: [FieldShare]) {
    self.name = name
    self.demand = demand
    self.eligibility = eligibility
  }
}
