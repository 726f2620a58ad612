/// A shard of a global sensitivity analysis (MODEL.md 13): a run of consecutive design
/// points, each point's outputs (by year, then metric) and warnings, and what rebuilds the
/// design without the scenario: its method and sizes, metrics, years and inputs (name,
/// distribution, domain), and the scenario's `[scenario]` table (name, seed).
struct SensitivityShard: Sendable {
  let file: ShardFile
  let info: ScenarioInfo
  let method: GlobalSensitivity.Method
  let metrics: [String]
  let years: ClosedRange<Int>
  let inputs: [SensitivityInput]
  /// Each design point's outputs and warnings, in run order.
  let runs: [(outputs: [Double], warnings: [String])]
  let provenance: ShardProvenance

  /// The method, sizes, metrics and years as text, for the identity.
  static func options(_ analysis: GlobalSensitivity) -> String {
    let design: String
    switch analysis.method {
    case .sobol(let n, let secondOrder): design = "sobol samples \(n) second_order \(secondOrder)"
    case .morris(let r, let p): design = "morris trajectories \(r) levels \(p)"
    }
    return design + "; metrics " + analysis.metrics.names.joined(separator: ",")
      + "; years \(analysis.years.lowerBound)-\(analysis.years.upperBound)"
  }

  static func identity(
    _ analysis: GlobalSensitivity, data: ScenarioData, settings: [ResultMetadata.Setting]
  ) -> ShardIdentity {
    ShardIdentity(
      kind: .sensitivity, scenario: analysis.scenario, dataFiles: data.files,
      items: analysis.runCount, options: options(analysis) + ShardProvenance.options(settings))
  }

  /// Runs shard `spec` of `analysis`: design points floor(i M / N) ..< floor((i + 1) M / N).
  static func run(
    _ analysis: GlobalSensitivity, spec: ShardSpec, identity: ShardIdentity, data: ScenarioData,
    settings: [ResultMetadata.Setting], progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> SensitivityShard {
    let range = spec.share(of: analysis.runCount)
    let runs = try analysis.run(points: range, data: data, progress: progress)
    let provenance = ShardProvenance(analysis.scenario, settings: settings)
    var w = ShardWriter()
    w.info(analysis.scenario.info)
    provenance.encode(&w, scenario: analysis.scenario)
    switch analysis.method {
    case .sobol(let n, let secondOrder): w.strings(["sobol"]); w.ints([n, secondOrder ? 1 : 0])
    case .morris(let r, let p): w.strings(["morris"]); w.ints([r, p])
    }
    w.strings(analysis.metrics.names)
    w.ints([analysis.years.lowerBound, analysis.years.upperBound])
    w.int(analysis.inputs.count)
    for input in analysis.inputs {
      w.string(input.name)
      switch input.distribution {
      case .uniform(let a, let b): w.string("uniform"); w.doubles([a, b])
      case .triangular(let a, let m, let b): w.string("triangular"); w.doubles([a, m, b])
      case .normal(let mean, let sd): w.string("normal"); w.doubles([mean, sd])
      }
      w.optional(input.domain) { $0.doubles([$1.lowerBound, $1.upperBound]) }
    }
    w.int(runs.count)
    for run in runs {
      w.doubles(run.outputs)
      w.strings(run.warnings)
    }
    return SensitivityShard(
      file: ShardFile(identity: identity, spec: spec, items: range, results: w.bytes),
      info: analysis.scenario.info, method: analysis.method, metrics: analysis.metrics.names,
      years: analysis.years, inputs: analysis.inputs, runs: runs, provenance: provenance)
  }

  init(file: ShardFile, path: String) throws(ShardError) {
    var r = ShardReader(file.results)
    do throws(ShardReader.Damaged) {
      info = try r.info()
      provenance = try ShardProvenance(&r)
      let name = try r.strings("the method")
      let sizes = try r.ints("the design's sizes")
      guard name.count == 1, sizes.count == 2 else {
        throw ShardReader.Damaged(reason: "its method is not readable")
      }
      // Sizes a design could have: the analysis rebuilt from them is checked again.
      guard (1...(1 << 40)).contains(sizes[0]), (0...MorrisDesign.maximumLevels).contains(sizes[1])
      else { throw ShardReader.Damaged(reason: "its design's sizes are not readable") }
      switch name[0] {
      case "sobol": method = .sobol(baseSamples: sizes[0], secondOrder: sizes[1] != 0)
      case "morris": method = .morris(trajectories: sizes[0], levels: sizes[1])
      default: throw ShardReader.Damaged(reason: "its method '\(name[0])' is not one")
      }
      metrics = try r.strings("the metrics")
      let span = try r.ints("the years")
      guard span.count == 2, span[0] <= span[1], info.projectionYears.contains(span[0]),
        info.projectionYears.contains(span[1])
      else {
        throw ShardReader.Damaged(reason: "its years are not readable")
      }
      years = span[0]...span[1]
      var inputs: [SensitivityInput] = []
      for _ in 0..<(try r.count("inputs", size: 16)) {
        let name = try r.string("an input's name")
        let kind = try r.string("an input's distribution")
        let p = try r.doubles("an input's parameters")
        let domain = try r.optional("an input's domain") { (r: inout ShardReader) throws(ShardReader.Damaged) in
          try r.doubles("the domain")
        }
        let distribution: InputDistribution
        switch (kind, p.count) {
        case ("uniform", 2): distribution = .uniform(lower: p[0], upper: p[1])
        case ("triangular", 3): distribution = .triangular(lower: p[0], mode: p[1], upper: p[2])
        case ("normal", 2): distribution = .normal(mean: p[0], standardDeviation: p[1])
        default: throw ShardReader.Damaged(reason: "its input '\(name)' is not readable")
        }
        guard domain.map({ $0.count == 2 && $0[0] <= $0[1] }) ?? true,
          let input = try? SensitivityInput(
            name: name, distribution: distribution, domain: domain.map { $0[0]...$0[1] })
        else { throw ShardReader.Damaged(reason: "its input '\(name)' is not one") }
        inputs.append(input)
      }
      self.inputs = inputs
      var runs: [(outputs: [Double], warnings: [String])] = []
      for _ in 0..<(try r.count("design points", size: 16)) {
        let outputs = try r.doubles("a point's outputs")
        let warnings = try r.strings("a point's warnings")
        runs.append((outputs, warnings))
      }
      self.runs = runs
      guard r.isAtEnd else { throw ShardReader.Damaged(reason: "it has bytes after its results") }
    } catch {
      throw .damaged(path: path, reason: error.reason)
    }
    let width = years.count * metrics.count
    guard runs.count == file.items.count, runs.allSatisfy({ $0.outputs.count == width }),
      !inputs.isEmpty, metrics.allSatisfy({ BalanceMetric(rawValue: $0) != nil })
    else {
      throw .damaged(path: path, reason: "its results do not fit its range of design points")
    }
    self.file = file
  }

  private init(
    file: ShardFile, info: ScenarioInfo, method: GlobalSensitivity.Method, metrics: [String],
    years: ClosedRange<Int>, inputs: [SensitivityInput],
    runs: [(outputs: [Double], warnings: [String])], provenance: ShardProvenance
  ) {
    self.provenance = provenance
    self.file = file
    self.info = info
    self.method = method
    self.metrics = metrics
    self.years = years
    self.inputs = inputs
    self.runs = runs
  }

  /// The whole analysis's result from its shards, in run order (checked already).
  static func result(_ shards: [(path: String, shard: SensitivityShard)]) throws(ShardError)
    -> SensitivityResult
  {
    let first = shards[0].shard
    let analysis: GlobalSensitivity
    do throws(WhatIfError) {
      analysis = try GlobalSensitivity(
        scenario: Scenario(info: first.info), inputs: first.inputs, method: first.method,
        metrics: MetricSelection(parsing: first.metrics.joined(separator: ",")), years: first.years)
    } catch {
      throw .damaged(path: shards[0].path, reason: "its design is not one: \(error)")
    }
    guard analysis.runCount == first.file.identity.items else {
      throw .damaged(path: shards[0].path, reason: "its design does not give its number of design points")
    }
    let runs = shards.flatMap(\.shard.runs)
    return analysis.result(outputs: runs.map(\.outputs), warnings: runs.map(\.warnings))
  }
}
