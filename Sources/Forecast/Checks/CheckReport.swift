/// What `simulate check` found over several scenarios: expectation results, snapshot
/// comparisons and notes, rendered for the terminal or another tool, and as JUnit XML.
public struct CheckReport: Sendable {
  public private(set) var expectations: [ExpectationResult] = []
  public private(set) var comparisons: [SnapshotComparison] = []
  /// Snapshot updates and changed inputs, for standard error.
  public private(set) var notes: [String] = []
  public private(set) var junit = JUnitReport()

  public init() {}

  /// Checks one run: its expectations, and its snapshot in `snapshots` when given (rewritten
  /// instead when `update`).
  public mutating func check(
    _ projection: Projection, metadata: RunMetadata, snapshots: String?, update: Bool
  ) throws(CheckError) {
    let name = projection.scenario.info.name
    let results = try ExpectationResult.evaluate(projection)
    expectations += results
    junit.add(results)
    guard let snapshots else { return }
    if update {
      try Snapshot.record(projection, metadata: metadata, to: snapshots)
      notes.append("\(name): snapshot written to \(Snapshot.folder(snapshots, scenario: name))")
      return
    }
    let comparison = try Snapshot.compare(projection, metadata: metadata, in: snapshots)
    comparisons.append(comparison)
    junit.add(comparison)
    notes += comparison.inputChanges.map { "\(name): \($0)" }
    if !comparison.changes.isEmpty && comparison.inputChanges.isEmpty {
      notes.append("\(name): no input changed since the snapshot: the code moved these numbers")
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

  /// The expectation rows, then (when anything moved) the moved cells.
  public func rendered(as format: OutputFormat) -> String {
    let style = Table.TextStyle(thousandsSeparators: true, significantDigits: 6)
    var parts: [String] = []
    if !expectations.isEmpty {
      parts.append(RunOutput.terminated(ExpectationResult.table(expectations).rendered(as: format, style: style)))
    }
    let moved = comparisons.filter { !$0.changes.isEmpty }.map(\.table)
    if let first = moved.first {
      let merged = Table(
        title: "moved since the snapshots", columns: first.columns, rows: moved.flatMap(\.rows))
      parts.append(RunOutput.terminated(merged.rendered(as: format, style: style)))
    }
    return parts.joined(separator: format == .text || format == .markdown ? "\n" : "")
  }
}
