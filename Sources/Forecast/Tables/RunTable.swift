/// The tables a scenario run emits (MODEL.md 9): their names, key columns and value columns,
/// defined once. The scenario's expectations, the run's tables, snapshots, checks, the long
/// form and the command line all read them from here.
public enum RunTable: String, CaseIterable, Sendable {
  case supply, demand, balance, matching, fan, fit

  /// The tables' names in MODEL.md 9's order.
  public static let names = allCases.map(\.rawValue)

  /// The tables a run writes when none are named: the fan table only with paths to summarise.
  public static func defaults(paths: Int) -> [RunTable] {
    paths > 1 ? [.supply, .demand, .balance, .matching, .fan] : [.supply, .demand, .balance, .matching]
  }

  /// The columns before the values: the year and the row's key.
  public var keyColumns: [Table.Column] {
    switch self {
    case .supply: return [.year("year"), .text("track")]
    case .demand: return [.year("year"), .text("sector")]
    case .balance: return [.year("year")]
    case .matching: return [.year("year"), .text("field"), .text("sector")]
    case .fan: return [.year("year"), .text("metric")]
    case .fit: return [.text("model"), .text("term")]
    }
  }

  /// The columns that hold values an expectation can check; the fan table's quantile columns
  /// follow the scenario's levels (`quantileColumn`) and come after `mean`.
  public var valueColumns: [String] {
    switch self {
    case .supply: return SupplyMetric.allCases.map(\.rawValue)
    case .demand: return DemandMetric.allCases.map(\.rawValue)
    case .balance: return BalanceMetric.allCases.map(\.rawValue)
    case .matching: return ["placed"]
    case .fan: return ["mean"]
    case .fit: return FitColumn.allCases.map(\.rawValue)
    }
  }

  /// The unit of the value column `column`: persons, coverage's ratio, in the fan table the
  /// unit of the row's metric; nil for the fit table's statistics.
  public func unit(of column: String) -> UnitSource? {
    switch self {
    case .supply, .demand, .matching: return .fixed(.persons)
    case .balance: return BalanceMetric(rawValue: column).map { .fixed($0.unit) }
    case .fan: return .balanceMetric(column: "metric")
    case .fit: return nil
    }
  }

  /// The key columns, then the value columns with their units (for the fan table, before
  /// the quantile columns).
  public var columns: [Table.Column] {
    keyColumns + valueColumns.map { Table.Column.number($0, unit: unit(of: $0)) }
  }

  /// A fan table's column for a quantile level: `q` and 100 x level without trailing zeros, at
  /// least two digits (q05, q50, q2.5, q97.5) (MODEL.md 7).
  public static func quantileColumn(_ level: Double) -> String {
    // Rounded to 1e-9 so that 0.975 * 100 reads 97.5, not 97.49999999999999.
    let percent = (level * 100 * 1e9).rounded() / 1e9
    if percent.rounded() == percent, abs(percent) < 1e9 {
      let whole = Int(percent)
      return whole < 10 ? "q0\(whole)" : "q\(whole)"
    }
    return "q\(percent)"
  }
}

/// A column of the supply table, per track (MODEL.md 3).
public enum SupplyMetric: String, CaseIterable, Sendable {
  case intake, enrolled, graduates, continuing
  case newSupply = "new_supply"
}

/// A column of the demand table, per sector (MODEL.md 4).
public enum DemandMetric: String, CaseIterable, Sendable {
  case employment, openings, capacity
}

/// A balance metric (MODEL.md 9): a column of the balance table and a row of the fan table.
public enum BalanceMetric: String, CaseIterable, Sendable {
  case graduates
  case newSupply = "new_supply"
  case capacity, placed, unplaced, vacancies, coverage

  /// The metrics' names in table order.
  public static let names = allCases.map(\.rawValue)

  /// The metric's row in per-path balance matrices: its place in the table's order.
  public var row: Int {
    switch self {
    case .graduates: return 0
    case .newSupply: return 1
    case .capacity: return 2
    case .placed: return 3
    case .unplaced: return 4
    case .vacancies: return 5
    case .coverage: return 6
    }
  }
}

/// A statistic of the fit table, per model term.
public enum FitColumn: String, CaseIterable, Sendable {
  case estimate
  case standardError = "std_error"
  case t
  case pValue = "p_value"
}
