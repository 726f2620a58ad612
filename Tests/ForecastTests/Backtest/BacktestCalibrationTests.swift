import Foundation
import Testing

@testable import Forecast

/// The uncertainty machinery, calibrated on data the model itself generates: a track whose
/// graduates are yield × intake plus independent normal noise. Backtested with paths, its
/// 90% intervals must cover close to 90% of outcomes over many replications (MODEL.md 3, 7,
/// 11). A test of the intervals' honesty, not of any real data.
@Suite struct BacktestCalibrationTests {
  /// SplitMix64, then Box-Muller: reproducible normal draws for the synthetic data.
  struct Noise {
    var state: UInt64
    mutating func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
    }
    mutating func normal() -> Double {
      sqrt(-2 * log(uniform())) * cos(2 * .pi * uniform())
    }
  }

  static let yield = 0.8
  static let intake = 1000.0
  static let sd = 20.0

  /// A scenario and its data in `folder`: intake 1000 a year, graduates 0.8 × the intake a
  /// year earlier plus N(0, 20²), 1990-2030.
  static func write(replication: UInt64, in folder: TemporaryFolder) throws -> String {
    var noise = Noise(state: replication &* 0xD1B5_4A32_D192_ED03)
    var csv = "year,intake,graduates\n"
    for year in 1990...2030 {
      let graduates = year == 1990 ? "" : String(yield * intake + sd * noise.normal())
      csv += "\(year),\(intake),\(graduates)\n"
    }
    try folder.write("synthetic.csv", csv)
    return try folder.write(
      "synthetic.toml",
      """
      [scenario]
      name = "synthetic"
      base_year = 2030
      horizon = 3
      paths = 400
      seed = \(replication)

      [data.intake]
      file = "synthetic.csv"
      column = "intake"

      [data.graduates]
      file = "synthetic.csv"
      column = "graduates"

      [drivers.flat]
      constant = \(intake)

      [[tracks]]
      name = "a"
      duration = 1
      intake = "intake"
      intake_driver = "flat"
      progression = []
      completion = 1.0
      fields = { science = 1.0 }
      calibrate = { graduates = "graduates", window = 10 }

      [[sectors]]
      name = "lab"
      capacity = 100
      eligibility = { science = 1.0 }

      """)
  }

  /// 20 replications × 18 origins × 3 steps: coverage of the 90% intervals within 0.85-0.95.
  /// The forecasts of one replication share data, so the 1,080 outcomes are not independent;
  /// the band is about three standard errors of a binomial over the 20 replications' means.
  @Test func intervalsCoverTheirLevelOnTheModelsOwnData() throws {
    var covered = 0.0
    var count = 0.0
    for replication in 1...20 {
      let folder = try TemporaryFolder("forecast-synthetic")
      defer { folder.remove() }
      let path = try Self.write(replication: UInt64(replication), in: folder)
      let scenario = try ScenarioLoader.load(path: path)
      let result = try Backtest(
        scenario: scenario, origins: 2010...2027, horizon: 3, series: "graduates"
      ).run()
      for accuracy in result.accuracy where accuracy.method == "model" {
        covered += accuracy.coverage * Double(accuracy.count)
        count += Double(accuracy.count)
      }
    }
    #expect(count == 20 * 18 * 3)
    let coverage = covered / count
    #expect(coverage > 0.85 && coverage < 0.95, "coverage \(coverage)")
  }
}
