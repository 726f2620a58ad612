/// Every problem found while loading a scenario, in file order, so that an analyst can fix them
/// all in one pass rather than one per run.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The problems, at least one.
  public var issues: [ScenarioIssue]

  public init(issues: [ScenarioIssue]) {
    precondition(!issues.isEmpty, "ScenarioError: no issues")
    self.issues = issues
  }

  /// One issue per line.
  public var description: String {
    issues.map(\.description).joined(separator: "\n")
  }
}
