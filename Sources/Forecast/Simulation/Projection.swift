/// The result of a scenario run on all its paths: the engines' outputs for the projection
/// years, the balance metrics per path, the fitted models, warnings and the files it read.
/// Its tables follow MODEL.md 9; with P > 1 they hold means over paths and the fan table
/// the distribution of the balance metrics.
public struct Projection: Sendable {
  /// The tables a run emits.
  public enum TableName: String, CaseIterable, Sendable {
    case supply, demand, balance, matching, fan, fit
  }

  /// What one batch of paths computes.
  struct Part: Sendable {
    let startYear: Int
    let cohort: CohortProjection
    let demand: DemandProjection
    let matches: [PathMatching]
    let fitRows: [FitRow]
    let warnings: [String]
    let ranges: [RangeCheck.Count]
  }

  public let scenario: Scenario
  /// The first simulated year (the latest first year of the intake series).
  public let startYear: Int
  /// The number of Monte Carlo paths.
  public let paths: Int
  public let cohort: CohortProjection
  public let demand: DemandProjection
  /// One matching per projection year, in order, on every path.
  public let matches: [PathMatching]
  /// The balance metrics (`Projection.balanceMetrics`, rows) per path, by projection year.
  public let balance: PathSeries
  public let fitRows: [FitRow]
  /// Things the analyst should know (calibration, model drivers, rates outside [0, 1]).
  public let warnings: [String]
  /// Every data file read, in first-use order.
  public let dataFiles: [String]

  /// base_year + 1 ... base_year + horizon.
  public var years: ClosedRange<Int> { scenario.info.projectionYears }

  /// Batches of paths, in path order, as one projection.
  init(joining parts: [Part], scenario: Scenario, dataFiles: [String]) {
    let first = parts[0]
    self.scenario = scenario
    self.startYear = first.startYear
    self.cohort = CohortProjection.joined(parts.map(\.cohort))
    self.demand = DemandProjection.joined(parts.map(\.demand))
    self.paths = cohort.paths
    self.matches = first.matches.indices.map { i in PathMatching.joined(parts.map { $0.matches[i] }) }
    self.fitRows = first.fitRows
    var ranges = first.ranges
    for part in parts.dropFirst() {
      for (k, count) in part.ranges.enumerated() {
        ranges[k].years.formUnion(count.years)
        ranges[k].pathYears += count.pathYears
      }
    }
    self.warnings = first.warnings + RangeCheck.warnings(ranges, paths: cohort.paths)
    self.dataFiles = dataFiles
    self.balance = Self.balance(cohort: cohort, matches: matches, paths: cohort.paths)
  }

  /// Balance metrics by year, in the column order of MODEL.md 9.
  public static let balanceMetrics = [
    "graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies", "coverage",
  ]

  /// The balance metrics of every path: graduates Σ_k G_k, new supply N, capacity D,
  /// placed P, unplaced N − P, vacancies Σ_s V_s, coverage D / N (NaN where N = 0).
  private static func balance(cohort: CohortProjection, matches: [PathMatching], paths: Int)
    -> PathSeries
  {
    let tracks = cohort.tracks.count
    let matrices = matches.map { match in
      let g = cohort.graduates[match.year]
      var m = Matrix(rows: balanceMetrics.count, columns: paths)
      for p in 0..<paths {
        var graduates = 0.0
        for k in 0..<tracks { graduates += g[k, g.columns == 1 ? 0 : p] }
        let n = match.supply[p]
        let d = match.capacity[p]
        m[0, p] = graduates
        m[1, p] = n
        m[2, p] = d
        m[3, p] = match.placed[p]
        m[4, p] = n - match.placed[p]
        m[5, p] = match.vacancies[p]
        m[6, p] = n == 0 ? .nan : d / n
      }
      return m
    }
    let first = matches.first?.year ?? 0
    return PathSeries(
      years: first...(first + matches.count - 1), names: balanceMetrics, paths: paths,
      matrices: matrices)
  }
}
