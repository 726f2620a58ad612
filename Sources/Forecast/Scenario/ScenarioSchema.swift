/// The closed schema of a scenario file (docs/scenario-reference.toml); the tables and columns
/// that expectations may name are `RunTable`'s.
enum ScenarioSchema {
  static let topLevel = [
    "extends", "scenario", "data", "population", "drivers", "tracks", "calibrate", "sectors",
    "shocks", "expect", "output", "check",
  ]
  static let scenario = ["name", "title", "base_year", "horizon", "paths", "seed", "quantiles"]
  static let dataSeries = ["file", "column", "scale"]
  static let population = ["births", "survival"]
  static let driver = ["constant", "values", "start", "growth", "model", "years", "weights", "sd"]
  static let inlineDriver = ["constant", "values", "start", "growth", "sd"]
  static let track = [
    "name", "duration", "intake", "entry", "continuation", "intake_driver", "progression",
    "completion", "fields",
  ]
  static let entry = ["age", "rate"]
  static let continuation = ["from", "share"]
  static let calibrate = ["graduates", "years"]
  static let sector = [
    "name", "employment", "growth", "replacement", "graduate_share", "capacity", "eligibility",
  ]
  static let shock = ["target", "op", "value", "from", "to", "sd"]
  static let expect = ["table", "key", "column", "year", "value", "rtol", "atol"]
  static let output = ["tables", "format"]
  static let check = ["rtol", "atol", "tolerance"]
  static let checkTolerance = ["table", "column", "rtol", "atol"]

  /// Whether `name` matches `[a-z0-9_-]+`.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
      }
  }
}
