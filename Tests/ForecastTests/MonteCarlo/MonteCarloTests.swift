import Foundation
import Testing
@testable import Forecast

/// Monte Carlo runs (MODEL.md 7) on Fixtures/simulation: each path's values against the draws
/// that made them, invariants on every path, and determinism across batch sizes and path sets.
@Suite struct MonteCarloTests {
  static func scenario(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: Fixtures.url("simulation/\(name).toml").path)
  }

  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1)
  }

  /// Intake of year t on path p is 1000 + 50 z (z: draw t − 2021 of `drivers.flat`); the lab's
  /// growth is 0.1 + 0.02 w, one draw w per path, so E(t) = 10000 (1 + g)^(t − 2020).
  /// Tolerance 1e-12 relative: a sum and a few products per value.
  @Test func everyPathFollowsItsDraws() throws {
    let s = try Self.scenario("monte-carlo")
    let p = try Simulation(scenario: s).run()
    #expect(p.paths == 200)
    let seed: UInt64 = 42
    let z = RandomSource("drivers.flat").normals(seed: seed, paths: 0..<200, count: 5)
    let w = RandomSource("shocks.sectors.lab.growth#0").normals(seed: seed, paths: 0..<200, count: 1)
    for path in [0, 1, 57, 199] {
      for t in 2021...2025 {
        let intake = 1000 + 50 * z[t - 2021, path]
        #expect(close(p.cohort.intake.value(row: 0, year: t, path: path), intake))
        let g = 0.1 + 0.02 * w[0, path]
        let e = 10000 * pow(1 + g, Double(t - 2020))
        #expect(close(p.demand.employment.value(row: 0, year: t, path: path), e, 1e-11))
      }
      // Graduates of 2023 come from the 2021 intake: c · p · I.
      let intake2021 = 1000 + 50 * z[0, path]
      #expect(close(p.cohort.graduates.value(row: 0, year: 2023, path: path), 0.72 * intake2021))
    }
    // The draws differ between paths and years.
    #expect(p.cohort.intake.value(row: 0, year: 2022, path: 0) != p.cohort.intake.value(row: 0, year: 2022, path: 1))
  }

  /// On every path: conservation of students, placements within supply and capacity,
  /// placed + unplaced = supply, vacancies = capacity − placed (no sector overfilled here).
  @Test func invariantsHoldOnEveryPath() throws {
    let p = try Simulation(scenario: try Self.scenario("monte-carlo")).run()
    let balance = p.balance
    for path in 0..<p.paths {
      let students = p.cohort.balance(track: 0, through: 2025, path: path)
      #expect(abs(students.residual) <= 1e-9 * students.entered)
      for t in p.years {
        let b = (0..<7).map { balance.value(row: $0, year: t, path: path) }
        let (supply, capacity, placed, unplaced) = (b[1], b[2], b[3], b[4])
        #expect(placed <= supply * (1 + 1e-12) && placed <= capacity * (1 + 1e-12))
        #expect(close(placed + unplaced, supply))
        #expect(b[5] >= 0 && b[5] <= capacity)
      }
    }
  }

  /// The same bits whatever the batch size: every table, rendered as CSV. mc-continuation has
  /// sums of several terms per row (enrolment, dropouts, supply by field). Batch sizes round
  /// up to multiples of 64: 1 and 64 give four batches of 200 paths, 100 two, 200 one.
  @Test(arguments: ["monte-carlo", "mc-continuation"], [1, 64, 100])
  func batchSizeDoesNotChangeTheResult(fixture: String, batchSize: Int) throws {
    var s = try Self.scenario(fixture)
    s.info.paths = 200
    let whole = try Simulation(scenario: s).run(batchSize: 200)
    let split = try Simulation(scenario: s).run(batchSize: batchSize)
    for table in RunTable.allCases {
      #expect(whole.table(table).rendered(as: .csv) == split.table(table).rendered(as: .csv), "\(table)")
    }
    #expect(whole.balance == split.balance)
    #expect(whole.cohort.droppedOut == split.cohort.droppedOut)
    #expect(whole.cohort.newSupplyByField == split.cohort.newSupplyByField)
    let lean = try Simulation(scenario: s).run(batchSize: batchSize, keepPaths: false)
    #expect(lean.engines == nil)
    for table in RunTable.allCases {
      #expect(whole.table(table).rendered(as: .csv) == lean.table(table).rendered(as: .csv), "\(table)")
    }
  }

  /// Batches are whole blocks of 64 paths; a last batch of one path joins the one before.
  @Test func batchesAreWholeBlocks() {
    #expect(Simulation.batches(total: 1, size: 2048) == [0..<1])
    #expect(Simulation.batches(total: 200, size: 1) == [0..<64, 64..<128, 128..<192, 192..<200])
    #expect(Simulation.batches(total: 129, size: 64) == [0..<64, 64..<129])
    #expect(Simulation.batches(total: 5000, size: 2048) == [0..<2048, 2048..<4096, 4096..<5000])
  }

  /// Without a batch size: at most 2,048 paths a batch, as many batches as a multiple of the
  /// cores allows once sizes are rounded to whole blocks (100,000 paths: 49 of 2,048, not 50
  /// of 2,000), small runs in one batch.
  @Test(arguments: [
    (10_000, 2, 6), (1_000, 2, 2), (100, 2, 1), (100_000, 2, 49), (10_000, 1, 5), (3_000, 4, 4),
  ])
  func automaticBatches(total: Int, cores: Int, expected: Int) {
    let size = Simulation.automaticBatchSize(total: total, cores: cores)
    let batches = Simulation.batches(total: total, size: size)
    #expect(batches.count == expected)
    #expect(batches.allSatisfy { $0.count <= Simulation.defaultBatchSize })
  }

  /// Years before the first draw are computed once and shared by all paths; a noisy shock
  /// from 2023 leaves 2021-2022 shared. Same bits whatever the batch size, and the shared
  /// years' means are the deterministic values exactly.
  @Test(arguments: [1, 100, 150])
  func sharedYearsDoNotDependOnBatches(batchSize: Int) throws {
    var s = try Self.scenario("steady")
    s.info.paths = 150
    s.shocks.append(
      ShockSpec(target: .driver("flat"), from: 2023, operation: .scale, value: 1, sd: 0.1))
    let whole = try Simulation(scenario: s).run(batchSize: 150)
    let split = try Simulation(scenario: s).run(batchSize: batchSize)
    #expect(whole.cohort.intake[2022].columns == 1)
    for table in RunTable.allCases {
      #expect(whole.table(table).rendered(as: .csv) == split.table(table).rendered(as: .csv), "\(table)")
    }
    #expect(whole.balance(.graduates, year: 2022) == 720)
    #expect(whole.cohort.intake.value(row: 0, year: 2023, path: 7) != whole.cohort.intake.value(row: 0, year: 2023, path: 8))
  }

  /// A path's values depend on its index alone: the first 20 paths of a 200-path run are the
  /// paths of a 20-path run.
  @Test func pathsDoNotDependOnEachOther() throws {
    let s = try Self.scenario("monte-carlo")
    let all = try Simulation(scenario: s).run()
    let some = try Simulation(scenario: s).run(paths: 20)
    for t in all.years {
      for m in 0..<7 {
        #expect(Array(all.balance.values(row: m, year: t).prefix(20)) == some.balance.values(row: m, year: t))
      }
    }
  }

  /// With P > 1 a table cell is the mean over paths; the fan table's mean is the same number.
  @Test func tablesHoldMeansAndTheFanItsQuantiles() throws {
    let s = try Self.scenario("monte-carlo")
    let p = try Simulation(scenario: s).run()
    let fan = p.table(.fan)
    #expect(fan.columns.map(\.name) == ["year", "metric", "mean", "q05", "q25", "q50", "q75", "q95"])
    let t = 2024
    let placed = p.balanceValues(.placed, year: t)
    #expect(p.balance(.placed, year: t) == Quantiles.mean(placed))
    let row = try #require(fan.rows.first { $0[0] == .integer(t) && $0[1] == .text("placed") })
    #expect(row[2] == .number(Quantiles.mean(placed)))
    #expect(row[5] == .number(Quantiles.type7(placed, levels: [0.5])[0]))
  }

  /// The deterministic run is untouched by `sd`: P = 1 draws nothing.
  @Test func oneGivesTheDeterministicRun() throws {
    var s = try Self.scenario("monte-carlo")
    s.info.paths = 1
    let p = try Simulation(scenario: s).run()
    for t in p.years {
      #expect(p.cohort.intake.value(row: 0, year: t) == 1000)
      #expect(close(p.demand.employment.value(row: 0, year: t), 10000 * pow(1.1, Double(t - 2020))))
    }
  }

  /// A model driver's values in a projection year have, in the transformed (here identity)
  /// scale, mean x'β̂ and variance x'Cov(β̂)x + σ̂², within sampling error: 4 standard errors of
  /// the mean, the variance within 6% (its standard error is 1% at 20,000 draws). The narrow,
  /// uncentred window 2011-2020 makes the intercept's variance ~10¹⁰ times the slope's
  /// remainder, which a covariance-scale Cholesky tolerance would drop (variance 7% short).
  @Test(arguments: [2000...2020, 2011...2020])
  func modelDriverDrawsHaveTheFittedDistribution(window: ClosedRange<Int>) throws {
    var s = try Self.scenario("mc-model")
    s.info.paths = 20_000
    let index = try #require(s.drivers.firstIndex { $0.name == "studio_trend" })
    s.drivers[index].form = .model(formula: "y ~ year", window: .years(window), weights: nil)
    let p = try Simulation(scenario: s).run()
    let table = try CSVReader.read(contentsOf: Fixtures.url("simulation/data/trend.csv").path)
    let all = try #require(table.numericColumn(named: "year"))
    let rows = all.indices.filter { window.contains(Int(all[$0])) }
    let years = rows.map { all[$0] }
    let y = try #require(table.numericColumn(named: "y"))
    let fit = try LinearModel(
      design: Matrix(rowMajor: years.map { [1, $0] }), response: rows.map { y[$0] },
      termNames: ["(Intercept)", "year"], responseName: "y", hasIntercept: true
    ).fit()
    for t in [2021, 2025] {
      let x = [1.0, Double(t)]
      let mean = x[0] * fit.estimates[0] + x[1] * fit.estimates[1]
      var variance = fit.residualStandardError * fit.residualStandardError
      for i in 0..<2 { for j in 0..<2 { variance += x[i] * fit.covariance[i, j] * x[j] } }
      // The studio's capacity is the driver itself (row 1 of the demand engine).
      let values = p.demand.capacity.values(row: 1, year: t)
      let m = Quantiles.mean(values)
      let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
      #expect(abs(m - mean) < 4 * (variance / Double(values.count)).squareRoot())
      #expect(abs(v / variance - 1) < 0.06, "\(window) year \(t): variance \(v) against \(variance)")
    }
  }

  /// The factor of an uncentred design's covariance keeps the slope's small remainder.
  @Test func factorKeepsSmallPivots() throws {
    let years = (2011...2020).map(Double.init)
    let fit = try LinearModel(
      design: Matrix(rowMajor: years.map { [1, $0] }), response: years.map { 3 + 0.5 * $0 + sin($0) },
      termNames: ["(Intercept)", "year"], responseName: "y", hasIntercept: true
    ).fit()
    let u = try #require(ModelDraws.semidefiniteFactor(fit.covariance))
    for i in 0..<2 {
      for j in 0..<2 {
        let product = u[0, i] * u[0, j] + u[1, i] * u[1, j]
        #expect(abs(product - fit.covariance[i, j]) <= 1e-9 * abs(fit.covariance[i, j]))
      }
    }
    #expect(u[1, 1] > 0)
  }

  /// Per-path progression and continuation: on every path the college's graduates of t are
  /// 0.8 · p_t−1 · 1000 (p drawn in t − 1 > base year), the master's intake is q_t · G_t, the
  /// college's continuing plus new supply is its graduates, and students are conserved.
  @Test func perPathRatesMoveOnlyTheirRows() throws {
    let p = try Simulation(scenario: try Self.scenario("mc-continuation")).run()
    // Both drivers feed rates: their noise is truncated to [0, 1] around their values.
    let prog = RandomSource("drivers.prog").truncatedNormals(seed: 3, paths: 0..<50, count: 5) { _, _ in
      ((0 - 0.9) / 0.02, (1 - 0.9) / 0.02)
    }
    let share = RandomSource("drivers.share").truncatedNormals(seed: 3, paths: 0..<50, count: 5) { _, _ in
      ((0 - 0.2) / 0.05, (1 - 0.2) / 0.05)
    }
    for path in 0..<50 {
      for t in 2022...2025 {
        let rate = 0.9 + 0.02 * prog[t - 1 - 2021, path]
        let g = p.cohort.graduates.value(row: 0, year: t, path: path)
        #expect(close(g, 0.8 * rate * 1000))
        let q = 0.2 + 0.05 * share[t - 2021, path]
        #expect(close(p.cohort.intake.value(row: 1, year: t, path: path), q * g))
        #expect(close(p.cohort.continuing.value(row: 0, year: t, path: path), q * g))
        #expect(close(p.cohort.newSupply.value(row: 0, year: t, path: path), (1 - q) * g))
      }
      for k in 0..<2 {
        let balance = p.cohort.balance(track: k, through: 2025, path: path)
        #expect(abs(balance.residual) <= 1e-9 * balance.entered)
      }
    }
  }

  /// Each progression step draws from its own source: on a three-year track, students in
  /// their third year of 2024 are 1000 · p₁(2023) · p₂(2024), p_j = 0.9 + 0.05 z_j with z_j
  /// truncated so that p_j stays in [0, 1].
  @Test func progressionStepsDrawIndependently() throws {
    var s = try Self.scenario("steady")
    s.info.paths = 5
    s.tracks[0].duration = 3
    s.tracks[0].progression = [
      .inline(.constant(0.9), sd: 0.05), .inline(.constant(0.9), sd: 0.05),
    ]
    let p = try Simulation(scenario: s).run()
    // Progression rates: noise truncated to [0, 1] around 0.9 (MODEL.md 7).
    let rate = { (_: Int, _: Int) in ((0 - 0.9) / 0.05, (1 - 0.9) / 0.05) }
    let z1 = RandomSource("tracks.college.progression[0]").truncatedNormals(
      seed: 0, paths: 0..<5, count: 5, bounds: rate)
    let z2 = RandomSource("tracks.college.progression[1]").truncatedNormals(
      seed: 0, paths: 0..<5, count: 5, bounds: rate)
    for path in 0..<5 {
      let p1 = 0.9 + 0.05 * z1[2023 - 2021, path]
      let p2 = 0.9 + 0.05 * z2[2024 - 2021, path]
      let q1 = 0.9 + 0.05 * z1[2024 - 2021, path]
      // Enrolled in 2024: first-year intake 1000, second year 1000 · p₁(2024), third year
      // 1000 · p₁(2023) · p₂(2024).
      let enrolled = 1000 + 1000 * q1 + 1000 * p1 * p2
      #expect(close(p.cohort.enrolled.value(row: 0, year: 2024, path: path), enrolled))
    }
  }

  /// Two driver names whose sources hash to one stream region (found by search) would draw
  /// the same numbers: the run says so instead.
  @Test func clashingSourcesAreAnError() throws {
    #expect(RandomSource("drivers.intake_ai252").regionOffset == RandomSource("drivers.noise_pg190").regionOffset)
    var s = try Self.scenario("steady")
    s.info.paths = 4
    s.drivers += [
      DriverSpec(name: "intake_ai252", form: .constant(1), sd: 0.1),
      DriverSpec(name: "noise_pg190", form: .constant(1), sd: 0.1),
    ]
    #expect(throws: SimulationError.randomSourceClash("drivers.intake_ai252", "drivers.noise_pg190")) {
      try Simulation(scenario: s).run()
    }
    s.info.paths = 1
    _ = try Simulation(scenario: s).run()
  }

  /// Rates outside [0, 1] are counted once per path and year, whatever the number of rates
  /// out in that year, and sectors' graduate shares are checked too.
  @Test func outOfRangeWarningsCountPathYears() throws {
    var s = try Self.scenario("steady")
    s.info.paths = 10
    s.tracks[0].duration = 3
    s.tracks[0].progression = [.number(1.05), .number(1.05)]
    s.tracks[0].completion = .number(1.05)
    s.sectors[0].demand = .employment(
      base: .number(10000), growth: .number(0.1), replacement: .number(0.05),
      graduateShare: .number(1.2))
    let p = try Simulation(scenario: s).run()
    let track = try #require(p.warnings.first { $0.hasPrefix("track 'college'") })
    // Steps into 2001…2025 (the track starts in 2000): 25 years, 250 path-years.
    #expect(track.contains("on 250 path-years of 10 paths, in 25 years (2001–2025)"), "\(track)")
    let sector = try #require(p.warnings.first { $0.hasPrefix("sector 'lab'") })
    #expect(sector.contains("graduate share") && sector.contains("(2021–2025)"), "\(sector)")
  }

  /// A run that would not fit in memory is refused before it starts.
  @Test func memoryIsCheckedBeforeTheRun() throws {
    let s = try Self.scenario("monte-carlo")
    let simulation = Simulation(scenario: s)
    let need = simulation.estimatedBytes(paths: 1000)
    #expect(need > 0 && simulation.estimatedBytes(paths: 1000, keepPaths: true) > need)
    #expect(throws: SimulationError.self) {
      try simulation.checkMemory(paths: 1000, available: UInt64(need))
    }
    try simulation.checkMemory(paths: 1000, available: UInt64(2 * need))
  }

  /// A model formula that names a noisy driver sees its central values: said in a warning.
  @Test func formulaOnANoisyDriverIsWarned() throws {
    var s = try Self.scenario("mc-model")
    s.info.paths = 20
    s.drivers.append(DriverSpec(name: "t2", form: .values([YearValue(year: 2000, value: 2000), YearValue(year: 2030, value: 2030)]), sd: 10))
    let index = try #require(s.drivers.firstIndex { $0.name == "studio_trend" })
    s.drivers[index].form = .model(formula: "y ~ t2", window: .years(2000...2020), weights: nil)
    let p = try Simulation(scenario: s).run()
    #expect(p.warnings.contains { $0.hasPrefix("driver 'studio_trend': its formula uses 't2', which varies by path") })
    s.info.paths = 1
    #expect(!(try Simulation(scenario: s).run()).warnings.contains { $0.contains("varies by path") })
  }

  /// Type 7 against numpy.quantile (default method "linear") on 1...10 and an unsorted sample.
  @Test func quantilesAreType7() {
    let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
    // numpy.quantile(np.arange(1, 11), [.05, .25, .5, .75, .95]) = 1.45, 3.25, 5.5, 7.75, 9.55
    let q = Quantiles.type7((1...10).map(Double.init).reversed(), levels: levels)
    for (a, b) in zip(q, [1.45, 3.25, 5.5, 7.75, 9.55]) { #expect(abs(a - b) < 1e-12) }
    // numpy.quantile([3, -1, 7, 7, 2], [.05, .5, .95]) = -0.4, 3.0, 7.0
    let r = Quantiles.type7([3, -1, 7, 7, 2], levels: [0.05, 0.5, 0.95])
    for (a, b) in zip(r, [-0.4, 3.0, 7.0]) { #expect(abs(a - b) < 1e-12) }
    #expect(Quantiles.type7([.nan, 4], levels: [0.5]) == [4])
    #expect(Quantiles.type7([.nan], levels: [0.5])[0].isNaN)
  }
}
