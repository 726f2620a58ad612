import Foundation

/// Global sensitivity of the balance metrics to a scenario's `[[uncertain]]` inputs
/// (MODEL.md 12): a Morris or Saltelli design over the inputs, one run of the scenario per
/// design point, and the indices per projection year and metric.
///
/// Design point d is the scenario with one shock per input, `op value_d` on its target from
/// base_year + 1 on, after the scenario's own shocks. Values are drawn truncated to the domain
/// of the drawn quantity (a `set` value the target's, a `scale` factor [0, ∞), an `add`
/// none). Every point runs with the scenario's seed and paths (common random numbers), and its
/// output is the mean over paths, so the result is the same bytes whatever the thread count.
///
/// The Saltelli design skips the first N points of the Sobol sequence (SALib's
/// `skip_values = N`, `scramble = False`): the sequence's point 0 is the origin, where an
/// unbounded normal input would be −∞. The Morris design's trajectories are drawn from the
/// scenario's seed.
public struct GlobalSensitivity: Sendable {
  /// The design and its size.
  public enum Method: Sendable, Equatable {
    /// Sobol indices on a Saltelli design of N base points (a power of two).
    case sobol(baseSamples: Int, secondOrder: Bool)
    /// Morris elementary effects over r trajectories on a p-level grid.
    case morris(trajectories: Int, levels: Int)

    /// SALib's defaults: N = 1,024 without second order; r = 10, p = 4.
    public static let sobol = Method.sobol(baseSamples: 1024, secondOrder: false)
    public static let morris = Method.morris(trajectories: 10, levels: 4)

    /// The method `name` (`sobol` or `morris`) with its sizes; the other method's are ignored.
    /// - Throws: `WhatIfError.unknownMethod` for another name.
    public init(
      named name: String, baseSamples: Int, secondOrder: Bool, trajectories: Int, levels: Int
    ) throws(WhatIfError) {
      switch name {
      case "sobol": self = .sobol(baseSamples: baseSamples, secondOrder: secondOrder)
      case "morris": self = .morris(trajectories: trajectories, levels: levels)
      default: throw .unknownMethod(name)
      }
    }

    /// `sobol` or `morris`.
    public var name: String {
      switch self {
      case .sobol: return "sobol"
      case .morris: return "morris"
      }
    }
  }

  /// The most outputs (runs × years × metrics) an analysis keeps: 2 GiB of doubles at most.
  public static let maximumOutputs = 1 << 28

  public let scenario: Scenario
  public let method: Method
  public let metrics: MetricSelection
  /// The projection years analysed.
  public let years: ClosedRange<Int>
  /// The inputs, one per `[[uncertain]]` entry, named by their target paths.
  public let inputs: [SensitivityInput]
  /// The design's points: one row per run, one column per input.
  public let points: DesignPoints
  let design: Design

  enum Design: Sendable {
    case saltelli(SaltelliDesign)
    case morris(MorrisDesign)
  }

  /// The design of `method` over the scenario's `[[uncertain]]` inputs.
  ///
  /// - Throws: `WhatIfError.noUncertainInputs` when the scenario has none, `.yearsOutOfRange`
  ///   for years outside its projection years, `.design` when the design cannot be made (an
  ///   N that is not a power of two, a range with no probability inside the target's domain),
  ///   `.designTooLarge` beyond `maximumOutputs`.
  public init(
    scenario: Scenario, method: Method, metrics: MetricSelection = .all,
    years: ClosedRange<Int>? = nil
  ) throws(WhatIfError) {
    guard !scenario.uncertain.isEmpty else { throw .noUncertainInputs(scenario.info.name) }
    let projection = scenario.info.projectionYears
    let years = years ?? projection
    guard projection.contains(years.lowerBound) && projection.contains(years.upperBound) else {
      throw .yearsOutOfRange(years, valid: projection)
    }
    var inputs: [SensitivityInput] = []
    for (index, spec) in scenario.uncertain.enumerated() {
      do {
        inputs.append(
          try SensitivityInput(
            name: spec.targetPath, distribution: spec.distribution,
            domain: Self.domain(of: spec, in: scenario)))
      } catch {
        throw .uncertainEntry(index: index, error)
      }
    }
    try self.init(scenario: scenario, inputs: inputs, method: method, metrics: metrics, years: years)
  }

  /// The design of `method` over `inputs`, for `scenario` (whose name, seed and years it
  /// takes): the scenario's own analysis, or one rebuilt from a shard result.
  init(
    scenario: Scenario, inputs: [SensitivityInput], method: Method, metrics: MetricSelection,
    years: ClosedRange<Int>
  ) throws(WhatIfError) {
    let design: Design
    let points: DesignPoints
    do {
      let runs = Self.runCount(method, inputs: inputs.count)
      let outputs = Double(runs) * Double(years.count) * Double(metrics.metrics.count)
      guard outputs <= Double(Self.maximumOutputs) else {
        throw WhatIfError.designTooLarge(
          runs: runs, outputs: outputs, limit: Self.maximumOutputs)
      }
      switch method {
      case .sobol(let n, let secondOrder):
        let saltelli = try SaltelliDesign(
          inputs: inputs, baseSamples: n, secondOrder: secondOrder, skip: n)
        design = .saltelli(saltelli)
        points = saltelli.points
      case .morris(let r, let p):
        let morris = try MorrisDesign(
          inputs: inputs, trajectories: r, levels: p, seed: UInt64(bitPattern: Int64(scenario.info.seed)))
        design = .morris(morris)
        points = morris.points
      }
    } catch let error as SensitivityError {
      throw .design(error)
    } catch let error as WhatIfError {
      throw error
    } catch {
      preconditionFailure("GlobalSensitivity: \(error)")
    }
    self.scenario = scenario
    self.method = method
    self.metrics = metrics
    self.years = years
    self.inputs = inputs
    self.points = points
    self.design = design
  }

  /// Years as the command line gives them: one year (`2030`) or a span (`2026-2030`,
  /// `2026...2030`, `2026:2030`).
  /// - Throws: `WhatIfError.badYears` otherwise.
  public static func years(parsing text: String) throws(WhatIfError) -> ClosedRange<Int> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let year = Int(trimmed) { return year...year }
    let normalized = trimmed.replacingOccurrences(of: "...", with: "-")
      .replacingOccurrences(of: ":", with: "-")
    let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let first = Int(parts[0].trimmingCharacters(in: .whitespaces)),
      let last = Int(parts[1].trimmingCharacters(in: .whitespaces)), first <= last
    else { throw .badYears(text) }
    return first...last
  }

  /// The runs of a design: N(k + 2) or N(2k + 2) for Sobol, r(k + 1) for Morris.
  public static func runCount(_ method: Method, inputs k: Int) -> Int {
    // Saturating: a count too large for an Int is refused by the outputs limit, not a trap.
    let (runs, overflow): (Int, Bool)
    switch method {
    case .sobol(let n, let secondOrder): (runs, overflow) = n.multipliedReportingOverflow(by: secondOrder ? 2 * k + 2 : k + 2)
    case .morris(let r, _): (runs, overflow) = r.multipliedReportingOverflow(by: k + 1)
    }
    return overflow ? Int.max : runs
  }

  /// The number of runs.
  public var runCount: Int { points.rows }

  /// The domain the values of an entry are truncated to, nil when it has none.
  static func domain(of spec: UncertainSpec, in scenario: Scenario) -> ClosedRange<Double>? {
    let domain: ParameterDomain
    switch spec.operation {
    case .set: domain = spec.target.domain(in: scenario)
    case .scale: domain = .nonNegative
    case .add: domain = .unbounded
    }
    return domain.isUnbounded ? nil : domain.lower...domain.upper
  }

  /// The scenario of design point `run`: its shocks, then one per input.
  public func scenario(at run: Int) -> Scenario {
    var shocked = scenario
    for (spec, value) in zip(scenario.uncertain, points.row(run)) {
      shocked.shocks.append(
        ShockSpec(
          target: spec.target, from: scenario.info.baseYear + 1, operation: spec.operation,
          value: value))
    }
    return shocked
  }

  /// Design points side by side, in batches of up to `Simulation.designPointsPerBatch(paths:)`,
  /// each batch one run whose columns are its points' paths (`Simulation.runPointsSideBySide`),
  /// the points of a batch agreeing on every input that may not vary along one
  /// (`Simulation.variesAlongBatch`); batches run concurrently. A batch that fails or warns
  /// about a value out of range or clamped runs its points one by one, so errors and warnings
  /// are each point's own.
  func runSideBySide(
    points range: Range<Int>, data: ScenarioData, prepared: Simulation.Preparation,
    progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> [(outputs: [Double], warnings: [String])] {
    let years = self.years
    let metrics = self.metrics.metrics
    let added = inputs.count
    let paths = scenario.info.paths
    let batches = sideBySideBatches(range)
    let results = ConcurrentJobs.run(
      count: batches.count, work: { batches[$0].count }, progress: progress
    ) { b -> [Result<(outputs: [Double], warnings: [String]), SimulationError>] in
      let runs = batches[b]
      let simulation = Simulation(scenario: scenario(at: runs[0]))
      let values = (0..<added).map { i in runs.map { points[$0, i] } }
      if let sides = simulation.runPointsSideBySide(
        added: added, values: values, data: data, prepared: prepared)
      {
        return sides.map { side in
          var outputs: [Double] = []
          outputs.reserveCapacity(years.count * metrics.count)
          for year in years {
            for metric in metrics {
              outputs.append(Quantiles.mean(side.balance.values(row: metric.row, year: year)))
            }
          }
          return .success((outputs, side.warnings))
        }
      }
      return runs.map { run in
        Result { () throws(SimulationError) in
          let projection = try Simulation(scenario: scenario(at: run)).run(
            batchSize: Simulation.sideBySideBatchSize(paths: paths), data: data,
            prepared: pointPreparation(run, shared: prepared, data: data))
          var outputs: [Double] = []
          for year in years {
            for metric in metrics { outputs.append(projection.balance(metric, year: year)) }
          }
          return (outputs, projection.warnings)
        }
      }
    }
    return try PointBatches.ordered(results, batches: batches, range: range, label: label)
  }

  /// Design point `run`'s preparation from the scenario's (`shared`), on its paths.
  func pointPreparation(_ run: Int, shared: Simulation.Preparation, data: ScenarioData)
    throws(SimulationError) -> Simulation.Preparation
  {
    let point = scenario(at: run)
    return try Simulation(scenario: point).prepare(
      reusing: shared, adding: Array(point.shocks.suffix(inputs.count)), data: data,
      stochastic: scenario.info.paths > 1)
  }

  /// The runs of `range` in side-by-side batches, in run order within a batch: runs grouped by their
  /// values of the inputs that may not vary along a batch, each group cut into batches of
  /// `Simulation.designPointsPerBatch(paths:)`, groups in the order of their first run.
  func sideBySideBatches(_ range: Range<Int>) -> [[Int]] {
    let simulation = Simulation(scenario: scenario)
    let fixed = scenario.uncertain.indices.filter {
      !simulation.variesAlongBatch(scenario.uncertain[$0].target)
    }
    return PointBatches.batches(range, size: Simulation.designPointsPerBatch(paths: scenario.info.paths)) { run in
      fixed.map { points[run, $0].bitPattern }
    }
  }

  /// The scenario's preparation, which every design point's starts from, when the points'
  /// shocks cannot change it; nil when they can, or when preparing fails or the memory check
  /// refuses the runs (each point then prepares itself and reports its own error).
  func sharedPreparation(data: ScenarioData) -> Simulation.Preparation? {
    let simulation = Simulation(scenario: scenario)
    let paths = scenario.info.paths
    guard
      simulation.preparationCarriesOver(adding: Array(scenario(at: 0).shocks.suffix(inputs.count))),
      (try? simulation.checkMemory(paths: paths, available: AvailableMemory.bytes())) != nil
    else { return nil }
    // On single-threaded BLAS, as each point's own preparation runs (ConcurrentJobs).
    return try? withSingleThreadedBLAS { () throws(SimulationError) in
      try simulation.prepare(data: data, stochastic: paths > 1)
    }
  }

  /// `name[run r: target=value,...]`, naming a design point in messages.
  public func label(_ run: Int) -> String {
    let values = zip(inputs, points.row(run)).map { input, value in
      "\(input.name)=\(Table.roundTripText(value))"
    }
    return "\(scenario.info.name)[run \(run): \(values.joined(separator: ","))]"
  }

  /// Runs every design point, then analyses each year and metric.
  /// - Parameter progress: called with the number of runs finished (from any thread).
  /// - Throws: `WhatIfError.run` for the first design point (in run order) whose run fails.
  public func run(progress: (@Sendable (Int) -> Void)? = nil) throws(WhatIfError)
    -> SensitivityResult
  {
    try run(reusingPreparation: true, progress: progress)
  }

  /// As `run(progress:)`; with `reusingPreparation` the fits and calibrations are worked out
  /// once for every design point where they cannot differ between points
  /// (`Simulation.preparationCarriesOver(adding:)`), else once per point. The result is the
  /// same either way.
  func run(reusingPreparation: Bool, progress: (@Sendable (Int) -> Void)? = nil)
    throws(WhatIfError) -> SensitivityResult
  {
    let runs = try run(
      points: 0..<runCount, data: data(), reusingPreparation: reusingPreparation,
      progress: progress)
    return result(outputs: runs.map(\.outputs), warnings: runs.map(\.warnings))
  }

  /// The scenario's data, read once for every run.
  func data() throws(WhatIfError) -> ScenarioData {
    do {
      return try ScenarioData(scenario: scenario)
    } catch {
      throw .run(scenario: scenario.info.name, error)
    }
  }

  /// The outputs (by year, then metric) and warnings of design points `range`, in run order.
  /// - Throws: `WhatIfError.run` for the first of them (in run order) whose run fails.
  func run(
    points range: Range<Int>, data: ScenarioData, reusingPreparation: Bool = true,
    progress: (@Sendable (Int) -> Void)?
  ) throws(WhatIfError) -> [(outputs: [Double], warnings: [String])] {
    let years = self.years
    let metrics = self.metrics.metrics
    let paths = scenario.info.paths
    let first = range.lowerBound
    let added = inputs.count
    let shared = reusingPreparation ? sharedPreparation(data: data) : nil
    if let shared,
      Simulation(scenario: scenario).pointsRunSideBySide(
        adding: Array(scenario(at: 0).shocks.suffix(added)))
    {
      return try runSideBySide(points: range, data: data, prepared: shared, progress: progress)
    }
    let results = ConcurrentJobs.run(
      count: range.count, concurrent: Simulation.runsSideBySide(paths: paths), progress: progress
    ) { i throws(SimulationError) -> (outputs: [Double], warnings: [String]) in
      let point = scenario(at: first + i)
      let simulation = Simulation(scenario: point)
      var prepared: Simulation.Preparation? = nil
      if let shared {
        prepared = try simulation.prepare(
          reusing: shared, adding: Array(point.shocks.suffix(added)), data: data,
          stochastic: paths > 1)
      }
      let projection = try simulation.run(
        batchSize: Simulation.sideBySideBatchSize(paths: paths), data: data, prepared: prepared)
      var outputs: [Double] = []
      outputs.reserveCapacity(years.count * metrics.count)
      for year in years {
        for metric in metrics {
          outputs.append(
            projection.years.contains(year) ? projection.balance(metric, year: year) : .nan)
        }
      }
      return (outputs, projection.warnings)
    }
    var out: [(outputs: [Double], warnings: [String])] = []
    out.reserveCapacity(results.count)
    for (i, result) in results.enumerated() {
      switch result {
      case .success(let point): out.append(point)
      case .failure(let error): throw .run(scenario: label(first + i), error)
      }
    }
    return out
  }

  /// The indices from every design point's outputs and warnings, in run order.
  func result(outputs: [[Double]], warnings: [[String]]) -> SensitivityResult {
    SensitivityResult(
      analysis: self, outputs: outputs,
      warnings: WarningDigest.merge(warnings, noun: "design points", label: label))
  }
}
