import Foundation

/// The half of the drivers that is the same on every path, worked out once per run: each
/// driver's central values (noise-free, shocks at their central value: what formulas see) and
/// the fitted model drivers (MODEL.md 2). `DriverValues` adds each batch's draws to it.
///
/// Drivers are resolved in file order, model drivers after the others, and each joins the
/// table that later formulas see, so a formula may name a driver defined before it.
struct DriverFits: Sendable {
  /// A model driver: OLS of its formula over its fit years (strict: an aliased term is an
  /// error), its point prediction back-transformed through the left-hand side's outer
  /// function in every year where the right-hand side can be evaluated.
  struct Model: Sendable {
    let driver: String
    let result: RegressionResult
    /// Point predictions by year, back-transformed, before shocks.
    let point: [Int: Double]
    /// Why the model has no value in a year (its regressor is missing there).
    let gaps: [Int: String]
    /// The design row of each projection year with a value, for the per-path draws.
    let projected: [(year: Int, row: [Double])]
    let transform: ResponseTransform
    /// `anchor = "last"` (MODEL.md 2): the last fit year t_a, its design row and response on
    /// the transformed scale, and the decay d; projection year t adds r (1 − d)^(t − t_a),
    /// r = z(t_a) − x(t_a)ᵀβ, with each path's β on a Monte Carlo path.
    let anchor: Anchor?

    struct Anchor: Sendable {
      let year: Int
      let row: [Double]
      let response: Double
      let decay: Double

      /// (1 − d)^(t − t_a): projection year t adds r times this for residual r at t_a.
      func decayFactor(year t: Int) -> Double { pow(1 - decay, Double(t - year)) }

      /// z(t_a) − x(t_a)ᵀβ.
      func residual(_ beta: (Int) -> Double) -> Double {
        var fitted = 0.0
        for (j, x) in row.enumerated() { fitted += x * beta(j) }
        return response - fitted
      }
    }
  }

  /// The drivers in the order they are resolved: the others, then the model drivers.
  let order: [DriverSpec]
  /// Noise-free values by driver and year, shocks at their central value.
  private(set) var central: [String: [Int: Double]] = [:]
  /// The model drivers by name.
  private(set) var models: [String: Model] = [:]
  /// Things the analyst should know about the drivers (a formula that sees central values of
  /// drivers that vary by path).
  private(set) var notes: [String] = []

  /// - Parameters:
  ///   - years: the years values are wanted for (those the engines simulate).
  ///   - stochastic: whether the run draws (P > 1), for the notes.
  init(scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>, stochastic: Bool)
    throws(SimulationError)
  {
    let base = scenario.info.baseYear
    order =
      scenario.drivers.filter { if case .model = $0.form { return false } else { return true } }
      + scenario.drivers.filter { if case .model = $0.form { return true } else { return false } }
    for driver in order {
      var point: [Int: Double]
      if case .model(let formula, let window, let weights) = driver.form {
        let model = try fit(
          driver.name, formula: formula, fitYears: window.years(baseYear: base), weights: weights,
          anchor: driver.anchor,
          scenario: scenario, data: data, years: years, stochastic: stochastic)
        models[driver.name] = model
        point = model.point
      } else {
        point = DriverValues.evaluate(driver.form, years: years, baseYear: base)
      }
      ShockApplication.central(scenario.shocks, .driver(driver.name), to: &point)
      central[driver.name] = point
    }
  }

  /// These fits with `shocks` applied, after the scenario's own, to the drivers' central
  /// values: the fits of the scenario with those shocks added, when none of them can change
  /// a fit (`Simulation.preparationCarriesOver(adding:)`).
  func adding(_ shocks: [ShockSpec]) -> DriverFits {
    var out = self
    for driver in order where shocks.contains(where: { $0.target == .driver(driver.name) }) {
      guard var point = central[driver.name] else { continue }
      ShockApplication.central(shocks, .driver(driver.name), to: &point)
      out.central[driver.name] = point
    }
    return out
  }

  /// The fitted models in the order they were fitted, for the fit table.
  var fitted: [Model] { order.compactMap { models[$0.name] } }

  /// The table a model formula is evaluated on: `year`, every data series and every driver
  /// resolved so far, one row per year from the earliest data year to the last run year.
  private func table(scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>) -> DataTable {
    let dataYears = data.series.values.compactMap(\.years)
      + data.series.values.compactMap { $0.projected.keys.max().map { $0...$0 } }
    let first = min(dataYears.map(\.lowerBound).min() ?? years.lowerBound, years.lowerBound)
    let last = max(dataYears.map(\.upperBound).max() ?? years.upperBound, years.upperBound)
    let all = Array(first...last)
    var names = ["year"]
    var columns: [DataTable.Column] = [.numeric(all.map(Double.init))]
    for spec in scenario.dataSeries {
      // Projected values enter only rows after base_year, which no fit window reaches.
      let s = data.series[spec.name]?.allValues ?? [:]
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

  private mutating func fit(
    _ name: String, formula text: String, fitYears: ClosedRange<Int>, weights: String?,
    anchor anchorSpec: DriverSpec.Anchor?, scenario: Scenario, data: ScenarioData, years: ClosedRange<Int>, stochastic: Bool
  ) throws(SimulationError) -> Model {
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
    if stochastic {
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

    var anchor: Model.Anchor?
    if let anchorSpec, let last = inWindow.max(by: {
      yearColumn[frame.rows[$0]] < yearColumn[frame.rows[$1]]
    }) {
      let design = frame.design
      anchor = Model.Anchor(
        year: Int(yearColumn[frame.rows[last]]),
        row: (0..<design.columns).map { design[last, $0] }, response: frame.response[last],
        decay: anchorSpec.decay)
    }
    let centralResidual = anchor?.residual { result.estimates[$0] }
    var point: [Int: Double] = [:]
    var gaps: [Int: String] = [:]
    var projected: [(year: Int, row: [Double])] = []
    for t in years {
      guard let row = yearColumn.firstIndex(of: Double(t)) else { continue }
      do {
        let x = try formula.designMatrix(on: table, rows: [row])
        var mean = result.means(x).first ?? .nan
        if let anchor, let centralResidual, t > scenario.info.baseYear {
          mean += centralResidual * anchor.decayFactor(year: t)
        }
        point[t] = frame.transform.backTransform(mean)
        if t > scenario.info.baseYear { projected.append((t, (0..<x.columns).map { x[0, $0] })) }
      } catch {
        gaps[t] = error.message
      }
    }
    return Model(
      driver: name, result: result, point: point, gaps: gaps, projected: projected,
      transform: frame.transform, anchor: anchor)
  }
}
