/// What one batch of paths reduces to as soon as it is done: the balance metrics per path
/// (the fan and compare need each path's), block sums of every other table cell, and, when
/// asked for, every engine output per path.
struct BatchResult: Sendable {
  let startYear: Int
  let firstPath: Int
  let tracks: [String]
  let sectors: [String]
  let fields: [String]
  let supply: SupplySums
  let demand: DemandSums
  /// Placements, rows field · sectors + sector.
  let placements: BlockSums
  /// `BalanceMetric` rows, per path.
  let balance: PathSeries
  let engines: Projection.Engines?
  let fitRows: [FitRow]
  let warnings: [String]
  let ranges: [RangeCheck.Count]
  /// Values clamped into their domain, by parameter.
  let clamps: [String: ClampLog.Entry]

  /// Consecutive batches as one, in path order, without their engine outputs: what a shard
  /// of a run (MODEL.md 13) keeps of its batches. Every part but the last holds whole blocks.
  static func joined(_ parts: [BatchResult]) -> BatchResult {
    let first = parts[0]
    return BatchResult(
      startYear: first.startYear, firstPath: first.firstPath, tracks: first.tracks,
      sectors: first.sectors, fields: first.fields,
      supply: .joined(parts.map(\.supply)), demand: .joined(parts.map(\.demand)),
      placements: .joined(parts.map(\.placements)),
      balance: PathSeries.joined(parts.map(\.balance)), engines: nil,
      fitRows: first.fitRows, warnings: first.warnings,
      ranges: RangeCheck.joined(parts.map(\.ranges)), clamps: ClampLog.joined(parts.map(\.clamps)))
  }

  /// The balance metrics of every path: graduates Σ_k G_k, new supply N, capacity D,
  /// placed P, unplaced N − P, vacancies Σ_s V_s, coverage D / N (NaN where N = 0).
  static func balance(cohort: CohortProjection, matches: [PathMatching], paths: Int)
    -> PathSeries
  {
    let tracks = cohort.tracks.count
    let matrices = matches.map { match in
      let g = cohort.graduates[match.year]
      var m = Matrix(rows: BalanceMetric.names.count, columns: paths)
      for p in 0..<paths {
        var graduates = 0.0
        for k in 0..<tracks { graduates += g[k, g.columns == 1 ? 0 : p] }
        let n = match.supply[p]
        let d = match.capacity[p]
        m[BalanceMetric.graduates.row, p] = graduates
        m[BalanceMetric.newSupply.row, p] = n
        m[BalanceMetric.capacity.row, p] = d
        m[BalanceMetric.placed.row, p] = match.placed[p]
        m[BalanceMetric.unplaced.row, p] = n - match.placed[p]
        m[BalanceMetric.vacancies.row, p] = match.vacancies[p]
        m[BalanceMetric.coverage.row, p] = n == 0 ? .nan : d / n
      }
      return m
    }
    let first = matches.first?.year ?? 0
    return PathSeries(
      years: first...(first + matches.count - 1), names: BalanceMetric.names, paths: paths,
      matrices: matrices)
  }
}

/// Block sums of the supply table's metrics (rows: tracks), by name.
struct SupplySums: Sendable {
  let intake, enrolled, graduates, continuing, newSupply: BlockSums

  init(intake: BlockSums, enrolled: BlockSums, graduates: BlockSums, continuing: BlockSums, newSupply: BlockSums) {
    self.intake = intake
    self.enrolled = enrolled
    self.graduates = graduates
    self.continuing = continuing
    self.newSupply = newSupply
  }

  /// The block sums of a batch's cohort projection in `years` (the projection years).
  init(_ cohort: CohortProjection, years: ClosedRange<Int>, firstPath: Int) {
    let sums = { (series: PathSeries) in BlockSums(series.restricted(to: years), firstPath: firstPath) }
    self.init(
      intake: sums(cohort.intake), enrolled: sums(cohort.enrolled),
      graduates: sums(cohort.graduates), continuing: sums(cohort.continuing),
      newSupply: sums(cohort.newSupply))
  }

  subscript(metric: SupplyMetric) -> BlockSums {
    switch metric {
    case .intake: return intake
    case .enrolled: return enrolled
    case .graduates: return graduates
    case .continuing: return continuing
    case .newSupply: return newSupply
    }
  }

  /// Consecutive batches' sums, in path order.
  static func joined(_ parts: [SupplySums]) -> SupplySums {
    SupplySums(
      intake: .joined(parts.map(\.intake)), enrolled: .joined(parts.map(\.enrolled)),
      graduates: .joined(parts.map(\.graduates)), continuing: .joined(parts.map(\.continuing)),
      newSupply: .joined(parts.map(\.newSupply)))
  }
}

/// Block sums of the demand table's metrics (rows: sectors), by name.
struct DemandSums: Sendable {
  let employment, openings, capacity: BlockSums

  init(employment: BlockSums, openings: BlockSums, capacity: BlockSums) {
    self.employment = employment
    self.openings = openings
    self.capacity = capacity
  }

  /// The block sums of a batch's demand projection.
  init(_ demand: DemandProjection, firstPath: Int) {
    self.init(
      employment: BlockSums(demand.employment, firstPath: firstPath),
      openings: BlockSums(demand.openings, firstPath: firstPath),
      capacity: BlockSums(demand.capacity, firstPath: firstPath))
  }

  subscript(metric: DemandMetric) -> BlockSums {
    switch metric {
    case .employment: return employment
    case .openings: return openings
    case .capacity: return capacity
    }
  }

  /// Consecutive batches' sums, in path order.
  static func joined(_ parts: [DemandSums]) -> DemandSums {
    DemandSums(
      employment: .joined(parts.map(\.employment)), openings: .joined(parts.map(\.openings)),
      capacity: .joined(parts.map(\.capacity)))
  }
}
