/// A parameter written as a number, a driver's name, or an inline driver (MODEL.md 2).
///
/// A number is a constant; a string names a driver of `[drivers]`; an inline table such as
/// `capacity = { values = { 2026 = 5000, 2030 = 20000 } }` is an unnamed driver of that form.
public enum ParameterValue: Sendable, Equatable {
  case number(Double)
  case driver(String)
  /// An unnamed driver written in place: constant, values or start/growth (not a model).
  case inline(DriverForm, sd: Double?)

  /// The number, when the parameter is one.
  public var number: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  /// The driver's name, when the parameter names one.
  public var driverName: String? {
    if case .driver(let name) = self { return name }
    return nil
  }
}
