import Foundation

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
    case .unknownOperation(let text, let nearest):
      return "\(n(.op)): expected set, scale or add, found '\(text)'"
        + (nearest.isEmpty ? "" : " (did you mean \(nearest.joined(separator: " or "))?)")
    case .reversedSpan(let from, let to):
      return "\(n(.to)): expected a last year >= the first (\(n(.from)) \(from)), found \(to)"
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
    case .noUncertainInputs(let scenario):
      return "\(scenario): this analysis needs the scenario's uncertain inputs: add "
        + "[[uncertain]] entries (target, and uniform, triangular or normal)"
    case .unknownMethod(let name):
      return "\(n(.method)): expected sobol or morris, found '\(name)'"
    case .badYears(let text):
      return "\(n(.years)): expected a year or a span A-B with A <= B (2030, 2026-2030), "
        + "found '\(text)'"
    case .yearsOutOfRange(let years, let valid):
      let given = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)"
      return "\(n(.years)): \(given) is not within the scenario's projection years "
        + "\(valid.lowerBound)-\(valid.upperBound)"
    case .design(let error):
      switch error {
      case .baseSamplesNotPowerOfTwo: return "\(n(.samples)): \(error)"
      case .tooFewTrajectories, .tooManyTrajectories: return "\(n(.trajectories)): \(error)"
      case .invalidLevels: return "\(n(.levels)): \(error)"
      case .infiniteDesignValue(let input, _, let quantile) where quantile == 0 || quantile == 1:
        // A scenario's inputs take their domain from their target: the remedy is the range.
        return "uncertain input '\(input)': a Morris grid reaches the quantiles 0 and 1 of each "
          + "input's distribution, and its normal distribution's are infinite on a target with no "
          + "bound there: give the [[uncertain]] entry a `uniform` or `triangular` range instead, or "
          + "use the Sobol method"
      default: return "uncertain inputs: \(error)"
      }
    case .uncertainEntry(let index, let error):
      return "uncertain[\(index)]: \(error)"
    case .designTooLarge(let runs, let outputs, let limit):
      let runs = runs == Int.max ? "more than \(Int.max)" : "\(runs)"
      return "the design's \(runs) runs would keep \(Self.count(outputs)) outputs (runs x years "
        + "x metrics), more than the limit of \(limit): use a smaller \(n(.samples)), or fewer "
        + "\(n(.years)) or \(n(.metrics))"
    case .run(let scenario, let error):
      return "\(scenario): \(error.message(naming: n))"
    }
  }

  /// A count for a message: a whole number when it fits, else scientific.
  /// A count as a whole number, or as a power of ten when it is too large to read that way.
  private static func count(_ value: Double) -> String {
    if value < 1e15 { return String(Int(value)) }
    guard value.isFinite else { return "more than 10^308" }
    return "about 10^\(Int(log10(value).rounded(.down)))"
  }
}
