import Foundation

/// One swept target and its values, from `TARGET=VALUES` (a list `0.1,0.2,0.3` or an
/// inclusive range `start:stop:step`).
public struct SweepAxis: Sendable, Equatable {
  public let target: ShockTarget
  public let values: [Double]

  public init(target: ShockTarget, values: [Double]) {
    precondition(!values.isEmpty, "SweepAxis: no values for \(target.path)")
    self.target = target
    self.values = values
  }

  /// Parses `TARGET=VALUES` against the scenario's shock targets.
  /// - Throws: `WhatIfError` for a missing `=`, an unknown target (with the nearest valid
  ///   ones) or bad values.
  public init(parsing text: String, scenario: Scenario) throws(WhatIfError) {
    guard let equals = text.firstIndex(of: "=") else { throw .setSyntax(text) }
    let path = text[..<equals].trimmingCharacters(in: .whitespaces)
    let list = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty, !list.isEmpty else { throw .setSyntax(text) }
    let target = try Self.target(path, in: scenario, option: .set)
    self.init(target: target, values: try Self.values(list, target: path))
  }

  /// The shock target at `path` when the scenario has it (MODEL.md 8).
  /// - Throws: `WhatIfError.unknownTarget` with the three nearest valid targets.
  public static func target(_ path: String, in scenario: Scenario, option: Setting)
    throws(WhatIfError) -> ShockTarget
  {
    let valid = scenario.validTargets
    if let target = ShockTarget(path: path), valid.contains(target) { return target }
    throw .unknownTarget(
      option: option, path: path,
      nearest: EditDistance.closest(to: path, among: valid.map(\.path), limit: 3))
  }

  /// The values of a list `a,b,c` or a range `start:stop:step`.
  ///
  /// A range holds start + i·step for i = 0, 1, ... while that is at most stop, stop
  /// included when (stop − start) / step is within 1e-9 (relative) of a whole number, so
  /// `0.45:0.60:0.05` gives 4 values. Each value is computed from i (never by adding steps
  /// up) and rounded to the decimal places written in start and step, so it is the double
  /// nearest the decimal the user meant (0.55, not 0.5500000000000001).
  /// - Throws: `WhatIfError` for a value that is not a finite number, a step ≤ 0, a stop
  ///   below the start, or more values than `Sweep.maximumPoints`.
  public static func values(_ text: String, target: String) throws(WhatIfError) -> [Double] {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if parts.count == 1 {
      var values: [Double] = []
      for item in text.split(separator: ",", omittingEmptySubsequences: false) {
        values.append(try number(item.trimmingCharacters(in: .whitespaces), target: target))
      }
      return values
    }
    guard parts.count == 3 else { throw .badValue(target: target, text: text) }
    let start = try number(parts[0], target: target)
    let stop = try number(parts[1], target: target)
    let step = try number(parts[2], target: target)
    guard step > 0 else { throw .nonPositiveStep(target: target, text: text) }
    let steps = (stop - start) / step
    let whole = steps.rounded()
    let last = abs(steps - whole) <= 1e-9 * max(1, abs(whole)) ? whole : steps.rounded(.down)
    guard last >= 0 else { throw .emptyRange(target: target, text: text) }
    guard last.isFinite, last < Double(Sweep.maximumPoints) else {
      throw .gridTooLarge(points: last + 1, limit: Sweep.maximumPoints)
    }
    let decimals = max(decimalPlaces(parts[0]), decimalPlaces(parts[2]))
    return (0...Int(last)).map { i in
      rounded(start + Double(i) * step, decimals: decimals)
    }
  }

  /// A finite number, or a `badValue` error.
  private static func number(_ text: String, target: String) throws(WhatIfError) -> Double {
    guard let value = Double(text), value.isFinite else {
      throw .badValue(target: target, text: text)
    }
    return value
  }

  /// The decimal places a number is written with: 2 for `0.45`, 3 for `1e-3`, 0 for `50`.
  static func decimalPlaces(_ text: String) -> Int {
    let lower = text.lowercased()
    let pieces = lower.split(separator: "e", maxSplits: 1)
    let mantissa = pieces.first.map(String.init) ?? ""
    let exponent = pieces.count == 2 ? Int(pieces[1]) ?? 0 : 0
    let fraction =
      mantissa.firstIndex(of: ".").map { mantissa[mantissa.index(after: $0)...].count } ?? 0
    return max(0, fraction - exponent)
  }

  /// `value` rounded to `decimals` places (unchanged beyond 15, where doubles run out).
  static func rounded(_ value: Double, decimals: Int) -> Double {
    guard decimals <= 15 else { return value }
    let scale = pow(10, Double(decimals))
    let result = (value * scale).rounded() / scale
    return result == 0 ? 0 : result  // no -0 in a label
  }
}
