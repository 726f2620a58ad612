/// What `simulate check` found over several scenarios: expectation results, snapshot
/// comparisons and notes, rendered for the terminal or another tool, and as JUnit XML.
public struct CheckReport: Sendable {
  public private(set) var expectations: [ExpectationResult] = []
  public private(set) var comparisons: [SnapshotComparison] = []
  /// Snapshot updates and changed inputs, for standard error.
  public private(set) var notes: [String] = []
  public private(set) var junit = JUnitReport()

  public init() {}

  /// Checks runs: their expectations, and their snapshots in `snapshots` when given (rewritten
  /// instead when `update`). Every run is checked as input first (expectations that name
  /// nothing, scenario names that clash, corrupted snapshots), so a bad one leaves the report
  /// and the snapshots as they were; with `update`, every snapshot is written or none.
  /// `overrides` (the command line's tolerances) beat each scenario's `[check]`.
  public mutating func check(
    _ runs: [ScenarioRun], snapshots: String?, update: Bool,
    overrides: ToleranceOverrides = ToleranceOverrides()
  ) throws(CheckError) {
    var results: [[ExpectationResult]] = []
    for run in runs { results.append(try ExpectationResult.evaluate(run.projection)) }
    var found: [SnapshotComparison] = []
    if let snapshots {
      try Snapshot.checkDistinctNames(runs, in: snapshots)
      if update {
        try Snapshot.record(runs, to: snapshots)
      } else {
        for run in runs {
          found.append(
            try Snapshot.compare(run.projection, metadata: run.metadata, in: snapshots, overrides: overrides))
        }
      }
    }
    for (run, results) in zip(runs, results) {
      expectations += results
      junit.add(results)
      if let snapshots, update {
        notes.append("\(run.name): snapshot written to \(Snapshot.folder(snapshots, scenario: run.name))")
      }
    }
    for comparison in found {
      comparisons.append(comparison)
      junit.add(comparison)
      notes += comparison.inputChanges.map { "\(comparison.scenario): \($0)" }
      if !comparison.changes.isEmpty && comparison.inputChanges.isEmpty {
        notes.append("\(comparison.scenario): no input changed since the snapshot: the code moved these numbers")
      }
    }
  }

  public var failedExpectations: Int { expectations.filter { !$0.passed }.count }
  public var movedCells: Int { comparisons.map(\.changes.count).reduce(0, +) }
  /// Whether anything failed (exit code 1).
  public var failed: Bool { failedExpectations > 0 || movedCells > 0 }

  /// "3 passed, 0 failed; 2 snapshot cells moved, 1 row only in the run".
  public var summary: String {
    var text = "\(expectations.count - failedExpectations) passed, \(failedExpectations) failed"
    guard !comparisons.isEmpty else { return text }
    let changes = comparisons.flatMap(\.changes)
    let moved = changes.filter { $0.kind == .moved }.count
    text += "; " + Wording.count(moved, "snapshot cell") + " moved"
    for (kind, place) in [(SnapshotComparison.Change.Kind.onlyInSnapshot, "snapshot"), (.onlyInRun, "run")] {
      let n = changes.filter { $0.kind == kind }.count
      if n > 0 { text += ", " + Wording.count(n, "row") + " only in the \(place)" }
    }
    return text
  }
}
