/// Which inputs produced a result of several runs (a comparison, a sweep, a tornado, a
/// sensitivity analysis, a backtest): the command and its settings, the tool and BLAS, and
/// every scenario with the SHA-256 of its files, its data and the shocks added to it.
public struct ResultMetadata: Sendable, Equatable {
  /// The command that made the result (`compare`, `sweep`...).
  public let command: String
  /// The scenarios run, the base or only one first.
  public let scenarios: [RunMetadata]
  /// The command's own settings as given, by name (`metrics`, `set`, `origins`...), in order.
  public let settings: [Setting]
  public let warnings: [String]

  /// One setting of the command: its name and its value as text.
  public struct Setting: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public init(
    command: String, scenarios: [Scenario], settings: [Setting] = [], warnings: [String] = []
  ) {
    self.command = command
    self.scenarios = scenarios.map { RunMetadata(scenario: $0) }
    self.settings = settings
    self.warnings = warnings
  }

  /// The metadata of runs described already (a merge of shards: their scenario and BLAS).
  init(command: String, runs: [RunMetadata], settings: [Setting], warnings: [String]) {
    self.command = command
    self.scenarios = runs
    self.settings = settings
    self.warnings = warnings
  }

  /// The metadata as a JSON object: command, tool and BLAS, seed and paths (the first
  /// scenario's, which every run shares), settings, scenarios, warnings.
  public var json: String {
    let first = scenarios.first
    let fields: [(String, String)] =
      [("command", Table.jsonString(command))]
      + (first?.toolFields ?? [])
      + [
        ("paths", first.map { "\($0.paths)" } ?? "null"),
        ("seed", first.map { "\($0.seed)" } ?? "null"),
        (
          "settings",
          RunMetadata.object(settings.map { ($0.name, Table.jsonString($0.value)) })
        ),
        (
          "scenarios",
          "[" + scenarios.map { RunMetadata.object($0.scenarioFields(shortPaths: true)) }
            .joined(separator: ", ") + "]"
        ),
        ("warnings", RunMetadata.json(warnings)),
      ]
    return RunMetadata.object(fields)
  }
}
