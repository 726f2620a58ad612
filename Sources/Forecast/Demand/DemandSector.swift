/// One labour-brand sector of the demand engine (MODEL.md section 4), its parameters resolved
/// to numbers per year and per Monte Carlo path.
///
/// Every per-path value is an array of P values or a single value shared by all paths. The
/// value "of year t" is the one that gives employment and openings of year t.
public struct DemandSector: Sendable, Equatable {
  /// How the sector's graduate capacity is formed.
  public enum Specification: Sendable, Equatable {
    /// From employment:
    ///
    ///     E_s(t) = E_s(t−1) · (1 + g_s(t))
    ///     O_s(t) = max(E_s(t) − E_s(t−1), 0) + r_s(t) · E_s(t−1)
    ///     D_s(t) = h_s(t) · O_s(t)
    ///
    /// with E_s(base year) = `baseEmployment` and g, r, h by year.
    case employment(
      baseEmployment: [Double], growth: PathValues, replacement: PathValues,
      graduateShare: PathValues)
    /// D_s(t) given directly by year; employment and openings are then not defined.
    case capacity(PathValues)
  }

  /// The sector's name, used in errors and as a row label.
  public var name: String
  public var specification: Specification

  public init(name: String, specification: Specification) {
    self.name = name
    self.specification = specification
  }
}
