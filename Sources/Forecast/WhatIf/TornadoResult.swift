import Foundation

/// A tornado table: per target the metric at 1 − δ (low) and 1 + δ (high), the base value
/// and the swing |high − low|, sorted by swing, largest first (ties by target path); rows
/// whose swing is unknown (a side failed) come last, by target path.
///
/// Swings that agree to 12 significant digits are ties: two parameters that enter a metric
/// the same way (intake and completion both scale graduates) give swings that differ only
/// by rounding (about 1e-15 relative), and that noise should not decide their order.
public struct TornadoResult: Sendable {
  /// One target's values.
  public struct Row: Sendable, Equatable {
    /// The target's dotted path.
    public let target: String
    /// The metric with the target scaled by 1 − δ; NaN when that run failed.
    public let low: Double
    /// The metric with the target scaled by 1 + δ; NaN when that run failed.
    public let high: Double
    public let base: Double
    /// What the analyst should know about this row: a side's error, or a warning the base
    /// run does not have (a rate pushed outside [0, 1]).
    public let notes: [String]

    /// |high − low|, NaN when a side failed.
    public var swing: Double { abs(high - low) }
  }

  public let tornado: Tornado
  /// Sorted as the table prints them.
  public let rows: [Row]
  /// The base run's warnings.
  public let warnings: [String]

  init(tornado: Tornado, rows: [Row], warnings: [String]) {
    self.tornado = tornado
    self.rows = rows.sorted { a, b in
      switch (a.swing.isNaN, b.swing.isNaN) {
      case (false, true): return true
      case (true, false): return false
      case (true, true): return a.target < b.target
      case (false, false):
        let (x, y) = (Self.sortKey(a.swing), Self.sortKey(b.swing))
        return x != y ? x > y : a.target < b.target
      }
    }
    self.warnings = warnings
  }

  /// A swing rounded to 12 significant digits, for ordering.
  static func sortKey(_ swing: Double) -> Double {
    guard swing > 0, swing.isFinite else { return swing }
    let scale = pow(10, 11 - log10(swing).rounded(.down))
    return (swing * scale).rounded() / scale
  }

  /// `δ` as a percentage without trailing zeros: `10%`, `2.5%`.
  static func percent(_ delta: Double) -> String {
    Table.TextStyle().format(delta * 100) + "%"
  }

  /// Rows whose note reports a failed run.
  public var failures: [Row] { rows.filter { $0.swing.isNaN } }

  /// Columns target, low_value, high_value, base_value, swing, note.
  public var table: Table {
    let t = tornado
    return Table(
      title: "\(t.scenario.info.name): tornado of \(t.metric) in \(t.year), "
        + "parameters scaled by ±\(Self.percent(t.delta))",
      columns: [.text("target")]
        + ["low_value", "high_value", "base_value", "swing"].map(Table.Column.number)
        + [.text("note")],
      rows: rows.map { row in
        [.text(row.target)]
          + [row.low, row.high, row.base, row.swing].map(Table.Cell.number(orEmpty:))
          + [.text(row.notes.joined(separator: "; "))]
      })
  }
}
