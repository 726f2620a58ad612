/// Snapshot tolerances of a scenario (`[check]`, a Forecast extension of the schema): a cell
/// moved when |new − old| > atol + rtol·|old|. Defaults rtol 1e-9, atol 0; a `[[check.tolerance]]`
/// entry overrides them for a table, or for one column of it (the most specific rule wins).
public struct CheckSettings: Sendable, Equatable {
  /// An override for a table or one of its columns.
  public struct Rule: Sendable, Equatable {
    public var table: String
    public var column: String?
    public var rtol: Double?
    public var atol: Double?

    public init(table: String, column: String? = nil, rtol: Double? = nil, atol: Double? = nil) {
      self.table = table
      self.column = column
      self.rtol = rtol
      self.atol = atol
    }
  }

  public static let defaultRelativeTolerance = 1e-9

  public var rtol: Double
  public var atol: Double
  public var rules: [Rule]

  public init(rtol: Double = defaultRelativeTolerance, atol: Double = 0, rules: [Rule] = []) {
    self.rtol = rtol
    self.atol = atol
    self.rules = rules
  }

  /// (rtol, atol) for a cell of `table`, `column`: a column rule, else a table rule, else the
  /// defaults; a rule's missing tolerance falls back to the default.
  public func tolerance(table: String, column: String) -> (rtol: Double, atol: Double) {
    let rule =
      rules.last { $0.table == table && $0.column == column }
      ?? rules.last { $0.table == table && $0.column == nil }
    return (rule?.rtol ?? rtol, rule?.atol ?? atol)
  }
}
