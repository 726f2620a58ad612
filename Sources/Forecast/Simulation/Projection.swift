/// The result of a scenario run on all its paths: the engines' outputs for the projection
/// years, the balance metrics per path, the fitted models, warnings and the files it read.
/// Its tables follow MODEL.md 9; with P > 1 they hold means over paths and the fan table
/// the distribution of the balance metrics.
public struct Projection: Sendable {
  /// Every engine output on every path, kept when a run asks for it (`keepPaths`).
  public struct Engines: Sendable {
    public let cohort: CohortProjection
    public let demand: DemandProjection
    /// One matching per projection year, in order.
    public let matches: [PathMatching]
  }

  public let scenario: Scenario
  /// The first simulated year (the latest first year of the intake series).
  public let startYear: Int
  /// The number of Monte Carlo paths.
  public let paths: Int
  /// Track, sector and field names in table order.
  public let tracks: [String]
  public let sectors: [String]
  public let fields: [String]
  let supplySums: SupplySums
  let demandSums: DemandSums
  let placementSums: BlockSums
  /// The engines' outputs per path; nil unless the run kept them.
  public let engines: Engines?
  /// The balance metrics per path of each batch, in path order: joined only when asked for
  /// (`balance`), since the tables read them one metric and year at a time.
  let balanceParts: [PathSeries]
  public let fitRows: [FitRow]
  /// Things the analyst should know (calibration, model drivers, rates outside [0, 1]).
  public let warnings: [String]
  /// Every data file read, in first-use order.
  public let dataFiles: [String]

  /// The cohort engine's output on every path (a run that kept them).
  public var cohort: CohortProjection { kept.cohort }
  /// The demand engine's output on every path (a run that kept them).
  public var demand: DemandProjection { kept.demand }
  /// The matchings on every path (a run that kept them).
  public var matches: [PathMatching] { kept.matches }

  private var kept: Engines {
    guard let engines else {
      preconditionFailure("Projection: the run kept no per-path engine outputs (run(keepPaths: true))")
    }
    return engines
  }

  /// base_year + 1 ... base_year + horizon.
  public var years: ClosedRange<Int> { scenario.info.projectionYears }

  /// The balance metrics (`BalanceMetric.names`, rows) per path, by projection year:
  /// the batches joined, a copy of every path's values.
  public var balance: PathSeries { PathSeries.joined(balanceParts) }

  /// The values of balance metric `metric` in projection year `year`, one per path in path
  /// order, read from the batches without joining them.
  public func balanceValues(_ metric: BalanceMetric, year: Int) -> [Double] {
    let row = metric.row
    var values: [Double] = []
    values.reserveCapacity(paths)
    for part in balanceParts {
      let m = part[year]
      if m.columns == 1 {
        values.append(contentsOf: repeatElement(m[row, 0], count: part.paths))
      } else {
        for p in 0..<part.paths { values.append(m[row, p]) }
      }
    }
    return values
  }

  /// Batches of paths, in path order, as one projection.
  init(joining parts: [BatchResult], scenario: Scenario, dataFiles: [String]) {
    let first = parts[0]
    self.scenario = scenario
    self.startYear = first.startYear
    self.tracks = first.tracks
    self.sectors = first.sectors
    self.fields = first.fields
    self.supplySums = SupplySums.joined(parts.map(\.supply))
    self.demandSums = DemandSums.joined(parts.map(\.demand))
    self.placementSums = BlockSums.joined(parts.map(\.placements))
    self.balanceParts = parts.map(\.balance)
    self.paths = balanceParts.reduce(0) { $0 + $1.paths }
    if parts.allSatisfy({ $0.engines != nil }) {
      let engines = parts.compactMap(\.engines)
      self.engines = Engines(
        cohort: CohortProjection.joined(engines.map(\.cohort)),
        demand: DemandProjection.joined(engines.map(\.demand)),
        matches: engines[0].matches.indices.map { i in PathMatching.joined(engines.map { $0.matches[i] }) })
    } else {
      self.engines = nil
    }
    self.fitRows = first.fitRows
    let ranges = RangeCheck.joined(parts.map(\.ranges))
    self.warnings = first.warnings + RangeCheck.warnings(ranges, paths: paths)
      + ClampLog.warnings(ClampLog.joined(parts.map(\.clamps)), paths: paths)
    self.dataFiles = dataFiles
  }
}
