import Foundation

/// A tornado table: per target the metric at the low and the high end of its range, the base
/// value and the swing |high − low|. Rows that move the metric are ranked by swing, largest
/// first (ties by target path); then rows whose swing is unknown (a side failed), by target
/// path; then, unranked, the targets that cannot move the metric (swing below 1e-9 of the base
/// value, MODEL.md 12), by target path.
///
/// Swings that agree to 12 significant digits are ties: two parameters that enter a metric
/// the same way (intake and completion both scale graduates) give swings that differ only
/// by rounding (about 1e-15 relative), and that noise should not decide their order.
public struct TornadoResult: Sendable {
  /// One target's values.
  public struct Row: Sendable, Equatable {
    /// The target's dotted path.
    public let target: String
    /// Where the target moved.
    public let range: Tornado.Range
    /// The metric at the low end of the range; NaN when that run failed.
    public let low: Double
    /// The metric at the high end of the range; NaN when that run failed.
    public let high: Double
    public let base: Double
    /// What the analyst should know about this row: a side's error, or a warning the base
    /// run does not have.
    public let notes: [String]

    /// |high − low|, NaN when a side failed.
    public var swing: Double { abs(high - low) }

    /// Whether the target cannot move the metric: a swing below 1e-9 of the base value.
    public var isInert: Bool { swing <= 1e-9 * abs(base) }
  }

  public let tornado: Tornado
  /// Sorted as the table prints them.
  public let rows: [Row]
  /// The base run's warnings.
  public let warnings: [String]

  init(tornado: Tornado, rows: [Row], warnings: [String]) {
    self.tornado = tornado
    // Ranked rows, then failed ones, then the inert ones.
    func group(_ row: Row) -> Int { row.swing.isNaN ? 1 : row.isInert ? 2 : 0 }
    self.rows = rows.sorted { a, b in
      let (ga, gb) = (group(a), group(b))
      guard ga == gb else { return ga < gb }
      guard ga == 0 else { return a.target < b.target }
      let (x, y) = (Self.sortKey(a.swing), Self.sortKey(b.swing))
      return x != y ? x > y : a.target < b.target
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

  /// Rows of targets that cannot move the metric.
  public var inert: [Row] { rows.filter(\.isInert) }

  /// Columns rank, target, range, low_value, high_value, base_value, swing, note; the rank is
  /// empty for a failed or inert row.
  public var table: Table {
    let t = tornado
    var rank = 0
    return Table(
      title: "\(t.scenario.info.name): tornado of \(t.metric) in \(t.year), parameters "
        + (t.uncertainOnly
          ? "of the [[uncertain]] entries over their ranges"
          : (t.scenario.uncertain.isEmpty ? "" : "over their [[uncertain]] ranges, else ")
            + "scaled by ±\(Self.percent(t.delta))"),
      columns: [.integer("rank"), .text("target"), .text("range")]
        + ["low_value", "high_value", "base_value", "swing"].map {
          .number($0, unit: BalanceMetric(rawValue: t.metric).map { .fixed($0.unit) })
        }
        + [.text("note")],
      rows: rows.map { row in
        let ranked = !row.swing.isNaN && !row.isInert
        if ranked { rank += 1 }
        let notes = row.notes + (row.isInert ? ["cannot move \(t.metric)"] : [])
        return [ranked ? .integer(rank) : .empty, .text(row.target), .text(row.range.description)]
          + [row.low, row.high, row.base, row.swing].map(Table.Cell.number(orEmpty:))
          + [.text(notes.joined(separator: "; "))]
      })
  }
}
