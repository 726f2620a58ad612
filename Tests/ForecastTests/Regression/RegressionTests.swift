import Foundation
import Testing
@testable import Forecast

/// Accuracy against NIST's certificates through the whole path a user takes: CSV, formula,
/// fit. LRE bars per dataset are in `StRDCase.all`.
@Suite struct CertifiedRegressionTests {
  func fit(_ c: StRDCase) throws -> RegressionResult {
    let table = try CSVReader.read(contentsOf: Fixtures.url("nist/\(c.name).csv").path)
    return try FitRequest(dataPath: "", formula: c.formula).run(on: table).result
  }

  @Test(arguments: StRDCase.all)
  func estimatesAndStandardErrors(_ c: StRDCase) throws {
    let r = try fit(c)
    #expect(r.aliasedTerms.isEmpty)
    let estimates = zip(r.estimates, c.parameters).map(logRelativeError).min() ?? 0
    let errors = zip(r.standardErrors, c.standardErrors).map(logRelativeError).min() ?? 0
    #expect(estimates >= c.minimumLRE, "estimates LRE \(estimates)")
    #expect(errors >= c.minimumLRE, "standard errors LRE \(errors)")
  }

  /// σ̂, R² and F carry at least as many digits as the estimates need (9; 7 on Filip).
  @Test(arguments: StRDCase.all)
  func modelStatistics(_ c: StRDCase) throws {
    let r = try fit(c)
    let bar = min(c.minimumLRE, 9)
    #expect(logRelativeError(r.residualStandardError, c.residualSD) >= bar)
    #expect(logRelativeError(r.rSquared, c.rSquared) >= bar)
    if let f = c.fStatistic {
      #expect(logRelativeError(r.fStatistic, f) >= bar, "F \(r.fStatistic) vs \(f)")
    } else {
      // Wampler1–2 fit exactly: NIST certifies F = ∞; ours is huge or infinite.
      #expect(r.fStatistic > 1e20)
    }
  }
}
