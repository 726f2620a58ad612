import Foundation

/// Every driver of a scenario as a yearly series on every path of a batch (MODEL.md 2 and 7),
/// with its shocks applied: the run's `DriverFits` plus the batch's draws.
///
/// Forms: `constant` x; `values` linear interpolation, flat outside the given years; `start`,
/// `growth`: x₀(1+g)^(t − base_year); `model`: the fitted model's point prediction.
///
/// On a stochastic run (P > 1), in projection years only: a driver with `sd` adds N(0, sd²)
/// each year (source `drivers.<name>`); a model driver draws its coefficients once per path
/// from N(β̂, Cov(β̂)) (source `drivers.<name>.coefficients`) and adds N(0, σ̂²) each year in
/// the transformed scale (source `drivers.<name>.residuals`) before back-transforming. Noise
/// comes before the driver's shocks, so a `set` shock replaces a noisy value. Formulas see the
/// noise-free (central) values of the drivers they name.
struct DriverValues {
  /// Values by driver, year and path (after `drivers.D` shocks).
  private(set) var values: [String: PathValues] = [:]
  let fits: DriverFits

  /// - Parameters:
  ///   - years: the years values are wanted for (those the engines simulate).
  init(
    fits: DriverFits, scenario: Scenario, years: ClosedRange<Int>, context: PathContext,
    shocks: ShockApplication
  ) throws(SimulationError) {
    self.fits = fits
    for driver in fits.order {
      var series: PathValues
      if let model = fits.models[driver.name] {
        series = model.point.mapValues { [$0] }
        if context.isStochastic, !model.projected.isEmpty {
          // A path's draws, the same for every design point side by side: on one point's
          // columns, then repeated.
          let single = context.onePoint
          let draws = try ModelDraws(driver: driver.name, result: model.result, context: single)
          let projectedYears = model.projected.map(\.year)
          var paths = draws.linearPredictor(
            rows: model.projected.map(\.row), years: projectedYears)
          if let anchor = model.anchor {
            let decays = projectedYears.map(anchor.decayFactor)
            for p in 0..<single.count {
              let r = anchor.residual { draws.coefficients[$0, p] }
              for i in decays.indices { paths[i, p] += r * decays[i] }
            }
          }
          for (i, t) in projectedYears.enumerated() {
            series[t] = context.repeated(
              (0..<single.count).map { model.transform.backTransform(paths[i, $0]) })
          }
        }
      } else {
        series = Self.evaluate(driver.form, years: years, baseYear: scenario.info.baseYear)
          .mapValues { [$0] }
      }
      if let sd = driver.sd {
        Self.addNoise(
          &series, source: "drivers.\(driver.name)", sd: sd,
          domain: scenario.domain(ofDriver: driver.name), context: context)
      }
      shocks.apply(.driver(driver.name), to: &series)
      values[driver.name] = series
    }
  }

  /// Adds sd · N(0, 1) to every projection year of `series` on a stochastic run, truncated so
  /// that each value stays in `domain`; the draw of year t is number t − base_year − 1 of
  /// `source`.
  static func addNoise(
    _ series: inout PathValues, source: String, sd: Double, domain: ParameterDomain,
    context: PathContext
  ) {
    guard context.isStochastic, sd > 0 else { return }
    let years = series.keys.filter { $0 > context.baseYear }
    guard let last = years.max() else { return }
    let count = last - context.baseYear
    let centers = (0..<count).map { series[context.baseYear + 1 + $0] ?? [0] }
    let z = context.noise(source, sd: sd, count: count, domain: domain, centers: centers)
    for t in years {
      let i = t - context.baseYear - 1
      let noise = (0..<context.count).map { z[i, $0] }
      series[t] = series[t]?.combined(with: noise, +)
    }
  }

  /// The yearly values of a closed-form driver.
  static func evaluate(_ form: DriverForm, years: ClosedRange<Int>, baseYear: Int) -> [Int: Double] {
    var out: [Int: Double] = [:]
    for t in years {
      switch form {
      case .constant(let x):
        out[t] = x
      case .values(let points):
        out[t] = interpolate(points, at: t)
      case .growth(let start, let growth):
        out[t] = start * pow(1 + growth, Double(t - baseYear))
      case .model:
        break
      }
    }
    return out
  }

  /// Linear interpolation between the given years, flat before the first and after the last.
  static func interpolate(_ points: [YearValue], at year: Int) -> Double {
    let sorted = points.sorted { $0.year < $1.year }
    guard let first = sorted.first, let last = sorted.last else { return .nan }
    if year <= first.year { return first.value }
    if year >= last.year { return last.value }
    for (a, b) in zip(sorted, sorted.dropFirst()) where year >= a.year && year <= b.year {
      let w = Double(year - a.year) / Double(b.year - a.year)
      return a.value + w * (b.value - a.value)
    }
    return last.value
  }

  /// The values of driver `name` in `year` (P or one), or an error saying why there are none.
  func value(_ name: String, _ year: Int) throws(SimulationError) -> [Double] {
    if let v = values[name]?[year] { return v }
    let reason = fits.models[name]?.gaps[year] ?? "the year is outside the run"
    throw .driverUndefined(driver: name, year: year, reason: reason)
  }
}
