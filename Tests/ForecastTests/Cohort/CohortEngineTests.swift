import Foundation
import Testing

@testable import Forecast

/// Builds a track whose rates are the same every year of `years`.
func constantTrack(
  _ name: String, duration: Int, years: ClosedRange<Int>, baseYear: Int, intake: Double,
  progression: Double, completion: Double, rule: CohortTrack.IntakeRule? = nil,
  fields: [FieldShare] = [.init(field: "all", share: 1)]
) -> CohortTrack {
  var observed = [Int: Double]()
  var exogenous = [Int: Double]()
  var rates = [Int: [Double]]()
  var completions = [Int: Double]()
  for year in years {
    if year <= baseYear { observed[year] = intake } else { exogenous[year] = intake }
    rates[year] = [Double](repeating: progression, count: duration - 1)
    completions[year] = completion
  }
  return CohortTrack(
    name: name, duration: duration, firstYear: years.lowerBound, observedIntakes: observed,
    progression: rates, completion: completions, projectedIntake: rule ?? .exogenous(exogenous),
    fieldShares: fields)
}

/// One track with constant intake and rates: after L years the school is full and stays so.
struct SteadyStateCase: CustomTestStringConvertible, Sendable {
  let name: String
  let duration: Int
  let intake: Double
  let progression: Double
  let completion: Double
  var testDescription: String { name }

  static let all: [SteadyStateCase] = [
    .init(name: "one-year track", duration: 1, intake: 500, progression: 1, completion: 0.9),
    .init(name: "junior college", duration: 3, intake: 4_800_000, progression: 0.96,
      completion: 0.93),
    .init(name: "bachelor", duration: 4, intake: 4_700_000, progression: 0.97, completion: 0.95),
    .init(name: "doctorate, heavy attrition", duration: 6, intake: 150_000, progression: 0.6,
      completion: 0.5),
  ]
}

/// The two-track continuation case computed by hand (see `handComputed`).
enum TwoTrack {
  static let baseYear = 2020
  static let bachelor = CohortTrack(
    name: "bachelor", duration: 2, firstYear: 2019, observedIntakes: [2019: 100, 2020: 100],
    progression: [2020: [0.9], 2021: [0.9], 2022: [0.9], 2023: [0.9]],
    completion: [2020: 0.8, 2021: 0.8, 2022: 0.7, 2023: 0.8],
    projectedIntake: .exogenous([2021: 110, 2022: 120, 2023: 130]),
    fieldShares: [.init(field: "engineering", share: 0.6), .init(field: "arts", share: 0.4)])
  static let master = CohortTrack(
    name: "master", duration: 2, firstYear: 2019, observedIntakes: [2019: 20, 2020: 20],
    progression: [2020: [0.95], 2021: [0.95], 2022: [0.95], 2023: [0.95]],
    completion: [2020: 0.9, 2021: 0.9, 2022: 0.9, 2023: 0.9],
    projectedIntake: .continuation(source: 0, share: [2021: 0.25, 2022: 0.5, 2023: 0.25]),
    fieldShares: [.init(field: "engineering", share: 1)])
  static let system = CohortSystem(baseYear: baseYear, horizon: 3, tracks: [bachelor, master])
}

@Suite struct CohortEngineTests {
  // The steady state is reached exactly after L steps; each value is a sum of at most L terms
  // of at most L factors, so the error is a few ulps of the largest term: 1e-13 relative is
  // loose by two orders of magnitude and still catches any wrong factor.
  @Test(arguments: SteadyStateCase.all)
  func steadyState(_ c: SteadyStateCase) throws {
    let base = 2020
    let start = base - c.duration + 1
    let track = constantTrack(
      c.name, duration: c.duration, years: start...(base + 5), baseYear: base, intake: c.intake,
      progression: c.progression, completion: c.completion)
    let engine = try CohortEngine(
      system: CohortSystem(baseYear: base, horizon: 5, tracks: [track]), startYear: start)
    let result = engine.run()
    let enrolled = c.intake * (0..<c.duration).reduce(0) { $0 + pow(c.progression, Double($1)) }
    let graduates = c.completion * pow(c.progression, Double(c.duration - 1)) * c.intake
    for year in result.projectionYears {
      #expect(isClose(result.enrolled.value(row: 0, year: year), enrolled, 1e-13))
      #expect(isClose(result.graduates.value(row: 0, year: year), graduates, 1e-13))
      #expect(isClose(result.newSupply.value(row: 0, year: year), graduates, 1e-13))
      #expect(result.continuing.value(row: 0, year: year) == 0)
      #expect(result.intake.value(row: 0, year: year) == c.intake)
    }
  }

  // Hand computation (S1, S2 per year; G(t+1) = c(t+1) · S2(t); I_master(t) = q(t) · G_bach(t)):
  //   bachelor 2019 (100, 0)  2020 (100, 90)  2021 (110, 90)  2022 (120, 99)  2023 (130, 108)
  //            G: 2021 0.8·90 = 72   2022 0.7·90 = 63   2023 0.8·99 = 79.2
  //   master   2019 (20, 0)   2020 (20, 19)
  //            2021 I = 0.25·72 = 18    S2 = 0.95·20 = 19     G = 0.9·19 = 17.1
  //            2022 I = 0.5·63 = 31.5   S2 = 0.95·18 = 17.1   G = 0.9·19 = 17.1
  //            2023 I = 0.25·79.2 = 19.8 S2 = 0.95·31.5 = 29.925 G = 0.9·17.1 = 15.39
  //   new supply: bachelor G(1 − q) = 54, 31.5, 59.4; master 17.1, 17.1, 15.39
  //   engineering 0.6·bachelor + master = 49.5, 36, 51.03; arts 0.4·bachelor = 21.6, 12.6, 23.76
  // The inputs are short decimals and each result a handful of operations: 1e-12 relative.
  @Test func handComputed() throws {
    let result = try CohortEngine(system: TwoTrack.system, startYear: 2019).run()
    let expected: [(String, PathSeries, [[Double]])] = [
      ("intake", result.intake, [[110, 120, 130], [18, 31.5, 19.8]]),
      ("enrolled", result.enrolled, [[200, 219, 238], [37, 48.6, 49.725]]),
      ("graduates", result.graduates, [[72, 63, 79.2], [17.1, 17.1, 15.39]]),
      ("continuing", result.continuing, [[18, 31.5, 19.8], [0, 0, 0]]),
      ("new supply", result.newSupply, [[54, 31.5, 59.4], [17.1, 17.1, 15.39]]),
      ("supply by field", result.newSupplyByField, [[49.5, 36, 51.03], [21.6, 12.6, 23.76]]),
    ]
    for (name, series, rows) in expected {
      for (row, values) in rows.enumerated() {
        for (offset, value) in values.enumerated() {
          let actual = series.value(row: row, year: 2021 + offset)
          #expect(isClose(actual, value, 1e-12), "\(name) row \(row) year \(2021 + offset)")
        }
      }
    }
    #expect(result.fields == ["engineering", "arts"])
    #expect(result.tracks == ["bachelor", "master"])
  }

  // Every student who enters graduates, drops out or is still enrolled. Dropouts come from
  // their own matrix (1 − p, 1 − c), not as a remainder, so this checks the engine. The sums
  // are of values up to ~1e6 over ≤ 16 years; 1e-12 relative to the entrants is ~1e4 ulps of
  // slack for the cancellation, far below any modelling error (a lost cohort is ≥ 1e-3).
  @Test func conservation() throws {
    var rng = SeededGenerator(seed: 2024)
    let base = 2020
    let years = 2010...2030
    var tracks = [CohortTrack]()
    for (index, duration) in [3, 4, 1, 5].enumerated() {
      var track = constantTrack(
        "track \(index)", duration: duration, years: years, baseYear: base, intake: 0,
        progression: 0, completion: 0)
      for year in years {
        if year <= base { track.observedIntakes[year] = rng.uniform(1e5...1e6) }
        track.progression[year] = (0..<(duration - 1)).map { _ in rng.uniform(0.7...1) }
        track.completion[year] = rng.uniform(0.5...1)
      }
      if index == 3 {
        track.projectedIntake = .continuation(
          source: 1, share: Dictionary(uniqueKeysWithValues: years.map { ($0, 0.3) }))
      } else {
        track.projectedIntake = .exogenous(
          Dictionary(uniqueKeysWithValues: years.map { ($0, rng.uniform(1e5...1e6)) }))
      }
      tracks.append(track)
    }
    let system = CohortSystem(baseYear: base, horizon: 10, tracks: tracks)
    let result = try CohortEngine(system: system, startYear: 2012).run(paths: 3)
    for k in tracks.indices {
      for year in result.intake.years {
        for path in 0..<3 {
          let b = result.balance(track: k, through: year, path: path)
          #expect(abs(b.residual) <= 1e-12 * b.entered, "track \(k) \(year): \(b)")
          #expect(b.droppedOut >= 0 && b.graduated >= 0)
        }
      }
    }
  }

  // Identical inputs on every path give identical columns. Compared exactly: each column is
  // the same dot products in the same order; a difference would mean paths interfere.
  @Test(arguments: [2, 7, 64])
  func pathsAreIdentical(_ paths: Int) throws {
    let engine = try CohortEngine(system: TwoTrack.system, startYear: 2019)
    let single = engine.run()
    let many = engine.run(paths: paths)
    let pairs: [(PathSeries, PathSeries)] = [
      (single.intake, many.intake), (single.enrolled, many.enrolled),
      (single.graduates, many.graduates), (single.droppedOut, many.droppedOut),
      (single.newSupply, many.newSupply), (single.newSupplyByField, many.newSupplyByField),
    ]
    for (one, all) in pairs {
      #expect(all.paths == paths)
      for year in one.years {
        for row in one.names.indices {
          let reference = one.value(row: row, year: year)
          #expect(all.values(row: row, year: year).allSatisfy { $0 == reference })
        }
      }
    }
  }

  // Graduates of the first projection years come from observed intakes and are computed, not
  // copied: changing the bachelor completion of 2021 changes 2021's graduates.
  @Test func graduatesFromHistoryAreComputed() throws {
    var system = TwoTrack.system
    system.tracks[0].completion[2021] = 0.5
    let result = try CohortEngine(system: system, startYear: 2019).run()
    #expect(isClose(result.graduates.value(row: 0, year: 2021), 45, 1e-12))
    #expect(isClose(result.intake.value(row: 1, year: 2021), 11.25, 1e-12))
  }
}
