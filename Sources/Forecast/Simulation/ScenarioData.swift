import Foundation

/// The data series of a scenario, read from their CSV files, by year: each a column times its
/// `scale` (MODEL.md 1). Values after `base_year` are hidden, which keeps backtests honest.
/// Years are checked (`YearColumn`): a cell that is not a whole year in range, a value without
/// a year or a year given twice in a series is an error naming the file and lines.
struct ScenarioData {
  /// A series' values by year and where they came from.
  struct Series {
    let name: String
    let file: String
    let values: [Int: Double]
    var years: ClosedRange<Int>? {
      guard let first = values.keys.min(), let last = values.keys.max() else { return nil }
      return first...last
    }
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
      if let column = table.numericColumn(named: spec.column) {
        let all: [Int: Double]
        do { all = try years.series(column, named: spec.column) } catch {
          throw .dataYears(series: spec.name, error)
        }
        for (year, value) in all where year <= baseYear { values[year] = value * spec.scale }
      }
      series[spec.name] = Series(name: spec.name, file: spec.file, values: values)
    }
    self.series = series
    self.files = files
  }

  /// The value of `name` in `year`, or an error naming series, year, file and purpose.
  func value(_ name: String, _ year: Int, for purpose: String) throws(SimulationError) -> Double {
    guard let s = series[name] else {
      throw .missingValue(series: name, year: year, file: "?", purpose: purpose)
    }
    guard let v = s.values[year] else {
      throw .missingValue(series: name, year: year, file: s.file, purpose: purpose)
    }
    return v
  }
}
