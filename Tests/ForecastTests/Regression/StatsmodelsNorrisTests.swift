import Foundation
import Testing
@testable import Forecast

/// p values on NIST Norris against statsmodels 0.15 and the exact tails.
///
/// Norris is y ~ x with 34 residual df; the slope's t is 2332 and its p value 4.7e-90. The
/// references are statsmodels' p values and the exact p values of NIST's certified t and F
/// (Fixtures/statsmodels/norris.json, made by make_norris_reference.py in that folder). With
/// more than 30 residual df and a large t, the t tail is where a naive series comes out negative (−8e-74).
///
/// Tolerance: relative 1e-10. In the tail p ∝ t^(−ν), so a relative difference δ between two
/// fits' t statistics becomes about ν·δ = 34δ in p (and ((ν + 1)/2)·δ for F); our t and
/// statsmodels' agree with the certified t to about 1e-13 (NIST guarantees nothing beyond its
/// 15 digits), so the p values can differ by a few 1e-12. 1e-10 keeps a margin and still
/// catches any error in the tail itself, which shows at 1e-3 or worse.
@Suite struct StatsmodelsNorrisTests {
  static let tolerance = 1e-10
  let reference: [String: Any]
  let result: RegressionResult

  init() throws {
    let data = try Fixtures.data("statsmodels/norris.json")
    reference = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    let table = try CSVReader.read(contentsOf: Fixtures.url("nist/Norris.csv").path)
    result = try FitRequest(dataPath: "", formula: "y ~ x").run(on: table).result
  }

  func values(_ section: String, _ key: String) -> [Double] {
    let block = reference[section] as? [String: Any] ?? [:]
    if let array = block[key] as? [Double] { return array }
    if let value = block[key] as? Double { return [value] }
    Issue.record("no reference value \(section).\(key)")
    return []
  }

  func expectClose(_ computed: [Double], _ expected: [Double], _ what: String) {
    #expect(computed.count == expected.count, "\(what): \(expected.count) reference values")
    for (i, (a, b)) in zip(computed, expected).enumerated() {
      let error = abs(a - b) / abs(b)
      #expect(error <= Self.tolerance, "\(what)[\(i)]: \(a) vs \(b) (relative \(error))")
    }
  }

  @Test func pValuesAreProbabilities() {
    for p in result.pValues + [result.fPValue] {
      #expect(p > 0 && p <= 1, "p value \(p)")
    }
  }

  @Test func pValuesMatchStatsmodels() {
    #expect(Double(result.residualDegreesOfFreedom) == reference["df_resid"] as? Double)
    expectClose(result.tStatistics, values("statsmodels", "tvalues"), "t")
    expectClose(result.pValues, values("statsmodels", "pvalues"), "p value")
    expectClose([result.fPValue], values("statsmodels", "f_pvalue"), "F-test p value")
  }

  @Test func pValuesMatchTheCertifiedStatistics() {
    expectClose(result.pValues, values("certified", "pvalues_exact"), "p value")
    expectClose([result.fPValue], values("certified", "f_pvalue_exact"), "F-test p value")
  }
}
