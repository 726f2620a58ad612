import ArgumentParser
import Forecast

extension CovarianceType: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension RegressionReport.TableName: ExpressibleByArgument {}
extension RunFormat: ExpressibleByArgument {}

/// `simulate fit DATA.csv "FORMULA"`: a least-squares regression on a CSV file.
struct Fit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fit a linear regression with an R-style formula to a CSV file.",
    discussion: """
      Least squares by Householder QR of the column-scaled design (LAPACK through OpenBLAS),
      refined in extended precision; never by inverting X'X. Statistics follow statsmodels.
      A term that is a linear combination of earlier terms is aliased: reported with empty
      estimates and a warning (an error with --strict).

      Examples:
        simulate fit data.csv "y ~ x1 + log(x2)"
        simulate fit data.csv "log(y) ~ year" --predict year=2026:2030:1 --format csv --table predictions
      """)

  @Argument(help: "CSV file with a header row; a `year` column drives lag() and diff().")
  var data: String

  @Argument(help: "R-style formula, e.g. \"y ~ x1 + log(x2) - 1\".")
  var formula: String

  @Option(help: "Column of weights proportional to inverse variance (WLS, as R's lm).")
  var weights: String?

  @Option(help: "Covariance of the estimates: nonrobust, HC0, HC1, HC2 or HC3.")
  var cov: CovarianceType = .nonrobust

  @Flag(help: "Make aliased (linearly dependent) terms an error, exit 2.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Predict at COLUMN=V1,V2,... (or A:B:STEP); repeat for several columns.",
      valueName: "COLUMN=VALUES"))
  var predict: [String] = []

  @Option(help: "Confidence level of the intervals.")
  var level: Double = 0.95

  @Option(help: "Aliasing tolerance: relative distance of a column from the span of earlier ones.")
  var tolerance: Double = LinearModel.defaultRankTolerance

  @Option(help: "Output format: text, markdown, csv, tsv or json.")
  var format: OutputFormat = .text

  @Option(help: "With csv or tsv: the table to write (coefficients, statistics, predictions).")
  var table: RegressionReport.TableName = .coefficients

  func validate() throws {
    if table == .predictions && predict.isEmpty {
      throw ValidationError("--table predictions needs at least one --predict COLUMN=VALUES")
    }
  }

  func run() throws {
    do {
      let request = FitRequest(
        dataPath: data, formula: formula, weightsColumn: weights, covariance: cov, strict: strict,
        predictions: try predict.map(FitRequest.PredictionInput.init(parsing:)), level: level,
        rankTolerance: tolerance)
      let report = try request.run()
      switch format {
      case .csv, .tsv: writeOut(report.delimited(table, as: format))
      default: writeOut(report.rendered(as: format))
      }
    } catch {
      throw failBadInput(error)
    }
  }
}
