import Foundation
import Testing

@testable import Forecast

/// Fits whose numbers leave the range of a double stop, naming the column to rescale.
///
/// Sums of squares, estimates or variances out of range give `RegressionError.outOfRange`
/// instead of ∞ or NaN statistics (or, for a column, calling it aliased). Fits near the edge of the range, and
/// exact fits, whose zero standard errors are real, still succeed.
@Suite struct OutOfRangeTests {
  static let x: [Double] = (1...8).map(Double.init)
  static let y: [Double] = [3.3, 4.8, 7.1, 9.4, 10.5, 13.2, 14.9, 16.7]
  /// A second regressor, not collinear with x.
  static let z: [Double] = [0.7, 0.1, 0.9, 0.4, 0.3, 0.8, 0.6, 0.2]

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    var yScale = 1.0
    var xScale = 1.0
    var zScale: Double? = nil
    var weights: [Double]? = nil
    /// Whether the error is the expected one.
    let matches: @Sendable (RegressionError.OutOfRange) -> Bool
    /// Words the message must hold.
    let message: [String]
    var testDescription: String { name }
  }

  static func fit(
    yScale: Double = 1, xScale: Double = 1, zScale: Double? = nil, weights: [Double]? = nil,
    covariance: CovarianceType = .nonrobust
  ) throws(RegressionError) -> RegressionResult {
    var columns: [[Double]] = [x.map { _ in 1 }, x.map { $0 * xScale }]
    var names = ["(Intercept)", "x"]
    if let zScale {
      columns.append(z.map { $0 * zScale })
      names.append("z")
    }
    let model = LinearModel(
      design: Matrix(columns: columns), response: y.map { $0 * yScale }, weights: weights,
      termNames: names, responseName: "y", hasIntercept: true)
    return try model.fit(covariance: covariance)
  }

  static let cases: [Case] = [
    Case(
      name: "response of 1e300: the residual sum of squares overflows", yScale: 1e300,
      matches: { $0 == .residualSumOfSquares(response: "y", largest: 16.7e300, weighted: false) },
      message: ["residual sum of squares overflows", "'y'", "1.67e+301", "divide it by 1e+301"]),
    Case(
      name: "weighted response: the residual sum of squares overflows", yScale: 1e150,
      weights: [Double](repeating: 1e12, count: 8),
      matches: {
        if case .residualSumOfSquares("y", _, weighted: true) = $0 { return true }
        return false
      },
      message: ["residual sum of squares overflows", "'y' times √weight"]),
    Case(
      name: "response of 1e-200: the residual sum of squares underflows", yScale: 1e-200,
      matches: {
        if case .residualSumOfSquaresUnderflow("y", let largest) = $0 {
          return largest > 1e-202 && largest < 1e-199
        }
        return false
      },
      message: ["residual sum of squares underflows", "multiply the response 'y' by 1e+20"]),
    Case(
      name: "column of 1e200: its sum of squares overflows", zScale: 1e200,
      matches: { $0 == .termSumOfSquares(term: "z", largest: 0.9 * 1e200, weighted: false) },
      message: ["sum of squares of term 'z' overflows", "divide the column by 1e+199"]),
    Case(
      name: "column of 1e-200: its sum of squares underflows", zScale: 1e-200,
      matches: { $0 == .termSumOfSquares(term: "z", largest: 0.9 * 1e-200, weighted: false) },
      message: ["sum of squares of term 'z' underflows", "multiply the column by 1e+201"]),
    Case(
      name: "column of 1e-160: the variance of its estimate overflows", zScale: 1e-160,
      matches: {
        if case .variance(term: "z", response: "y", let value) = $0 { return value == .infinity }
        return false
      },
      message: ["variance of the estimate of 'z' overflows", "rescale 'z' or the response 'y'"]),
    Case(
      name: "column of 5e153: the variance of its estimate underflows", zScale: 5e153,
      matches: {
        if case .variance(term: "z", response: "y", let value) = $0 {
          return value < Double.leastNormalMagnitude
        }
        return false
      },
      message: ["variance of the estimate of 'z' underflows", "too large"]),
    Case(
      name: "column of 1e-120 against a response of 1e200: the estimate overflows",
      yScale: 1e200, xScale: 1e-120,
      matches: { $0 == .estimate(term: "x", response: "y") },
      message: ["estimate of 'x' overflows", "rescale 'x' or 'y'"]),
  ]

  @Test(arguments: cases)
  func outOfRangeStopsTheFit(_ c: Case) {
    do {
      let result = try Self.fit(
        yScale: c.yScale, xScale: c.xScale, zScale: c.zScale, weights: c.weights)
      Issue.record("fitted, with σ̂ = \(result.residualStandardError)")
    } catch {
      guard case .outOfRange(let detail) = error else {
        Issue.record("unexpected error: \(error)")
        return
      }
      #expect(c.matches(detail), "\(detail)")
      for word in c.message {
        #expect(error.description.contains(word), "message lacks \(word): \(error.description)")
      }
      #expect(error.description.hasSuffix("fit again"))
    }
  }

  /// The checks are not stricter than the double range: y of 1e150 and a column of 1e150
  /// (variance 1e-302) or 1e-150 still fit, and every statistic is finite. (Not the condition
  /// number: the SVD of a design whose columns differ by 1e150 in scale returns σ_min = 0, so
  /// it is ∞, with its warning, for the column of 1e150.)
  @Test func fitsNearTheEdgeOfTheRangeSucceed() throws {
    let fits = [
      try Self.fit(yScale: 1e150), try Self.fit(zScale: 1e150), try Self.fit(zScale: 1e-150),
    ]
    for result in fits {
      let statistics = [
        result.residualSumOfSquares, result.totalSumOfSquares, result.rSquared,
        result.fStatistic, result.fPValue, result.logLikelihood, result.durbinWatson,
        result.jarqueBera, result.skewness, result.kurtosis,
      ]
      #expect(statistics.allSatisfy { $0.isFinite }, "\(statistics)")
      #expect(
        (result.standardErrors + result.tStatistics + result.pValues).allSatisfy { $0.isFinite })
    }
  }

  /// The residual diagnostics stay right for residuals of 1e99.
  ///
  /// They are scale-free; Σ e⁴ of residuals of 1e99 would overflow, so they are computed on
  /// residuals rescaled first. Tolerance 1e-12: the scaled fit differs
  /// from the unscaled one only by rounding of the scaled data.
  @Test func residualDiagnosticsAreScaleFree() throws {
    let plain = try Self.fit()
    let scaled = try Self.fit(yScale: 1e100)
    for (a, b) in [
      (plain.durbinWatson, scaled.durbinWatson), (plain.jarqueBera, scaled.jarqueBera),
      (plain.skewness, scaled.skewness), (plain.kurtosis, scaled.kurtosis),
    ] {
      #expect(abs(a - b) <= 1e-12 * abs(a), "\(a) vs \(b)")
    }
  }

  /// An exact fit has zero standard errors for real (a warning says so), and an HC2 term at
  /// leverage 1 a zero variance: neither is an underflow.
  @Test func legitimateZeroVariancesAreNotErrors() throws {
    let exact = LinearModel(
      design: Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]]), response: [2, 4, 6, 8, 10],
      termNames: ["(Intercept)", "x"], hasIntercept: true)
    let result = try exact.fit()
    #expect(result.standardErrors == [0, 0])
    #expect(result.warnings.contains(.perfectFit))

    var dummy = [Double](repeating: 0, count: 8)
    dummy[3] = 1
    let leverage = LinearModel(
      design: Matrix(columns: [Self.x.map { _ in 1 }, Self.x, dummy]), response: Self.y,
      termNames: ["(Intercept)", "x", "d"], hasIntercept: true)
    let robust = try leverage.fit(covariance: .hc2)
    #expect(robust.warnings.contains(.leverageOne(count: 1)))
  }

  // MARK: - Empty cells for values that are not finite

  /// y = 2x exactly: standard errors 0, so t = ±∞ and F = ∞.
  static func exactFitReport() throws -> RegressionReport {
    let table = DataTable(
      source: "exact.csv", names: ["y", "x"],
      columns: [.numeric([2, 4, 6, 8, 10]), .numeric([1, 2, 3, 4, 5])])
    return try FitRequest(
      dataPath: "", formula: "y ~ x", predictions: [.init(column: "x", values: [6, 7])]
    ).run(on: table)
  }

  @Test(arguments: RegressionReport.TableName.allCases)
  func delimitedTablesLeaveNonFiniteValuesEmpty(_ name: RegressionReport.TableName) throws {
    let report = try Self.exactFitReport()
    #expect(report.result.tStatistics.contains { $0.isInfinite })
    for format in [OutputFormat.csv, .tsv] {
      let text = report.delimited(name, as: format).lowercased()
      #expect(!text.contains("inf") && !text.contains("nan"), "\(text)")
    }
  }

  @Test func csvAndJSONShowAnInfiniteTAsMissing() throws {
    let report = try Self.exactFitReport()
    let csv = report.rendered(as: .csv)
    #expect(csv.contains("\nx,2,0,,0,2,2\n"), "\(csv)")
    let statistics = report.delimited(.statistics, as: .csv)
    #expect(statistics.contains("\nf_statistic,\n"), "\(statistics)")
    let json = report.rendered(as: .json)
    #expect(json.contains(#""term": "x", "estimate": 2, "std_error": 0, "t": null"#), "\(json)")
    #expect(json.contains(#""f_statistic": null"#))
    #expect(!json.lowercased().contains("inf") && !json.lowercased().contains("nan"))
    // The text summary keeps statsmodels' `inf`.
    #expect(report.rendered(as: .text).contains("inf"))
  }
}
