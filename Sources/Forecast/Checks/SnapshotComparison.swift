/// What moved between a snapshot and a new run.
public struct SnapshotComparison: Sendable, Equatable {
  /// A cell that moved beyond tolerance, or a row found on one side only.
  public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
      /// A cell of a row on both sides whose value moved beyond tolerance (or appeared, or
      /// went empty).
      case moved
      /// A row of the snapshot that the run no longer produces.
      case onlyInSnapshot = "only in snapshot"
      /// A row of the run that the snapshot does not have.
      case onlyInRun = "only in run"
    }

    public let kind: Kind
    public let table: String
    public let key: String
    public let year: Int?
    /// The cell's column; empty for a row found on one side only.
    public let column: String
    /// The snapshot's value (NaN for an empty cell or a row only in the run).
    public let old: Double
    /// The run's value (NaN for an empty cell or a row only in the snapshot).
    public let new: Double
    /// atol + rtol·|old| for a moved cell; NaN for a row found on one side only.
    public let tolerance: Double

    public init(
      kind: Kind = .moved, table: String, key: String, year: Int?, column: String, old: Double,
      new: Double, tolerance: Double = .nan
    ) {
      self.kind = kind
      self.table = table
      self.key = key
      self.year = year
      self.column = column
      self.old = old
      self.new = new
      self.tolerance = tolerance
    }

    public var absoluteChange: Double { new - old }
    public var relativeChange: Double { old == 0 ? (new == 0 ? 0 : .infinity) : (new - old) / abs(old) }
    /// Rows found on one side only first, then the largest relative change (NaN changes, a
    /// value appearing or going empty, count as infinite).
    var sortKey: Double {
      guard kind == .moved else { return .infinity }
      let r = abs(relativeChange)
      return r.isNaN ? .greatestFiniteMagnitude : r
    }
  }

  public let scenario: String
  public let changes: [Change]
  /// Changed cells per table (every table appears, 0 when nothing moved).
  public let changesPerTable: [String: Int]
  /// Inputs that differ from the snapshot's manifest: a data revision, a scenario edit, a
  /// new tool version. Empty with changes means the code moved the numbers.
  public let inputChanges: [String]

  public init(
    scenario: String, changes: [Change], changesPerTable: [String: Int], inputChanges: [String]
  ) {
    self.scenario = scenario
    self.changes = changes
    self.changesPerTable = changesPerTable
    self.inputChanges = inputChanges
  }

  /// scenario, table, key, year, column, result (moved, only in snapshot, only in run), old,
  /// new, absolute and relative change.
  public var table: Table {
    Table(
      title: "\(scenario): moved since the snapshot",
      columns: [.text("scenario"), .text("table"), .text("key"), .year("year"), .text("column"), .text("result")]
        + ["old", "new", "change", "relative_change"].map(Table.Column.number),
      rows: changes.map { c in
        [
          .text(scenario), .text(c.table), .text(c.key), c.year.map(Table.Cell.integer) ?? .empty,
          .text(c.column), .text(c.kind.rawValue), .number(orEmpty: c.old), .number(orEmpty: c.new),
          .number(orEmpty: c.absoluteChange), .number(orEmpty: c.relativeChange),
        ]
      })
  }
}
