/// The closed schema of a scenario file (docs/scenario-reference.toml) and the table columns of
/// MODEL.md 9 that expectations may name.
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

  /// Table names of MODEL.md 9, in its order.
  static let tables = ["supply", "demand", "balance", "matching", "fan", "fit"]

  /// The columns of each table that hold values an expectation can check (not year or keys);
  /// the fan table's quantile columns follow the scenario's levels.
  static let valueColumns: [String: [String]] = [
    "supply": ["intake", "enrolled", "graduates", "continuing", "new_supply"],
    "demand": ["employment", "openings", "capacity"],
    "balance": [
      "graduates", "new_supply", "capacity", "placed", "unplaced", "vacancies", "coverage",
    ],
    "matching": ["placed"],
    "fan": ["mean"],
    "fit": ["estimate", "std_error", "t", "p_value"],
  ]

  /// The balance metrics that the fan table summarises (its `metric` keys).
  static let fanMetrics = valueColumns["balance"] ?? []

  /// A fan table's column for a quantile level: `q` and 100 x level without trailing zeros, at
  /// least two digits (q05, q50, q2.5, q97.5) (MODEL.md 7).
  static func quantileColumn(_ level: Double) -> String {
    // Rounded to 1e-9 so that 0.975 * 100 reads 97.5, not 97.49999999999999.
    let percent = (level * 100 * 1e9).rounded() / 1e9
    if percent.rounded() == percent, abs(percent) < 1e9 {
      let whole = Int(percent)
      return whole < 10 ? "q0\(whole)" : "q\(whole)"
    }
    return "q\(percent)"
  }

  /// Whether `name` matches `[a-z0-9_-]+`.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
      }
  }
}
