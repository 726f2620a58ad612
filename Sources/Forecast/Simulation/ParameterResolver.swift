/// Turns a scenario parameter (a number, a driver's name or an inline driver) into yearly
/// values, then applies the parameter's own shocks in file order (MODEL.md 8).
struct ParameterResolver {
  let drivers: DriverValues
  let shocks: [ShockSpec]
  let baseYear: Int

  /// Values of `parameter` in `years`, shocked by every shock aimed at `target`.
  func series(
    _ parameter: ParameterValue, years: ClosedRange<Int>, target: ShockTarget?
  ) throws(SimulationError) -> [Int: Double] {
    var out: [Int: Double] = [:]
    switch parameter {
    case .number(let x):
      for t in years { out[t] = x }
    case .driver(let name):
      for t in years { out[t] = try drivers.value(name, t) }
    case .inline(let form, _):
      out = DriverValues.evaluate(form, years: years, baseYear: baseYear)
    }
    if let target { ShockApplication.apply(shocks.filter { $0.target == target }, to: &out) }
    return out
  }

  /// The base-year value of a parameter (a sector's employment), unshocked.
  func baseValue(_ parameter: ParameterValue) throws(SimulationError) -> Double {
    try series(parameter, years: baseYear...baseYear, target: nil)[baseYear] ?? .nan
  }
}
