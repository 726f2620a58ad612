import Foundation

/// Balance metrics chosen by name (`graduates,unplaced`), in the order given.
public struct MetricSelection: Sendable, Equatable {
  public let metrics: [BalanceMetric]
  /// The metrics' names, in the order given.
  public var names: [String] { metrics.map(\.rawValue) }

  /// Every balance metric, in the order of MODEL.md 9.
  public static let all = MetricSelection(names: BalanceMetric.names)

  private init(names: [String]) {
    metrics = names.compactMap(BalanceMetric.init(rawValue:))
  }

  /// Parses a comma-separated list of metrics.
  ///
  /// Nil means every metric; repeats are dropped; an empty name (also an empty list) is refused.
  /// - Throws: `WhatIfError.unknownMetric` with the nearest metric names.
  public init(parsing list: String?, option: Setting = .metrics) throws(WhatIfError) {
    guard let list else {
      self = .all
      return
    }
    var names: [String] = []
    for part in list.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces)
      names.append(try Self.metric(name, option: option))
    }
    var unique: [String] = []
    for name in names where !unique.contains(name) { unique.append(name) }
    self.init(names: unique)
  }

  /// `name` when it is a balance metric.
  /// - Throws: `WhatIfError.unknownMetric` with the nearest metric names.
  public static func metric(_ name: String, option: Setting) throws(WhatIfError) -> String {
    guard BalanceMetric.names.contains(name) else {
      throw .unknownMetric(
        option: option, name: name,
        nearest: ScenarioDecoder.nearest(name, among: BalanceMetric.names))
    }
    return name
  }
}
