/// Why a what-if (compare, sweep, tornado, sensitivity) cannot run: each case names the option, target,
/// metric or scenario at fault, what was expected and what was found.
public enum WhatIfError: Error, Equatable, Sendable {
  /// A target path that is not a shock target of the scenario (MODEL.md 8).
  case unknownTarget(option: Setting, path: String, nearest: [String])
  /// A name that is not a balance metric (MODEL.md 9).
  case unknownMetric(option: Setting, name: String, nearest: [String])
  /// A year outside the scenario's projection years.
  case yearOutOfRange(year: Int, valid: ClosedRange<Int>)
  /// A sweep axis without `TARGET=VALUES`.
  case setSyntax(String)
  /// A value of a sweep axis's list or range that is not a finite number.
  case badValue(target: String, text: String)
  /// A range whose step is zero or negative.
  case nonPositiveStep(target: String, text: String)
  /// A range whose stop comes before its start.
  case emptyRange(target: String, text: String)
  /// A sweep's op other than set, scale and add.
  case unknownOperation(String, nearest: [String])
  /// A sweep's span whose last year is before its first.
  case reversedSpan(from: Int, to: Int)
  /// The same target swept twice.
  case duplicateTarget(String)
  /// More grid points than `Sweep.maximumPoints`.
  case gridTooLarge(points: Double, limit: Int)
  /// More output rows than `Sweep.maximumRows`.
  case outputTooLarge(rows: Double, limit: Int)
  /// A tornado delta that is not a share in (0, 1) or a percentage in (0%, 100%).
  case badDelta(String)
  /// A sensitivity analysis of a scenario without `[[uncertain]]` entries.
  case noUncertainInputs(String)
  /// A sensitivity method other than `sobol` and `morris`.
  case unknownMethod(String)
  /// Years that are not a year or a span A-B with A ≤ B.
  case badYears(String)
  /// Years outside the scenario's projection years.
  case yearsOutOfRange(ClosedRange<Int>, valid: ClosedRange<Int>)
  /// A sensitivity design that cannot be made from the scenario's `[[uncertain]]` entries.
  case design(SensitivityError)
  /// The scenario's `[[uncertain]]` entry `index` (from 0) cannot be drawn from.
  case uncertainEntry(index: Int, SensitivityError)
  /// More outputs (runs × years × metrics) than `GlobalSensitivity.maximumOutputs`.
  case designTooLarge(runs: Int, outputs: Double, limit: Int)
  /// A scenario's run failed (its label and the simulator's error).
  case run(scenario: String, SimulationError)
}
