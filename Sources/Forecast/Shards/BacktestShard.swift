/// A shard of a backtest (MODEL.md 13): a run of consecutive origins, each origin's
/// forecasts, MASE scale and report (status and warnings; a rejection kept as its message
/// with its settings left to spell), and the backtest's series, metric and level so that
/// the merged tables can be written without the scenario.
struct BacktestShard: Sendable {
  let file: ShardFile
  let scenario: String
  let series: String
  let metric: String
  let level: Double
  let part: Backtest.Part
  let info: ScenarioInfo
  let provenance: ShardProvenance

  /// The backtest's settings as text, for the identity.
  static func options(_ backtest: Backtest) -> String {
    "origins \(backtest.origins.lowerBound)-\(backtest.origins.upperBound); horizon "
      + "\(backtest.horizon); series \(backtest.series); metric \(backtest.metric); level "
      + Table.roundTripText(backtest.level) + "; max_yield "
      + Table.roundTripText(backtest.maximumYield)
  }

  static func identity(
    _ backtest: Backtest, data: [String], settings: [ResultMetadata.Setting]
  ) -> ShardIdentity {
    ShardIdentity(
      kind: .backtest, scenario: backtest.scenario, dataFiles: data,
      items: backtest.origins.count, options: options(backtest) + ShardProvenance.options(settings))
  }

  /// Runs shard `spec` of `backtest`: origins floor(i M / N) ..< floor((i + 1) M / N).
  static func run(
    _ backtest: Backtest, spec: ShardSpec, identity: ShardIdentity,
    settings: [ResultMetadata.Setting]
  ) throws(BacktestError) -> BacktestShard {
    let range = spec.share(of: backtest.origins.count)
    let part = try backtest.run(origins: range)
    let provenance = ShardProvenance(backtest.scenario, settings: settings)
    var w = ShardWriter()
    w.info(backtest.scenario.info)
    provenance.encode(&w, scenario: backtest.scenario)
    w.strings([backtest.scenario.info.name, backtest.series, backtest.metric])
    w.double(backtest.level)
    w.int(part.forecasts.count)
    for f in part.forecasts {
      w.ints([f.origin, f.step])
      w.doubles([f.actual] + f.forecasts)
      w.optional(f.interval) { $0.doubles([$1.lowerBound, $1.upperBound]) }
      w.optional(f.crps) { $0.double($1) }
    }
    let years = part.scales.keys.sorted()
    w.ints(years)
    w.doubles(years.map { part.scales[$0] ?? .nan })
    w.int(part.origins.count)
    for o in part.origins {
      w.int(o.origin)
      switch o.status {
      case .ok:
        w.string("ok")
      case .implausible(let yields):
        w.string("implausible")
        w.strings(yields.map(\.track))
        w.doubles(yields.map(\.yield))
        w.doubles(yields.map(\.maximum))
      case .rejected(let error):
        w.string("rejected")
        w.string(error.message(naming: .placeholder))
      }
      w.strings(o.warnings)
    }
    return BacktestShard(
      file: ShardFile(identity: identity, spec: spec, items: range, results: w.bytes),
      scenario: backtest.scenario.info.name, series: backtest.series, metric: backtest.metric,
      level: backtest.level, part: part, info: backtest.scenario.info, provenance: provenance)
  }

  init(file: ShardFile, path: String) throws(ShardError) {
    var r = ShardReader(file.results)
    do throws(ShardReader.Damaged) {
      info = try r.info()
      provenance = try ShardProvenance(&r)
      let names = try r.strings("the scenario, series and metric")
      guard names.count == 3 else { throw ShardReader.Damaged(reason: "its series is not readable") }
      (scenario, series, metric) = (names[0], names[1], names[2])
      level = try r.double("the level")
      var part = Backtest.Part()
      for _ in 0..<(try r.count("forecasts", size: 16)) {
        let at = try r.ints("a forecast's origin and step")
        let values = try r.doubles("a forecast's values")
        let interval = try r.optional("an interval") { (r: inout ShardReader) throws(ShardReader.Damaged) in
          try r.doubles("the interval")
        }
        let crps = try r.optional("a CRPS") { (r: inout ShardReader) throws(ShardReader.Damaged) in
          try r.double("the CRPS")
        }
        guard at.count == 2, Backtest.years.contains(at[0]), (1...ScenarioInfo.maximumHorizon).contains(at[1]),
          values.count == 1 + Backtest.methods.count,
          interval.map({ $0.count == 2 && $0[0] <= $0[1] }) ?? true
        else { throw ShardReader.Damaged(reason: "a forecast is not readable") }
        var forecast = Backtest.Forecast(
          origin: at[0], step: at[1], actual: values[0], forecasts: Array(values.dropFirst()))
        forecast.interval = interval.map { $0[0]...$0[1] }
        forecast.crps = crps
        part.forecasts.append(forecast)
      }
      let years = try r.ints("the scales' origins")
      let scales = try r.doubles("the scales")
      guard years.count == scales.count else {
        throw ShardReader.Damaged(reason: "its scales are not readable")
      }
      for (year, scale) in zip(years, scales) { part.scales[year] = scale }
      for _ in 0..<(try r.count("origins", size: 16)) {
        let origin = try r.int("an origin")
        let status: Backtest.Origin.Status
        switch try r.string("an origin's status") {
        case "ok":
          status = .ok
        case "implausible":
          let tracks = try r.strings("the implausible tracks")
          let yields = try r.doubles("their yields")
          let maxima = try r.doubles("their maxima")
          guard tracks.count == yields.count, yields.count == maxima.count else {
            throw ShardReader.Damaged(reason: "origin \(origin)'s yields are not readable")
          }
          status = .implausible(
            tracks.indices.map {
              Backtest.Origin.Implausible(track: tracks[$0], yield: yields[$0], maximum: maxima[$0])
            })
        case "rejected":
          status = .rejected(.recorded(template: try r.string("the rejection")))
        case let other:
          throw ShardReader.Damaged(reason: "origin \(origin)'s status '\(other)' is not one")
        }
        part.origins.append(
          Backtest.Origin(origin: origin, status: status, warnings: try r.strings("the warnings")))
      }
      self.part = part
      guard r.isAtEnd else { throw ShardReader.Damaged(reason: "it has bytes after its results") }
    } catch {
      throw .damaged(path: path, reason: error.reason)
    }
    let years = part.origins.map(\.origin)
    guard years.count == file.items.count, years.allSatisfy(Backtest.years.contains),
      zip(years, years.dropFirst()).allSatisfy({ $1 == $0 + 1 })
    else {
      throw .damaged(path: path, reason: "its results do not fit its range of origins")
    }
    self.file = file
  }

  private init(
    file: ShardFile, scenario: String, series: String, metric: String, level: Double,
    part: Backtest.Part, info: ScenarioInfo, provenance: ShardProvenance
  ) {
    self.info = info
    self.provenance = provenance
    self.file = file
    self.scenario = scenario
    self.series = series
    self.metric = metric
    self.level = level
    self.part = part
  }

  /// The whole backtest's result from its shards, in origin order (checked already).
  static func result(_ shards: [(path: String, shard: BacktestShard)]) throws(ShardError)
    -> BacktestResult
  {
    let first = shards[0].shard
    var scales: [Int: Double] = [:]
    for (_, shard) in shards { scales.merge(shard.part.scales) { a, _ in a } }
    return BacktestResult(
      scenario: first.scenario, series: first.series, metric: first.metric, level: first.level,
      forecasts: shards.flatMap(\.shard.part.forecasts), scales: scales,
      origins: shards.flatMap(\.shard.part.origins))
  }
}
