/// The closed schema of a scenario file (docs/scenario-reference.toml); the tables and columns
/// that expectations may name are `RunTable`'s.
enum ScenarioSchema {
  static let topLevel = [
    "extends", "scenario", "data", "population", "drivers", "tracks", "calibrate", "sectors",
    "shocks", "uncertain", "expect", "output", "check",
  ]
  static let scenario = ["name", "title", "base_year", "horizon", "paths", "seed", "quantiles"]
  static let dataSeries = ["file", "column", "scale", "projected"]
  static let population = ["births", "births_driver", "survival"]
  static let driver = [
    "constant", "values", "start", "growth", "model", "years", "window", "weights", "anchor",
    "anchor_decay", "sd",
  ]
  static let inlineDriver = ["constant", "values", "start", "growth", "sd"]
  static let track = [
    "name", "duration", "intake", "entry", "continuation", "intake_driver", "progression",
    "completion", "fields", "calibrate",
  ]
  static let entry = ["age", "rate"]
  static let continuation = ["from", "share"]
  static let calibrate = ["graduates", "years", "window"]
  /// A fit's years, exactly one of the two: absolute, or the last n up to base_year (MODEL.md 2).
  static let fitWindow = ["years", "window"]
  /// What `anchor` may say (MODEL.md 2).
  static let anchors = ["last"]
  static let sector = [
    "name", "employment", "growth", "replacement", "graduate_share", "capacity", "eligibility",
  ]
  static let shock = ["target", "op", "value", "from", "to", "sd"]
  static let uncertain = ["target", "op", "uniform", "triangular", "normal"]
  /// An uncertain input's distributions, exactly one per entry (MODEL.md 12).
  static let uncertainDistributions = ["uniform", "triangular", "normal"]
  static let expect = ["table", "key", "column", "year", "value", "rtol", "atol"]
  static let output = ["tables", "format"]
  static let check = ["rtol", "atol", "tolerance"]
  static let checkTolerance = ["table", "column", "rtol", "atol"]

  /// A driver's forms (exactly one per driver) and the keys that belong to each (MODEL.md 2).
  static let driverForms: [(form: String, keys: [String])] = [
    ("constant", ["constant"]), ("values", ["values"]), ("start", ["start", "growth"]),
    ("model", ["model", "years", "window", "weights", "anchor", "anchor_decay"]),
  ]
  /// A track's projection rules, exactly one per track (MODEL.md 3).
  static let trackRules = ["entry", "continuation", "intake_driver"]
  /// The keys of a sector given by employment; the other kind gives `capacity` (MODEL.md 4).
  static let employmentSector = ["employment", "growth", "replacement", "graduate_share"]
  static let capacitySector = ["capacity"]

  /// Groups of keys of a list's items of which an extension naming one drops the base's
  /// others (`extends`, MODEL.md 8).
  static let exclusiveKeys: [String: [[String]]] = [
    "tracks": trackRules.map { [$0] },
    "sectors": [employmentSector, capacitySector],
  ]

  /// Every table of the schema with its keys, by the heading of its section in
  /// docs/scenario-reference.md.
  static let tables: [(path: String, keys: [String])] = [
    ("(top level)", topLevel), ("scenario", scenario), ("data.NAME", dataSeries),
    ("population", population), ("drivers.NAME", driver + inlineDriver), ("tracks", track),
    ("tracks.entry", entry), ("tracks.continuation", continuation),
    ("calibrate", calibrate + fitWindow), ("sectors", sector), ("shocks", shock),
    ("uncertain", uncertain + uncertainDistributions), ("expect", expect), ("output", output),
    ("check", check), ("check.tolerance", checkTolerance),
  ]

  /// Whether `name` matches `[a-z0-9_-]+`.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
      }
  }
}
