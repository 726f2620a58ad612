/// A shard of a sweep (MODEL.md 13): a run of consecutive grid points, each point's
/// statistics (mean and quantiles per year and metric) and warnings, the unswept scenario's
/// statistics (every shard runs it, the same bytes each time), and the sweep's axes, op, span
/// and metrics so that the merged table can be written without the scenario.
struct SweepShard: Sendable {
  let file: ShardFile
  let info: ScenarioInfo
  let axes: [SweepAxis]
  let operation: ShockSpec.Operation
  let from: Int
  let to: Int?
  let metrics: [String]
  let points: [SweepResult.Point]
  let base: SweepResult.Point
  let provenance: ShardProvenance

  /// The sweep's axes and metrics as text, for the identity: values in round-trip form; then
  /// the op and span when they are not `set` over the projection years.
  static func options(_ sweep: Sweep) -> String {
    sweep.axes.map { axis in
      "\(axis.target.path)=" + axis.values.map(Table.roundTripText).joined(separator: ",")
    }.joined(separator: "; ") + "; metrics " + sweep.metrics.names.joined(separator: ",")
      + (sweep.isDefaultShock
        ? "" : "; \(sweep.operation.rawValue) \(sweep.from)" + (sweep.to.map { "-\($0)" } ?? ""))
  }

  static func identity(_ sweep: Sweep, data: ScenarioData, settings: [ResultMetadata.Setting])
    -> ShardIdentity
  {
    ShardIdentity(
      kind: .sweep, scenario: sweep.scenario, dataFiles: data.files, items: sweep.pointCount,
      options: options(sweep) + ShardProvenance.options(settings))
  }

  /// Runs shard `spec` of `sweep`: points floor(i M / N) ..< floor((i + 1) M / N).
  static func run(
    _ sweep: Sweep, spec: ShardSpec, identity: ShardIdentity, data: ScenarioData,
    settings: [ResultMetadata.Setting], progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> SweepShard {
    let range = spec.share(of: sweep.pointCount)
    let base = try sweep.runUnswept(data: data)
    let points = try sweep.run(points: range, data: data, progress: progress)
    let provenance = ShardProvenance(sweep.scenario, settings: settings)
    var w = ShardWriter()
    w.info(sweep.scenario.info)
    provenance.encode(&w, scenario: sweep.scenario)
    w.int(sweep.axes.count)
    for axis in sweep.axes {
      w.string(axis.target.path)
      w.doubles(axis.values)
    }
    w.string(sweep.operation.rawValue)
    w.int(sweep.from)
    w.int(sweep.to ?? Int.min)
    w.strings(sweep.metrics.names)
    w.doubles(base.statistics)
    w.strings(base.warnings)
    w.int(points.count)
    for point in points {
      w.doubles(point.statistics)
      w.strings(point.warnings)
    }
    return SweepShard(
      file: ShardFile(identity: identity, spec: spec, items: range, results: w.bytes),
      info: sweep.scenario.info, axes: sweep.axes, operation: sweep.operation, from: sweep.from,
      to: sweep.to, metrics: sweep.metrics.names, points: points, base: base,
      provenance: provenance)
  }

  init(file: ShardFile, path: String) throws(ShardError) {
    var r = ShardReader(file.results)
    do throws(ShardReader.Damaged) {
      info = try r.info()
      provenance = try ShardProvenance(&r)
      var axes: [SweepAxis] = []
      for _ in 0..<(try r.count("axes", size: 16)) {
        let text = try r.string("an axis's target")
        let values = try r.doubles("an axis's values")
        guard let target = ShockTarget(path: text), !values.isEmpty else {
          throw ShardReader.Damaged(reason: "its axis '\(text)' is not readable")
        }
        axes.append(SweepAxis(target: target, values: values))
      }
      self.axes = axes
      let op = try r.string("the sweep's op")
      guard let operation = ShockSpec.Operation(rawValue: op) else {
        throw ShardReader.Damaged(reason: "its op '\(op)' is not readable")
      }
      self.operation = operation
      from = try r.int("the first year")
      let last = try r.int("the last year")
      to = last == Int.min ? nil : last
      metrics = try r.strings("the metrics")
      base = SweepResult.Point(
        statistics: try r.doubles("the unswept statistics"),
        warnings: try r.strings("the unswept warnings"))
      var points: [SweepResult.Point] = []
      for _ in 0..<(try r.count("grid points", size: 16)) {
        let statistics = try r.doubles("a point's statistics")
        let warnings = try r.strings("a point's warnings")
        points.append(SweepResult.Point(statistics: statistics, warnings: warnings))
      }
      self.points = points
      guard r.isAtEnd else { throw ShardReader.Damaged(reason: "it has bytes after its results") }
    } catch {
      throw .damaged(path: path, reason: error.reason)
    }
    let width = info.projectionYears.count * metrics.count
      * ((info.paths > 1 ? info.quantiles.count : 0) + 1)
    guard points.count == file.items.count, points.allSatisfy({ $0.statistics.count == width }),
      base.statistics.count == width,
      !axes.isEmpty, metrics.allSatisfy({ BalanceMetric(rawValue: $0) != nil })
    else {
      throw .damaged(path: path, reason: "its results do not fit its range of grid points")
    }
    self.file = file
  }

  private init(
    file: ShardFile, info: ScenarioInfo, axes: [SweepAxis], operation: ShockSpec.Operation,
    from: Int, to: Int?, metrics: [String], points: [SweepResult.Point], base: SweepResult.Point,
    provenance: ShardProvenance
  ) {
    self.provenance = provenance
    self.file = file
    self.info = info
    self.axes = axes
    self.operation = operation
    self.from = from
    self.to = to
    self.metrics = metrics
    self.points = points
    self.base = base
  }

  /// The whole sweep's result from its shards, in point order (checked already).
  static func result(_ shards: [(path: String, shard: SweepShard)]) throws(ShardError) -> SweepResult {
    let first = shards[0].shard
    let sweep: Sweep
    do throws(WhatIfError) {
      sweep = try Sweep(
        scenario: Scenario(info: first.info), axes: first.axes,
        metrics: MetricSelection(parsing: first.metrics.joined(separator: ",")),
        operation: first.operation, from: first.from, to: first.to)
    } catch {
      throw .damaged(path: shards[0].path, reason: "its sweep is not one: \(error)")
    }
    guard sweep.pointCount == first.file.identity.items else {
      throw .damaged(path: shards[0].path, reason: "its axes do not give its number of grid points")
    }
    return SweepResult(
      sweep: sweep, levels: SweepResult.levels(sweep.scenario), points: shards.flatMap(\.shard.points),
      base: first.base)
  }
}
