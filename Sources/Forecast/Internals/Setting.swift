/// A setting of a library call that an error message names: the list of tables, the number of
/// paths, a tolerance. The library's messages name a setting through `SettingNames`, so that
/// a front end can name it as its users write it (the command line as its flag) while the
/// library itself names no command-line flag.
public enum Setting: String, CaseIterable, Sendable {
  case tables, format, out, long, paths, seed, level, predict, weights, strict
  case origins, horizon, metric, metrics, series, set, delta, year, rtol, atol, tolerance
  /// The largest calibrated yield a backtest takes as plausible.
  case maximumYield = "max-yield"
  case method, samples, trajectories, levels, chart, years
  /// A shock written on one line (`TARGET OP VALUE [FROM[-TO]]`), and an alternative built
  /// from such shocks.
  case shock, alternative = "alt"
  /// How a sweep's values combine with their targets, and the first and last year they act.
  case op, from, to
  /// A shard of a run (`I/N`), the shard count, where shard results go, and resuming.
  case shard, shards, shardDir = "shard-dir", resume
  /// Recording a snapshot of a scenario's tables.
  case recordSnapshot
  /// Replacing a scenario's snapshot with its current tables.
  case updateSnapshot
  /// Listing a scenario's shock targets.
  case listTargets
  /// The name of a check report's test suites (JUnit).
  case checkSuite
}

/// How messages spell a `Setting`.
public struct SettingNames: Sendable {
  private let spell: @Sendable (Setting) -> String

  public init(_ spell: @escaping @Sendable (Setting) -> String) { self.spell = spell }

  /// The library's own spelling: the setting's name in backquotes (`` `paths` ``), and the
  /// library call for the snapshot operations.
  public static let library = SettingNames { setting in
    switch setting {
    case .recordSnapshot: return "`Snapshot.record`"
    case .updateSnapshot: return "`CheckReport.run(update: true)`"
    case .listTargets: return "`Scenario.validTargets`"
    case .checkSuite: return "check"
    default: return "`\(setting.rawValue)`"
    }
  }

  public func callAsFunction(_ setting: Setting) -> String { spell(setting) }

  /// Marks each setting in a message (`\u{1}paths\u{1}`), so that a message kept as text (in a
  /// shard result) can be spelled later by `spelling(_:)`.
  static let placeholder = SettingNames { "\u{1}\($0.rawValue)\u{1}" }

  /// `template`, written with `placeholder`, with each setting spelled this way.
  func spelling(_ template: String) -> String {
    let parts = template.split(separator: "\u{1}", omittingEmptySubsequences: false)
    return parts.enumerated().map { i, part in
      guard i % 2 == 1, let setting = Setting(rawValue: String(part)) else { return String(part) }
      return spell(setting)
    }.joined()
  }
}

/// An error whose message names settings: `description` spells them the library's way,
/// `message(naming:)` as a front end asks.
public protocol SettingMessage: Error, CustomStringConvertible {
  func message(naming: SettingNames) -> String
}

extension SettingMessage {
  public var description: String { message(naming: .library) }
}

/// `error`'s message with settings spelt by `names` where it names any.
public func message(of error: any Error, naming names: SettingNames) -> String {
  (error as? any SettingMessage)?.message(naming: names) ?? "\(error)"
}
