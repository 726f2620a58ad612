/// Turns a scenario parameter (a number, a driver's name or an inline driver) into yearly
/// values on every path, then applies the parameter's own shocks in file order (MODEL.md 8).
struct ParameterResolver {
  let drivers: DriverValues
  let shocks: ShockApplication
  let context: PathContext
  /// Where clamped values are counted (a batch's own).
  let clamps: ClampLog
  /// Design points side by side (`Simulation.runPointsSideBySide`): each point's fits and
  /// shocks, whose central values are that point's; empty for a run of one scenario.
  var points: [Point] = []

  /// What one design point's central values are worked out from.
  struct Point {
    let fits: DriverFits
    let shocks: [ShockSpec]
  }

  var baseYear: Int { context.baseYear }

  /// Values of `parameter` in `years`, shocked by every shock aimed at `target`. An inline
  /// driver with `sd` draws its noise from `source`, by default the target's path.
  func series(
    _ parameter: ParameterValue, years: ClosedRange<Int>, target: ShockTarget?,
    source: String? = nil
  ) throws(SimulationError) -> PathValues {
    var out: PathValues = [:]
    switch parameter {
    case .number(let x):
      for t in years { out[t] = [x] }
    case .driver(let name):
      for t in years { out[t] = try drivers.value(name, t) }
    case .inline(let form, let sd):
      out = DriverValues.evaluate(form, years: years, baseYear: baseYear).mapValues { [$0] }
      if let sd {
        DriverValues.addNoise(
          &out, source: source ?? target?.path ?? "inline", sd: sd,
          domain: target?.domain(in: shocks.scenario) ?? .unbounded, context: context)
      }
    }
    if let target {
      try shock(&out, target: target, driver: parameter.driverName) {
        centralValues(parameter, years: years, target: target)
      } pointCentral: { point in
        centralValues(parameter, years: years, target: target, fits: point.fits, shocks: point.shocks)
      }
    }
    return out
  }

  /// Applies the shocks aimed at `target` to `values`, then on a stochastic run clamps to the
  /// target's domain the years whose central value (`central`, shocks included) is in it.
  /// Where shocks reach the parameter (its own, or those on `driver`, the driver it names), a
  /// central value outside the domain is an error naming the target; elsewhere it is the
  /// scenario's error, for the engines to report.
  ///
  /// Side by side, `pointCentral` gives each point's central values: every point's are
  /// checked, and the clamp reads the first point's, since when none is out of the domain they
  /// are in it in the same years.
  func shock(
    _ values: inout PathValues, target: ShockTarget, driver: String? = nil,
    central: () -> [Int: Double], pointCentral: ((Point) -> [Int: Double])? = nil
  ) throws(SimulationError) {
    shocks.apply(target, to: &values)
    let domain = target.domain(in: shocks.scenario)
    let shocked = shocks.shocks.contains { shock in
      shock.target == target || driver.map { shock.target == .driver($0) } == true
    }
    guard shocked || context.isStochastic else { return }
    let centrals: [[Int: Double]]
    if let pointCentral, !points.isEmpty {
      centrals = points.map(pointCentral)
    } else {
      centrals = [central()]
    }
    if shocked {
      for central in centrals {
        for (year, value) in central.sorted(by: { $0.key < $1.key })
        where !(value.isFinite && value >= domain.lower && value <= domain.upper) {
          throw .shockOutOfDomain(
            target: target.path, driver: driver, year: year, value: value, lower: domain.lower,
            upper: domain.upper)
        }
      }
    }
    guard context.isStochastic else { return }
    let central = centrals[0]
    var inDomain = values.filter { t, _ in
      central[t].map { $0 >= domain.lower && $0 <= domain.upper } ?? false
    }
    clamps.clamp(&inDomain, to: domain, parameter: target.path)
    values.merge(inDomain) { _, clamped in clamped }
  }

  /// The parameter's values with no draws: drivers at their central values, shocks at theirs
  /// (by default this run's fits and shocks).
  func centralValues(
    _ parameter: ParameterValue, years: ClosedRange<Int>, target: ShockTarget,
    fits: DriverFits? = nil, shocks given: [ShockSpec]? = nil
  ) -> [Int: Double] {
    var out: [Int: Double] = [:]
    switch parameter {
    case .number(let x):
      for t in years { out[t] = x }
    case .driver(let name):
      out = (fits ?? drivers.fits).central[name]?.filter { years.contains($0.key) } ?? [:]
    case .inline(let form, _):
      out = DriverValues.evaluate(form, years: years, baseYear: baseYear)
    }
    ShockApplication.central(given ?? shocks.shocks, target, to: &out)
    return out
  }

  /// The base-year value of a parameter (a sector's employment, a calibration's progression
  /// rates), unshocked: the same on every path, since noise enters projection years only.
  func baseValue(_ parameter: ParameterValue) throws(SimulationError) -> Double {
    try series(parameter, years: baseYear...baseYear, target: nil)[baseYear]?.first ?? .nan
  }
}
