import Foundation

/// A CSV table written by `simulate run --format csv`, read back for checks: a header and rows
/// of cells, looked up by column name. Cells are split on commas, so it only reads tables
/// without quoted cells (`init` returns nil when it sees a quote).
struct WrittenTable {
  let header: [String]
  let rows: [[String]]

  init?(csv text: String) {
    guard !text.contains("\"") else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = lines.first, lines.last == "" else { return nil }
    header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    rows = lines.dropFirst().dropLast().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  init?(file: URL) {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
    self.init(csv: text)
  }

  /// The cell of `column` in `row`; "" when the column does not exist.
  func text(_ row: [String], _ column: String) -> String {
    guard let c = header.firstIndex(of: column), c < row.count else { return "" }
    return row[c]
  }

  /// The cell as a number; NaN for an empty or non-numeric cell.
  func number(_ row: [String], _ column: String) -> Double {
    Double(text(row, column)) ?? .nan
  }

  /// Σ of `column` per year.
  func sumByYear(_ column: String) -> [Int: Double] {
    var sums: [Int: Double] = [:]
    for row in rows {
      guard let year = Int(text(row, "year")) else { continue }
      sums[year, default: 0] += number(row, column)
    }
    return sums
  }

  /// The distinct values of a text column, in first-seen order.
  func distinct(_ column: String) -> [String] {
    var seen: [String] = []
    for row in rows where !seen.contains(text(row, column)) { seen.append(text(row, column)) }
    return seen
  }
}
