extension WhatIfError: SettingMessage {
  public func message(naming n: SettingNames) -> String {
    switch self {
    case .unknownTarget(let option, let path, let nearest):
      return "\(n(option)): '\(path)' is not a shock target of the scenario"
        + (nearest.isEmpty ? "" : " (nearest: \(nearest.joined(separator: ", ")))")
        + "; \(n(.listTargets)) lists them all"
    case .unknownMetric(let option, let name, let nearest):
      return "\(n(option)): no balance metric '\(name)'"
        + (nearest.isEmpty ? "" : " (did you mean \(nearest.joined(separator: " or "))?)")
        + "; metrics: " + BalanceMetric.names.joined(separator: ", ")
    case .yearOutOfRange(let year, let valid):
      return "\(n(.year)): \(year) is not a projection year of the scenario; "
        + "years: \(valid.lowerBound)-\(valid.upperBound)"
    case .setSyntax(let text):
      return "\(n(.set)): expected TARGET=VALUES, with VALUES a list (0.1,0.2,0.3) or a range "
        + "start:stop:step (0.45:0.60:0.05), found '\(text)'"
    case .badValue(let target, let text):
      return "\(n(.set)) \(target): expected finite numbers, found '\(text)'"
    case .nonPositiveStep(let target, let text):
      return "\(n(.set)) \(target): the step of range '\(text)' must be above 0"
    case .emptyRange(let target, let text):
      return "\(n(.set)) \(target): range '\(text)' is empty (its stop is below its start)"
    case .duplicateTarget(let path):
      return "\(n(.set)): target '\(path)' is swept twice; give all its values in one \(n(.set))"
    case .gridTooLarge(let points, let limit):
      return "\(n(.set)): the grid has \(Self.count(points)) points, more than the limit of "
        + "\(limit): use fewer values or coarser steps"
    case .outputTooLarge(let rows, let limit):
      return "the sweep would print \(Self.count(rows)) rows, more than the limit of \(limit): "
        + "narrow it with \(n(.metrics)) or fewer \(n(.set)) values"
    case .badDelta(let text):
      return "\(n(.delta)): expected a share in (0, 1) such as 0.1 or a percentage such as 10%, "
        + "found '\(text)'"
    case .run(let scenario, let error):
      return "\(scenario): \(error.message(naming: n))"
    }
  }

  /// A count for a message: a whole number when it fits, else scientific.
  private static func count(_ value: Double) -> String {
    value < 1e15 ? String(Int(value)) : "\(value)"
  }
}
