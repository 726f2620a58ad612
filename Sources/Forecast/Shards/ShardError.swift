/// Why a shard could not be run, read or merged. Messages name the files, the shards and the
/// paths, points or origins at fault.
public enum ShardError: Error, Equatable, Sendable, SettingMessage {
  /// A shard spec that is not `I/N` with 0 <= I < N.
  case badSpec(text: String, reason: String)
  /// An environment variable that should hold a whole number.
  case badEnvironment(variable: String, found: String)
  /// A shard worked out from the environment that is not one: `variables` are the
  /// `NAME=value` pairs it came from.
  case badEnvironmentShard(variables: [String], found: String, reason: String)
  /// No array index in the environment (`countGiven`: a shard count was given, so the
  /// Kubernetes index was looked for too).
  case noShardInEnvironment(countGiven: Bool)
  /// A shard setting given to a command or with a setting it does not go with.
  case notApplicable(setting: Setting, reason: String)
  case noShards
  /// A file that cannot be read (missing, a folder, refused by the system).
  case unreadable(path: String, reason: String)
  /// A file that is not a shard result of this tool.
  case notAShard(path: String)
  /// A shard result of a format version this tool does not read.
  case unsupportedVersion(path: String, found: String, supported: Int)
  /// A shard result whose checksum or contents are wrong: truncated, edited or damaged.
  case damaged(path: String, reason: String)
  /// Two shards that are not of the same run: `field` differs.
  case mismatch(path: String, other: String, field: String, found: String, expected: String)
  /// Items (paths, grid points) no shard covers; `missing` names the shards of the same
  /// count that would have, when all shards share one.
  case gap(items: Range<Int>, noun: String, missing: [String])
  /// Items two shards both cover.
  case overlap(items: Range<Int>, noun: String, path: String, other: String)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .badSpec(let text, let reason):
      return "\(n(.shard)): expected I/N with 0 <= I < N (shard I of N, numbered from 0), "
        + "found '\(text)': \(reason)"
    case .badEnvironment(let variable, let found):
      return "\(variable): expected a whole number from 0 to \(ShardSpec.maximumValue)"
        + (variable == "SLURM_ARRAY_TASK_STEP" ? " and at least 1" : "") + ", found '\(found)'"
    case .badEnvironmentShard(let variables, let found, let reason):
      return "the shard in the environment (\(variables.joined(separator: ", "))) is not one of the "
        + "run's, found \(found): \(reason)"
    case .noShardInEnvironment(let countGiven):
      return countGiven
        ? "\(n(.shards)) needs the shard's index: JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) "
          + "or SLURM_ARRAY_TASK_ID (a Slurm array job) is not set; give \(n(.shard)) I/N instead"
        : "no shard in the environment: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are set in "
          + "each task of a Slurm array job (an sbatch array 0-(N-1)); elsewhere give \(n(.shard)) I/N, or "
          + "\(n(.shards)) N with JOB_COMPLETION_INDEX"
    case .notApplicable(let setting, let reason):
      return "\(n(setting)): \(reason)"
    case .noShards:
      return "no shard results given: name the .shard files (or a folder holding them)"
    case .unreadable(let path, let reason):
      return "cannot read shard result \(path): \(reason)"
    case .notAShard(let path):
      return "\(path) is not a shard result (it does not start with '\(ShardFile.magic)')"
    case .unsupportedVersion(let path, let found, let supported):
      return "\(path) is a shard result of format version \(found); this tool reads version "
        + "\(supported) (rerun the shard with this version)"
    case .damaged(let path, let reason):
      return "\(path) is damaged: \(reason); rerun its shard (with \(n(.resume)), the array job "
        + "reruns only shards whose results are missing or damaged)"
    case .mismatch(let path, let other, let field, let found, let expected):
      return "\(path) is not a shard of the same run as \(other): its \(field) is \(found), "
        + "where \(other) has \(expected)"
        + (field == "scenario_sha256"
          ? " (the scenarios as resolved differ: a setting given on the command line, such as a "
            + "shock, or a value in the files)" : "")
    case .gap(let items, let noun, let missing):
      let which = missing.isEmpty ? "" : " (missing: shard \(missing.joined(separator: ", ")))"
      return "no shard covers \(noun) \(Self.span(items))\(which): every shard of the run is needed"
    case .overlap(let items, let noun, let path, let other):
      return "\(path) and \(other) both cover \(noun) \(Self.span(items)): give each shard once"
    }
  }

  /// Why a spec is not one, for `badSpec`; the whole message for other errors.
  var reason: String {
    if case .badSpec(_, let reason) = self { return reason }
    return "\(self)"
  }

  /// "0–63" for 0..<64, "7" for 7..<8.
  static func span(_ items: Range<Int>) -> String {
    items.count == 1 ? "\(items.lowerBound)" : "\(items.lowerBound)–\(items.upperBound - 1)"
  }
}
