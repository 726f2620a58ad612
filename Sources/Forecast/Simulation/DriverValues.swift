import Foundation

/// Every driver of a scenario as a yearly series (MODEL.md 2), with its shocks applied, and
/// the fitted models of the model drivers.
///
/// Forms: `constant` x; `values` linear interpolation, flat outside the given years; `start`,
/// `growth`: x₀(1+g)^(t − base_year); `model`: OLS of the formula over its fit years (strict:
/// an aliased term is an error), its point prediction back-transformed through the left-hand
/// side's outer function, in every year where the right-hand side can be evaluated.
/// Drivers are resolved in file order, model drivers after the others, and each joins the
/// table that later formulas see, so a formula may name a driver defined before it.
struct DriverValues {
  /// A fitted model driver, for the fit table.
  struct FittedModel {
    let driver: String
    let result: RegressionResult
  }

  /// Values by driver and year (after `drivers.D` shocks).
  private(set) var values: [String: [Int: Double]] = [:]
  /// Why a model driver has no value in a year (its regressor is missing there).
  private(set) var gaps: [String: [Int: String]] = [:]
  private(set) var models: [FittedModel] = []

  /// - Parameters:
  ///   - years: the years values are wanted for (those the engines simulate).
  init(scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>) throws(SimulationError) {
    let base = scenario.info.baseYear
    let ordered =
      scenario.drivers.filter { if case .model = $0.form { return false } else { return true } }
      + scenario.drivers.filter { if case .model = $0.form { return true } else { return false } }
    for driver in ordered {
      var series: [Int: Double]
      switch driver.form {
      case .model(let formula, let fitYears, let weights):
        series = try fitModel(
          driver.name, formula: formula, fitYears: fitYears, weights: weights,
          scenario: scenario, data: data, years: years)
      default:
        series = Self.evaluate(driver.form, years: years, baseYear: base)
      }
      ShockApplication.apply(
        scenario.shocks.filter { $0.target == .driver(driver.name) }, to: &series)
      values[driver.name] = series
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
      guard let s = values[driver.name] else { continue }
      names.append(driver.name)
      columns.append(.numeric(all.map { s[$0] ?? .nan }))
    }
    return DataTable(source: "scenario data", names: names, columns: columns)
  }

  private mutating func fitModel(
    _ name: String, formula text: String, fitYears: ClosedRange<Int>, weights: String?,
    scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>
  ) throws(SimulationError) -> [Int: Double] {
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

    var out: [Int: Double] = [:]
    var gaps: [Int: String] = [:]
    for t in years {
      guard let row = yearColumn.firstIndex(of: Double(t)) else { continue }
      do {
        let x = try formula.designMatrix(on: table, rows: [row])
        let mean = result.predict(x).first?.mean ?? .nan
        out[t] = frame.transform.backTransform(mean)
      } catch {
        gaps[t] = error.message
      }
    }
    self.gaps[name] = gaps
    return out
  }

  /// The value of driver `name` in `year`, or an error saying why there is none.
  func value(_ name: String, _ year: Int) throws(SimulationError) -> Double {
    if let v = values[name]?[year] { return v }
    let reason = gaps[name]?[year] ?? "the year is outside the run"
    throw .driverUndefined(driver: name, year: year, reason: reason)
  }
}
