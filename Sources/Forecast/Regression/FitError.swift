/// Why `simulate fit` could not produce a result: each case names the input at fault.
public enum FitError: Error, Equatable, Sendable, SettingMessage {
  case data(CSVError)
  case formula(FormulaError)
  case regression(RegressionError)
  case badLevel(Double)
  case badPrediction(String, String)
  case unknownWeights(String, source: String, nearest: [String])
  case textWeights(String, source: String)
  /// A prediction column with another number of values than the others (and more than one).
  case predictionLengths(column: String, count: Int, expected: Int)
  case unknownPredictionColumn(String, source: String, nearest: [String])
  case textPredictionColumn(String, source: String)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .data(let e): return e.description
    case .formula(let e): return e.description
    case .regression(let e): return e.message(naming: n)
    case .badLevel(let level):
      return "\(n(.level)) must lie strictly between 0 and 1 (for example 0.95); found \(level)"
    case .predictionLengths(let column, let count, let expected):
      return "\(n(.predict)) '\(column)=...': " + Wording.count(count, "value")
        + " where another \(n(.predict)) gives \(expected) (give 1 or \(expected))"
    case .badPrediction(let text, let why):
      return "\(n(.predict)) '\(text)': \(why)"
    case .unknownWeights(let name, let source, let nearest):
      return "\(source): no column '\(name)' for \(n(.weights))" + suggestion(nearest)
    case .textWeights(let name, let source):
      return "\(source): column '\(name)' holds text, not numbers, and cannot be \(n(.weights))"
    case .unknownPredictionColumn(let name, let source, let nearest):
      return "\(n(.predict)): \(source) has no column '\(name)'" + suggestion(nearest)
    case .textPredictionColumn(let name, let source):
      return "\(n(.predict)): column '\(name)' of \(source) holds text, not numbers"
    }
  }
}

func suggestion(_ nearest: [String]) -> String {
  nearest.isEmpty ? "" : "; did you mean " + nearest.map { "'\($0)'" }.joined(separator: " or ") + "?"
}
