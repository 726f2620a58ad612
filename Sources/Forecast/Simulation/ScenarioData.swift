import Foundation

/// The data series of a scenario, read from their CSV files, by year: each a column times its
/// `scale` (MODEL.md 1). Values after `base_year` are hidden, which keeps backtests honest,
/// except a `projected` series' (read by `value` and the model table, never by fits).
/// Years are checked (`YearColumn`): a cell that is not a whole year in range, a value without
/// a year or a year given twice in a series is an error naming the file and lines.
struct ScenarioData {
  /// A series' values by year and where they came from.
  struct Series {
    let name: String
    let file: String
    /// The observed values: years up to base_year.
    let values: [Int: Double]
    /// A projected series' values after base_year; empty for any other series.
    let projected: [Int: Double]
    /// The years after base_year the file holds but the series hides (it is not projected).
    let hiddenYears: ClosedRange<Int>?
    /// The observed years' span.
    var years: ClosedRange<Int>? {
      guard let first = values.keys.min(), let last = values.keys.max() else { return nil }
      return first...last
    }
    /// Observed and projected values together.
    var allValues: [Int: Double] { values.merging(projected) { observed, _ in observed } }
  }

  let series: [String: Series]
  /// Every data file read, in first-use order.
  let files: [String]

  /// - Parameter through: the last year kept (default `base_year`; a backtest reads the
  ///   observations after its origin this way).
  init(scenario: Scenario, through lastYear: Int? = nil) throws(SimulationError) {
    var tables: [String: (table: DataTable, years: YearColumn)] = [:]
    var files: [String] = []
    var series: [String: Series] = [:]
    let baseYear = lastYear ?? scenario.info.baseYear
    for spec in scenario.dataSeries {
      let table: DataTable
      let years: YearColumn
      if let cached = tables[spec.file] {
        (table, years) = cached
      } else {
        if let file = scenario.dataFiles[spec.file] {
          table = file.table
        } else {
          do { table = try CSVReader.read(contentsOf: spec.file) } catch {
            throw .data(series: spec.name, error)
          }
        }
        do { years = try YearColumn(table) } catch {
          if case .noYearColumn = error { throw .noYearColumn(series: spec.name, file: spec.file) }
          throw .dataYears(series: spec.name, error)
        }
        tables[spec.file] = (table, years)
        files.append(spec.file)
      }
      var values: [Int: Double] = [:]
      var projected: [Int: Double] = [:]
      var hidden: [Int] = []
      if let column = table.numericColumn(named: spec.column) {
        let all: [Int: Double]
        do { all = try years.series(column, named: spec.column) } catch {
          throw .dataYears(series: spec.name, error)
        }
        for (year, value) in all {
          if year <= baseYear {
            values[year] = value * spec.scale
          } else if spec.projected {
            projected[year] = value * spec.scale
          } else {
            hidden.append(year)
          }
        }
      }
      series[spec.name] = Series(
        name: spec.name, file: spec.file, values: values, projected: projected,
        hiddenYears: hidden.min().flatMap { first in hidden.max().map { first...$0 } })
    }
    self.series = series
    self.files = files
  }

  /// The value of `name` in `year`, observed or (for a projected series) projected, or an
  /// error naming series, year, file and purpose; a year the file holds after base_year in a
  /// series that is not projected says so.
  func value(_ name: String, _ year: Int, for purpose: String) throws(SimulationError) -> Double {
    guard let s = series[name] else {
      throw .missingValue(series: name, year: year, file: "?", purpose: purpose)
    }
    guard let v = s.values[year] ?? s.projected[year] else {
      if let hidden = s.hiddenYears, hidden.contains(year) {
        throw .afterBaseYear(series: name, year: year, file: s.file, purpose: purpose)
      }
      throw .missingValue(series: name, year: year, file: s.file, purpose: purpose)
    }
    return v
  }
}
