/// Why a scenario that loaded cannot be run: each case names the series, driver, track,
/// sector or year at fault.
public enum SimulationError: Error, Equatable, Sendable, SettingMessage {
  /// A data file could not be read (it was readable when the scenario was validated).
  case data(series: String, CSVError)
  /// A data file has no numeric `year` column.
  case noYearColumn(series: String, file: String)
  /// A data file's `year` column cannot index the series: a cell that is not a year, a value
  /// without a year, a year given twice.
  case dataYears(series: String, DataYearError)
  /// A series has no value in a year the run needs.
  case missingValue(series: String, year: Int, file: String, purpose: String)
  /// The file holds the year, but after base_year, and the series is not projected.
  case afterBaseYear(series: String, year: Int, file: String, purpose: String)
  /// A model driver's formula is invalid on this data.
  case driverFormula(driver: String, FormulaError)
  /// A model driver could not be fitted (no observations, rank deficiency...).
  case driverFit(driver: String, RegressionError)
  /// A driver has no value in a year the run needs (a regressor is missing there).
  case driverUndefined(driver: String, year: Int, reason: String)
  /// The births driver gives a negative (or no finite) number of births in a birth year that
  /// the entry of `track` in year `entry` reads.
  case birthsOutOfDomain(driver: String, year: Int, value: Double, track: String, entry: Int)
  /// The births data series holds a value that is not a number of births (negative or not
  /// finite) in a year population entry reads.
  case birthsDataOutOfDomain(series: String, file: String, year: Int, value: Double, track: String, entry: Int)
  /// Shocks move a parameter's central value out of its domain (MODEL.md 7) in `year`;
  /// `driver` is the driver the parameter names, whose own shocks may be the cause.
  case shockOutOfDomain(
    target: String, driver: String?, year: Int, value: Double, lower: Double, upper: Double)
  /// A model driver's Monte Carlo draws cannot be made.
  case driverDraws(driver: String, reason: String)
  /// Two random sources hash to one region of the paths' streams (about 1 in 4 billion per
  /// pair of names), so they would draw the same numbers.
  case randomSourceClash(String, String)
  /// A run of `paths` paths would need more memory than the machine has.
  case tooManyPaths(paths: Int, bytes: Double, available: Double)
  /// The calibration regression failed; `at` is its key path (`calibrate` for the joint fit,
  /// `tracks.<name>.calibrate` for a track's own).
  case calibration(at: String, String)
  /// The cohort engine rejected the tracks; `at` is the key path of the track at fault.
  case cohort(CohortError, at: String, paths: Int = 1)
  /// The demand engine failed on path `path` of `paths`; `at` is the sector's key path.
  case demand(DemandError, at: String, path: Int, paths: Int)
  /// The matching failed; `at` is the key path of the sector or field's eligibility.
  case matching(MatchingError, at: String, paths: Int = 1)
  /// An error kept as its message (a backtest origin's rejection in a shard result), written
  /// with `SettingNames.placeholder` so that its settings are spelled when it is shown.
  case recorded(template: String)

  /// On a Monte Carlo run a value out of range may be a draw, not the scenario's own value.
  private static func drawHint(_ paths: Int, _ n: SettingNames) -> String {
    paths > 1
      ? " (on one of \(paths) paths: a drawn value, from an `sd`, may be the cause; the run "
        + "with \(n(.paths)) 1 shows whether the scenario's own values are)"
      : ""
  }

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .data(let series, let error):
      return "data series '\(series)': \(error)"
    case .noYearColumn(let series, let file):
      return "data series '\(series)': file \(file) has no numeric `year` column"
    case .dataYears(let series, let error):
      return "data series '\(series)': \(error)"
    case .missingValue(let series, let year, let file, let purpose):
      return "data series '\(series)' has no value for \(year) (file \(file)), needed for \(purpose)"
    case .afterBaseYear(let series, let year, let file, let purpose):
      return "data series '\(series)': file \(file) has \(year), but that is after base_year, "
        + "and a series is read after base_year only when it is a projection: mark it "
        + "`projected = true` in [data.\(series)] (MODEL.md 1); needed for \(purpose)"
    case .driverFormula(let driver, let error):
      return "driver '\(driver)': \(error)"
    case .driverFit(let driver, .rankDeficient(let names)):
      // A driver's fit is always strict: no setting lets an aliased term through.
      return "driver '\(driver)': cannot fit its model: the design is rank deficient: "
        + names.map { "'\($0)'" }.joined(separator: ", ")
        + " \(names.count == 1 ? "is a linear combination" : "are linear combinations") of "
        + "earlier terms over the fit years' usable rows; drop \(names.count == 1 ? "it" : "them") "
        + "from drivers.\(driver).model, or widen its fit years (`years` or `window`): a lag or a "
        + "missing value leaves out the rows it cannot compute"
    case .driverFit(let driver, let error):
      return "driver '\(driver)': cannot fit its model: \(error.message(naming: n))"
    case .driverUndefined(let driver, let year, let reason):
      return "driver '\(driver)' has no value for \(year): \(reason)"
    case .birthsOutOfDomain(let driver, let year, let value, let track, let entry):
      return "population.births_driver: driver '\(driver)' gives \(Scenario.number(value)) births "
        + "for \(year), read by the entry of track '\(track)' in \(entry); expected a number of "
        + "births of at least 0 (check the driver and the shocks aimed at drivers.\(driver))"
    case .birthsDataOutOfDomain(let series, let file, let year, let value, let track, let entry):
      return "\(file.isEmpty ? "" : "\(file): ")data series '\(series)' gives \(Scenario.number(value)) "
        + "births for \(year), read by the entry of track '\(track)' in \(entry); expected a number "
        + "of births of at least 0"
    case .shockOutOfDomain(let target, let driver, let year, let value, let lower, let upper):
      let shown = { (x: Double) in
        x.isInfinite ? (x < 0 ? "-inf" : "inf")
          : x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : Scenario.number(x)
      }
      let bounds = "[\(shown(lower)), \(shown(upper))]"
      return "\(target): the shocks aimed at it" + (driver.map { " or at drivers.\($0)" } ?? "")
        + " give \(shown(value)) in \(year), outside its domain \(bounds), "
        + "which a shock may not leave"
    case .driverDraws(let driver, let reason):
      return "driver '\(driver)': \(reason)"
    case .randomSourceClash(let a, let b):
      return "the random sources '\(a)' and '\(b)' would draw the same numbers (their names "
        + "hash to one region of the streams, a one-in-four-billion coincidence): rename the "
        + "driver or move the shock so that one of the names changes"
    case .tooManyPaths(let paths, let bytes, let available):
      let gb = { (x: Double) in String(format: "%.1f GB", x / 1e9) }
      let fits = Int(0.8 * available / bytes * Double(paths))
      return "\(paths) paths would need about \(gb(bytes)) for this scenario, more than 80% of "
        + "this machine's \(gb(available)): use at most about \(fits) paths (\(n(.paths)))"
    case .calibration(let at, let message):
      return "\(at): \(message)"
    case .cohort(let error, let at, let paths):
      return "\(at): \(error)\(Self.drawHint(paths, n))"
    case .demand(let error, let at, let path, let paths):
      let which = paths > 1 ? " (path \(path + 1) of \(paths))" : ""
      return "\(at): \(error)\(which); check its parameters and the shocks aimed at them"
    case .matching(let error, let at, let paths):
      return "\(at): \(error)\(Self.drawHint(paths, n))"
    case .recorded(let template):
      return n.spelling(template)
    }
  }
}
