/// What a value measures, as the long form's `unit` column names it.
///
/// Persons are counts of people (text and Markdown show them as whole persons); a ratio is a
/// fraction (coverage 0.87 means 87%); a percent is a hundred times a fraction (a
/// `pct_difference` of 5 means 5%); a rate is a fraction per year (a growth rate).
public enum Unit: String, Sendable, CaseIterable {
  case persons, ratio, percent, rate
}

/// Where a column's unit comes from: fixed for the column, read per row from a column that
/// names it (the long form's `unit`), or that of the balance metric a column names (the fan
/// table's `metric`).
public enum UnitSource: Sendable, Equatable {
  case fixed(Unit)
  case column(String)
  case balanceMetric(column: String)
}

extension BalanceMetric {
  /// The unit of the metric's values: persons, except coverage, a ratio.
  public var unit: Unit { self == .coverage ? .ratio : .persons }
}
