/// One row of the fit table (MODEL.md 9): a coefficient of a model driver or a calibrated yield.
public struct FitRow: Sendable, Equatable {
  public let model: String
  public let term: String
  public let estimate: Double
  public let standardError: Double
  public let t: Double
  public let pValue: Double

  static func rows(model: String, result: RegressionResult) -> [FitRow] {
    result.termNames.indices.map {
      FitRow(
        model: model, term: result.termNames[$0], estimate: result.estimates[$0],
        standardError: result.standardErrors[$0], t: result.tStatistics[$0],
        pValue: result.pValues[$0])
    }
  }
}
