/// How a run shard's reduced results are written and read back: block sums, the balance
/// metrics per path, the fit rows, warnings and counts, bit for bit. Reading checks every
/// shape that a later step assumes, so a damaged file is an error, never a failed assertion.
extension ShardWriter {
  mutating func matrix(_ m: Matrix) {
    ints([m.rows, m.columns])
    doubles(m.storage)
  }

  mutating func info(_ info: ScenarioInfo) {
    string(info.name)
    optional(info.title) { $0.string($1) }
    ints([info.baseYear, info.horizon, info.paths, info.seed])
    doubles(info.quantiles)
  }

  mutating func blockSums(_ s: BlockSums) {
    ints([s.years.lowerBound, s.years.upperBound, s.rows, s.paths])
    for m in s.sums { matrix(m) }
    for f in s.first { doubles(f) }
    for e in s.equal { doubles(e.map { $0 ? 1 : 0 }) }
  }

  mutating func pathSeries(_ s: PathSeries) {
    ints([s.years.lowerBound, s.years.upperBound, s.paths])
    strings(s.names)
    for m in s.matrices { matrix(m) }
  }

  mutating func batch(_ b: BatchResult) {
    ints([b.startYear, b.firstPath])
    for names in [b.tracks, b.sectors, b.fields] { strings(names) }
    for metric in SupplyMetric.allCases { blockSums(b.supply[metric]) }
    for metric in DemandMetric.allCases { blockSums(b.demand[metric]) }
    blockSums(b.placements)
    pathSeries(b.balance)
    int(b.fitRows.count)
    for row in b.fitRows {
      strings([row.model, row.term])
      doubles([row.estimate, row.standardError, row.t, row.pValue])
    }
    strings(b.warnings)
    int(b.ranges.count)
    for count in b.ranges {
      strings([count.label, count.what])
      ints(count.years.sorted())
      int(count.pathYears)
    }
    let names = b.clamps.keys.sorted()
    strings(names)
    for name in names {
      let entry = b.clamps[name]!
      doubles([entry.domain.lower, entry.domain.upper])
      bool(entry.rescaled)
      ints(entry.years.sorted())
      int(entry.pathYears)
    }
  }
}

extension ShardReader {
  private static func damaged(_ reason: String) -> Damaged { Damaged(reason: reason) }

  mutating func matrix(_ what: String) throws(Damaged) -> Matrix {
    let shape = try ints("the shape of \(what)")
    let storage = try doubles(what)
    guard shape.count == 2, shape[0] >= 0, shape[1] >= 0,
      shape[0].multipliedReportingOverflow(by: shape[1]) == (storage.count, false)
    else { throw Self.damaged("\(what) does not have the shape it gives") }
    return Matrix(rows: shape[0], columns: shape[1], columnMajor: storage)
  }

  mutating func info() throws(Damaged) -> ScenarioInfo {
    let name = try string("the scenario name")
    let title = try optional("a title") { (r: inout ShardReader) throws(Damaged) in try r.string("the title") }
    let numbers = try ints("the scenario's years and paths")
    let quantiles = try doubles("the quantile levels")
    // The scenario decoder's rules, so that a file edited with its checksum made good again
    // cannot hand the tables a year, horizon or level no scenario can have.
    guard numbers.count == 4, (1000...9999).contains(numbers[0]),
      (1...ScenarioInfo.maximumHorizon).contains(numbers[1]),
      (1...ScenarioInfo.maximumPaths).contains(numbers[2])
    else { throw Self.damaged("its scenario's years and paths are not readable") }
    let columns = Set(quantiles.map(RunTable.quantileColumn))
    guard !quantiles.isEmpty, columns.count == quantiles.count,
      quantiles.allSatisfy({ $0 >= 1e-6 && $0 <= 1 - 1e-6 })
    else { throw Self.damaged("its quantile levels are not levels in (0, 1) with distinct columns") }
    return ScenarioInfo(
      name: name, title: title, baseYear: numbers[0], horizon: numbers[1], paths: numbers[2],
      seed: numbers[3], quantiles: quantiles)
  }

  private mutating func years(_ what: String) throws(Damaged) -> (ClosedRange<Int>, [Int]) {
    let numbers = try ints(what)
    guard numbers.count >= 2, numbers[0] <= numbers[1], numbers[1] - numbers[0] < 10_000 else {
      throw Self.damaged("the years of \(what) are not a range")
    }
    return (numbers[0]...numbers[1], Array(numbers.dropFirst(2)))
  }

  mutating func blockSums(_ what: String) throws(Damaged) -> BlockSums {
    let (years, numbers) = try self.years(what)
    guard numbers.count == 2, numbers[0] >= 0, (1...ScenarioInfo.maximumPaths).contains(numbers[1]) else {
      throw Self.damaged("the shape of \(what) is not readable")
    }
    let (rows, paths) = (numbers[0], numbers[1])
    let blocks = (paths + BlockSums.block - 1) / BlockSums.block
    var sums: [Matrix] = []
    for _ in years {
      let m = try matrix(what)
      guard m.rows == rows, m.columns == blocks else {
        throw Self.damaged("\(what) has \(m.rows) × \(m.columns) sums for \(rows) rows of \(paths) paths")
      }
      sums.append(m)
    }
    var first: [[Double]] = []
    for _ in years {
      let f = try doubles(what)
      guard f.count == rows else { throw Self.damaged("\(what) has \(f.count) values for \(rows) rows") }
      first.append(f)
    }
    var equal: [[Bool]] = []
    for _ in years {
      let e = try doubles(what)
      guard e.count == rows else { throw Self.damaged("\(what) has \(e.count) flags for \(rows) rows") }
      equal.append(e.map { $0 != 0 })
    }
    return BlockSums(years: years, rows: rows, sums: sums, first: first, equal: equal, paths: paths)
  }

  mutating func pathSeries(_ what: String) throws(Damaged) -> PathSeries {
    let (years, numbers) = try self.years(what)
    guard numbers.count == 1, numbers[0] >= 1 else { throw Self.damaged("\(what) has no paths") }
    let paths = numbers[0]
    let names = try strings("the rows of \(what)")
    var matrices: [Matrix] = []
    for _ in years {
      let m = try matrix(what)
      guard m.rows == names.count, m.columns == paths || m.columns == 1 else {
        throw Self.damaged("\(what) has \(m.rows) × \(m.columns) values for \(names.count) rows of \(paths) paths")
      }
      matrices.append(m)
    }
    return PathSeries(years: years, names: names, paths: paths, matrices: matrices)
  }

  mutating func batch() throws(Damaged) -> BatchResult {
    let numbers = try ints("the first year and path")
    guard numbers.count == 2 else { throw Self.damaged("its first year and path are missing") }
    let tracks = try strings("the tracks")
    let sectors = try strings("the sectors")
    let fields = try strings("the fields")
    var supply: [BlockSums] = []
    for metric in SupplyMetric.allCases { supply.append(try blockSums("the \(metric.rawValue) sums")) }
    var demand: [BlockSums] = []
    for metric in DemandMetric.allCases { demand.append(try blockSums("the \(metric.rawValue) sums")) }
    let placements = try blockSums("the placement sums")
    let balance = try pathSeries("the balance metrics")
    let all = supply + demand + [placements]
    guard all.allSatisfy({ $0.paths == balance.paths }),
      supply.allSatisfy({ $0.rows == tracks.count }), demand.allSatisfy({ $0.rows == sectors.count }),
      placements.rows == fields.count * sectors.count, balance.names == BalanceMetric.names
    else { throw Self.damaged("its sums and balance metrics do not fit its tracks, sectors and paths") }
    var fitRows: [FitRow] = []
    for _ in 0..<(try count("fit rows", size: 16)) {
      let text = try strings("a fit row")
      let values = try doubles("a fit row")
      guard text.count == 2, values.count == 4 else { throw Self.damaged("a fit row is not readable") }
      fitRows.append(
        FitRow(
          model: text[0], term: text[1], estimate: values[0], standardError: values[1], t: values[2],
          pValue: values[3]))
    }
    let warnings = try strings("the warnings")
    var ranges: [RangeCheck.Count] = []
    for _ in 0..<(try count("range counts", size: 16)) {
      let text = try strings("a range count")
      let years = try ints("a range count's years")
      let pathYears = try int("a range count's path-years")
      guard text.count == 2 else { throw Self.damaged("a range count is not readable") }
      ranges.append(RangeCheck.Count(label: text[0], what: text[1], years: Set(years), pathYears: pathYears))
    }
    var clamps: [String: ClampLog.Entry] = [:]
    for name in try strings("the clamped parameters") {
      let domain = try doubles("a clamp's domain")
      let rescaled = try bool("a clamp's rescaling")
      let years = try ints("a clamp's years")
      let pathYears = try int("a clamp's path-years")
      guard domain.count == 2 else { throw Self.damaged("a clamp's domain is not readable") }
      clamps[name] = ClampLog.Entry(
        domain: ParameterDomain(lower: domain[0], upper: domain[1]), rescaled: rescaled,
        years: Set(years), pathYears: pathYears)
    }
    func sums(_ s: [BlockSums]) -> SupplySums {
      SupplySums(intake: s[0], enrolled: s[1], graduates: s[2], continuing: s[3], newSupply: s[4])
    }
    return BatchResult(
      startYear: numbers[0], firstPath: numbers[1], tracks: tracks, sectors: sectors, fields: fields,
      supply: sums(supply),
      demand: DemandSums(employment: demand[0], openings: demand[1], capacity: demand[2]),
      placements: placements, balance: balance, engines: nil, fitRows: fitRows, warnings: warnings,
      ranges: ranges, clamps: clamps)
  }
}
