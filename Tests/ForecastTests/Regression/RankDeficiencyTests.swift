import Foundation
import Testing
@testable import Forecast

/// Rank deficiency is never silent: aliased terms are named, reported with
/// empty estimates, and the rest is fitted on the remaining columns, as R's `lm` does.
@Suite struct RankDeficiencyTests {
  /// x3 = x1 + x2 exactly; y has noise so the fit is not exact.
  static let table = DataTable(numeric: [
    "y": [1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.2, 8.1],
    "x1": [1, 2, 3, 4, 5, 6, 7, 8],
    "x2": [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4],
    "x3": [1.5, 2.1, 3.9, 4.3, 5.7, 6.2, 7.8, 8.4],
  ])

  @Test func aliasedTermIsNamedAndEmpty() throws {
    let report = try FitRequest(dataPath: "", formula: "y ~ x1 + x2 + x3").run(on: Self.table)
    let r = report.result
    #expect(r.aliasedTerms == ["x3"])
    #expect(r.estimates[3].isNaN && r.standardErrors[3].isNaN && r.pValues[3].isNaN)
    #expect(r.rank == 3 && r.residualDegreesOfFreedom == 5)
    #expect(r.warnings.first == .aliasedTerms(["x3"]))
    // The kept coefficients equal the fit without the aliased term.
    let reduced = try FitRequest(dataPath: "", formula: "y ~ x1 + x2").run(on: Self.table).result
    for j in 0..<3 {
      #expect(abs(r.estimates[j] - reduced.estimates[j]) <= 1e-12 * abs(reduced.estimates[j]))
      #expect(abs(r.standardErrors[j] - reduced.standardErrors[j]) <= 1e-10 * reduced.standardErrors[j])
    }
    // JSON writes the aliased estimate as null, CSV as an empty cell.
    #expect(report.rendered(as: .json).contains(#"{"term": "x3", "estimate": null"#))
    #expect(report.coefficientTable.renderedCSV().contains("\nx3,,,,,,\n"))
  }

  @Test func orderDecidesWhichTermIsAliased() throws {
    let r = try FitRequest(dataPath: "", formula: "y ~ x3 + x1 + x2").run(on: Self.table).result
    #expect(r.aliasedTerms == ["x2"])
  }

  @Test func strictMakesItAnError() throws {
    #expect(throws: FitError.regression(.rankDeficient(aliased: ["x3"]))) {
      try FitRequest(dataPath: "", formula: "y ~ x1 + x2 + x3", strict: true).run(on: Self.table)
    }
  }

  @Test func constantColumnBesideInterceptIsAliased() throws {
    let table = DataTable(numeric: ["y": [1, 2, 3.5, 4], "x": [1, 2, 3, 4], "c": [2, 2, 2, 2]])
    let r = try FitRequest(dataPath: "", formula: "y ~ x + c").run(on: table).result
    #expect(r.aliasedTerms == ["c"])
  }

  @Test func zeroColumnIsAliased() throws {
    let table = DataTable(numeric: ["y": [1, 2, 3.5, 4], "x": [1, 2, 3, 4], "z": [0, 0, 0, 0]])
    let r = try FitRequest(dataPath: "", formula: "y ~ z + x").run(on: table).result
    #expect(r.aliasedTerms == ["z"])
    #expect(r.estimates[2].isFinite)
  }
}
