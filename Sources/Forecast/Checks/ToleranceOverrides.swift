/// Snapshot tolerances given for one check (`rtol`, `atol` and per-column `tolerance` settings).
///
/// They beat the scenario's `[check]`, which beats the default (rtol 1e-9, atol 0). rtol and
/// atol are resolved apart, each from the first that sets it: for rtol a `tolerance` for the
/// cell's column, one for its table, `rtol`, then the scenario's rule for the column, for the
/// table, its `[check] rtol`; for atol `atol`, then the scenario's.
public struct ToleranceOverrides: Sendable, Equatable {
  public var rtol: Double?
  public var atol: Double?
  /// Relative tolerances per table (`column` nil) or per column, later ones winning.
  public var rules: [CheckSettings.Rule]

  public init(rtol: Double? = nil, atol: Double? = nil, rules: [CheckSettings.Rule] = []) {
    self.rtol = rtol
    self.atol = atol
    self.rules = rules
  }

  /// Parses and checks the options: `rtol` and `atol` finite and ≥ 0, each of `tolerances`
  /// `TABLE.COLUMN=RTOL` or `TABLE=RTOL` naming a snapshot table and one of its value columns.
  ///
  /// - Throws: `CheckError.toleranceOption` naming the option, what it expects and the nearest
  ///   valid table or column.
  public init(rtol: Double?, atol: Double?, tolerances: [String]) throws(CheckError) {
    self.rtol = try Self.checked(rtol, option: .rtol)
    self.atol = try Self.checked(atol, option: .atol)
    rules = []
    for text in tolerances { rules.append(try Self.rule(parsing: text)) }
  }

  public var isEmpty: Bool { rtol == nil && atol == nil && rules.isEmpty }

  /// (rtol, atol) for a cell of `table`, `column`, over the scenario's settings.
  public func tolerance(table: String, column: String, over scenario: CheckSettings) -> (rtol: Double, atol: Double) {
    let inherited = scenario.tolerance(table: table, column: column)
    let rule =
      rules.last { $0.table == table && $0.column == column }
      ?? rules.last { $0.table == table && $0.column == nil }
    return (rule?.rtol ?? rtol ?? inherited.rtol, atol ?? inherited.atol)
  }

  /// The value columns of each snapshot table, which a `tolerance` may name.
  static var columns: [(table: String, columns: [String])] {
    RunTable.allCases.map { ($0.rawValue, $0.valueColumns) }
  }

  static func checked(_ value: Double?, option: Setting) throws(CheckError) -> Double? {
    guard let value else { return nil }
    guard value.isFinite, value >= 0 else {
      throw .toleranceOption(
        option: option, expected: "a finite number ≥ 0", found: "\(value)", suggestions: [])
    }
    return value
  }

  /// `TABLE.COLUMN=RTOL` or `TABLE=RTOL`.
  static func rule(parsing text: String) throws(CheckError) -> CheckSettings.Rule {
    let option = Setting.tolerance
    let targets = columns.flatMap { entry in [entry.table] + entry.columns.map { "\(entry.table).\($0)" } }
    guard let equals = text.firstIndex(of: "=") else {
      throw .toleranceOption(
        option: option, expected: "TABLE.COLUMN=RTOL or TABLE=RTOL (for example balance.coverage=1e-6)",
        found: "'\(text)'", suggestions: [])
    }
    let target = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
    let valueText = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    guard targets.contains(target) else {
      let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
      let tables = columns.map(\.table)
      let expected: String
      if let table = parts.first, let entry = columns.first(where: { $0.table == table }) {
        expected = "a value column of \(table): " + entry.columns.joined(separator: ", ")
      } else {
        expected = "a table (" + tables.joined(separator: ", ") + ") or TABLE.COLUMN"
      }
      throw .toleranceOption(
        option: option, expected: expected, found: "'\(target)'",
        suggestions: ScenarioDecoder.nearest(target, among: targets))
    }
    guard let value = Double(valueText), value.isFinite, value >= 0 else {
      throw .toleranceOption(
        option: option, expected: "a relative tolerance ≥ 0 after '=' (for example \(target)=1e-6)",
        found: "'\(valueText)'", suggestions: [])
    }
    let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
    return CheckSettings.Rule(table: parts[0], column: parts.count > 1 ? parts[1] : nil, rtol: value)
  }
}
