/// Why `simulate fit` could not produce a result: each case names the input at fault.
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible {
  case data(CSVError)
  case formula(FormulaError)
  case regression(RegressionError)
  case badLevel(Double)
  case badPrediction(String, String)
  case unknownWeights(String, source: String, nearest: [String])
  case textWeights(String, source: String)
  case unknownPredictionColumn(String, source: String, nearest: [String])
  case textPredictionColumn(String, source: String)

  public var description: String {
    switch self {
    case .data(let e): return e.description
    case .formula(let e): return e.description
    case .regression(let e): return e.description
    case .badLevel(let level):
      return "--level must lie strictly between 0 and 1 (for example 0.95); found \(level)"
    case .badPrediction(let text, let why):
      return "--predict '\(text)': \(why)"
    case .unknownWeights(let name, let source, let nearest):
      return "\(source): no column '\(name)' for --weights" + suggestion(nearest)
    case .textWeights(let name, let source):
      return "\(source): column '\(name)' holds text, not numbers, and cannot be --weights"
    case .unknownPredictionColumn(let name, let source, let nearest):
      return "--predict: \(source) has no column '\(name)'" + suggestion(nearest)
    case .textPredictionColumn(let name, let source):
      return "--predict: column '\(name)' of \(source) holds text, not numbers"
    }
  }
}

func suggestion(_ nearest: [String]) -> String {
  nearest.isEmpty ? "" : "; did you mean " + nearest.map { "'\($0)'" }.joined(separator: " or ") + "?"
}
