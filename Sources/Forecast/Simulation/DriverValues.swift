import Foundation

/// Every driver of a scenario as a yearly series on every path (MODEL.md 2 and 7), with its
/// shocks applied, and the fitted models of the model drivers.
///
/// Forms: `constant` x; `values` linear interpolation, flat outside the given years; `start`,
/// `growth`: x₀(1+g)^(t − base_year); `model`: OLS of the formula over its fit years (strict:
/// an aliased term is an error), its point prediction back-transformed through the left-hand
/// side's outer function, in every year where the right-hand side can be evaluated.
/// Drivers are resolved in file order, model drivers after the others, and each joins the
/// table that later formulas see, so a formula may name a driver defined before it.
///
/// On a stochastic run (P > 1), in projection years only: a driver with `sd` adds N(0, sd²)
/// each year (source `drivers.<name>`); a model driver draws its coefficients once per path
/// from N(β̂, Cov(β̂)) (source `drivers.<name>.coefficients`) and adds N(0, σ̂²) each year in
/// the transformed scale (source `drivers.<name>.residuals`) before back-transforming. Noise
/// comes before the driver's shocks, so a `set` shock replaces a noisy value. Formulas see the
/// noise-free (central) values of the drivers they name.
struct DriverValues {
  /// A fitted model driver, for the fit table.
  struct FittedModel {
    let driver: String
    let result: RegressionResult
  }

  /// Values by driver, year and path (after `drivers.D` shocks).
  private(set) var values: [String: PathValues] = [:]
  /// Noise-free values by driver and year, shocks at their central value: what formulas see.
  private(set) var central: [String: [Int: Double]] = [:]
  /// Why a model driver has no value in a year (its regressor is missing there).
  private(set) var gaps: [String: [Int: String]] = [:]
  private(set) var models: [FittedModel] = []
  /// Things the analyst should know about the drivers (a formula that sees central values of
  /// drivers that vary by path).
  private(set) var notes: [String] = []

  /// - Parameters:
  ///   - years: the years values are wanted for (those the engines simulate).
  init(
    scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>, context: PathContext,
    shocks: ShockApplication
  ) throws(SimulationError) {
    let base = scenario.info.baseYear
    let ordered =
      scenario.drivers.filter { if case .model = $0.form { return false } else { return true } }
      + scenario.drivers.filter { if case .model = $0.form { return true } else { return false } }
    for driver in ordered {
      var point: [Int: Double]
      var series: PathValues
      switch driver.form {
      case .model(let formula, let fitYears, let weights):
        (point, series) = try fitModel(
          driver.name, formula: formula, fitYears: fitYears, weights: weights,
          scenario: scenario, data: data, years: years, context: context)
      default:
        point = Self.evaluate(driver.form, years: years, baseYear: base)
        series = point.mapValues { [$0] }
      }
      if let sd = driver.sd {
        Self.addNoise(&series, source: "drivers.\(driver.name)", sd: sd, context: context)
      }
      shocks.apply(.driver(driver.name), to: &series)
      ShockApplication.central(scenario.shocks, .driver(driver.name), to: &point)
      values[driver.name] = series
      central[driver.name] = point
    }
  }

  /// Adds sd · N(0, 1) to every projection year of `series` on a stochastic run; the draw of
  /// year t is number t − base_year − 1 of `source`.
  static func addNoise(_ series: inout PathValues, source: String, sd: Double, context: PathContext) {
    guard context.isStochastic, sd > 0 else { return }
    let years = series.keys.filter { $0 > context.baseYear }
    guard let last = years.max() else { return }
    let count = last - context.baseYear
    let z = context.noise(source, sd: sd, count: count)
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

  /// The table a model formula is evaluated on: `year`, every data series and every driver
  /// resolved so far, one row per year from the earliest data year to the last run year.
  private func table(scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>) -> DataTable {
    let dataYears = data.series.values.compactMap(\.years)
    let first = min(dataYears.map(\.lowerBound).min() ?? years.lowerBound, years.lowerBound)
    let last = max(dataYears.map(\.upperBound).max() ?? years.upperBound, years.upperBound)
    let all = Array(first...last)
    var names = ["year"]
    var columns: [DataTable.Column] = [.numeric(all.map(Double.init))]
    for spec in scenario.dataSeries {
      let s = data.series[spec.name]?.values ?? [:]
      names.append(spec.name)
      columns.append(.numeric(all.map { s[$0] ?? .nan }))
    }
    for driver in scenario.drivers {
      guard let s = central[driver.name] else { continue }
      names.append(driver.name)
      columns.append(.numeric(all.map { s[$0] ?? .nan }))
    }
    return DataTable(source: "scenario data", names: names, columns: columns)
  }

  /// Fits a model driver; returns its point predictions and its values on every path.
  private mutating func fitModel(
    _ name: String, formula text: String, fitYears: ClosedRange<Int>, weights: String?,
    scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>, context: PathContext
  ) throws(SimulationError) -> ([Int: Double], PathValues) {
    let table = table(scenario: scenario, data: data, years: years)
    let formula: Formula
    let frame: ModelFrame
    do {
      formula = try Formula(parsing: text)
      frame = try formula.modelFrame(on: table)
    } catch {
      throw .driverFormula(driver: name, error)
    }
    let yearColumn = table.numericColumn(named: "year") ?? []
    let inWindow = frame.rows.indices.filter { fitYears.contains(Int(yearColumn[frame.rows[$0]])) }
    var weightValues: [Double]? = nil
    if let weights {
      let column = table.numericColumn(named: weights) ?? []
      weightValues = inWindow.map { column[frame.rows[$0]] }
    }
    let model = LinearModel(
      design: frame.design.selectingRows(inWindow), response: inWindow.map { frame.response[$0] },
      weights: weightValues, termNames: frame.termNames, responseName: frame.responseName,
      hasIntercept: frame.hasIntercept)
    let result: RegressionResult
    do {
      result = try model.fit(strict: true)
    } catch {
      throw .driverFit(driver: name, error)
    }
    models.append(FittedModel(driver: name, result: result))
    if context.isStochastic {
      let varying = formula.variableNames.filter { variable in
        scenario.drivers.contains { driver in
          guard driver.name == variable else { return false }
          if case .model = driver.form { return true }
          return (driver.sd ?? 0) > 0
        }
      }
      if !varying.isEmpty {
        notes.append(
          "driver '\(name)': its formula uses "
            + varying.map { "'\($0)'" }.joined(separator: ", ")
            + (varying.count == 1 ? ", which varies" : ", which vary")
            + " by path; the formula sees central values, so that variation does not reach "
            + "'\(name)' (its own coefficient and residual draws do)")
      }
    }

    var point: [Int: Double] = [:]
    var gaps: [Int: String] = [:]
    var projected: [(year: Int, row: [Double])] = []
    for t in years {
      guard let row = yearColumn.firstIndex(of: Double(t)) else { continue }
      do {
        let x = try formula.designMatrix(on: table, rows: [row])
        let mean = result.predict(x).first?.mean ?? .nan
        point[t] = frame.transform.backTransform(mean)
        if t > context.baseYear { projected.append((t, (0..<x.columns).map { x[0, $0] })) }
      } catch {
        gaps[t] = error.message
      }
    }
    self.gaps[name] = gaps
    var series = point.mapValues { [$0] }
    if context.isStochastic, !projected.isEmpty {
      let draws = try ModelDraws(driver: name, result: result, context: context)
      let paths = draws.linearPredictor(rows: projected.map(\.row), years: projected.map(\.year))
      for (i, t) in projected.map(\.year).enumerated() {
        series[t] = (0..<context.count).map { frame.transform.backTransform(paths[i, $0]) }
      }
    }
    return (point, series)
  }

  /// The values of driver `name` in `year` (P or one), or an error saying why there are none.
  func value(_ name: String, _ year: Int) throws(SimulationError) -> [Double] {
    if let v = values[name]?[year] { return v }
    let reason = gaps[name]?[year] ?? "the year is outside the run"
    throw .driverUndefined(driver: name, year: year, reason: reason)
  }
}
