import Foundation
import Testing
@testable import Forecast

/// One NIST StRD linear-regression dataset with its certificate (Fixtures/nist, copied from
/// shared/data/nist-strd; see Fixtures/nist/SOURCE.md).
struct StRDCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// Minimum LRE required over estimates and standard errors.
  let minimumLRE: Double
  let y: [Double]
  let x: [[Double]]
  let degree: Int?
  let intercept: Bool
  let parameters: [Double]
  let standardErrors: [Double]
  let residualSD: Double
  let rSquared: Double
  let fStatistic: Double?

  var testDescription: String { name }

  /// The design NIST certifies: 1, x, …, x^d for polynomials; 1, x1..x6 for Longley.
  var design: Matrix {
    var columns = [[Double]]()
    if intercept { columns.append([Double](repeating: 1, count: y.count)) }
    if let degree {
      for d in 1...degree { columns.append(x[0].map { pow($0, Double(d)) }) }
    } else {
      columns.append(contentsOf: x)
    }
    return Matrix(columns: columns)
  }

  /// The formula that states the same model, for the formula and CLI tests.
  var formula: String {
    if let degree {
      let terms = degree == 1 ? "x" : "poly(x, \(degree))"
      return intercept ? "y ~ \(terms)" : "y ~ \(terms) - 1"
    }
    return "y ~ x1 + x2 + x3 + x4 + x5 + x6"
  }

  static func load(_ name: String, minimumLRE: Double) -> StRDCase {
    do {
      let json = try JSONSerialization.jsonObject(with: Fixtures.data("nist/\(name).json"))
      guard let root = json as? [String: Any], let cert = root["certified"] as? [String: Any],
        let anova = cert["anova"] as? [String: Any],
        let regression = anova["regression"] as? [String: Any]
      else { fatalError("malformed certificate for \(name)") }
      let csv = try String(contentsOf: Fixtures.url("nist/\(name).csv"), encoding: .utf8)
      let lines = csv.split(whereSeparator: \.isNewline).dropFirst()
      let rows = lines.map { $0.split(separator: ",").map { Double($0) ?? .nan } }
      let columns = (0..<(rows.first?.count ?? 0)).map { j in rows.map { $0[j] } }
      return StRDCase(
        name: name, minimumLRE: minimumLRE, y: columns[0], x: Array(columns.dropFirst()),
        degree: root["degree"] as? Int, intercept: root["intercept"] as? Bool ?? true,
        parameters: cert["parameters"] as? [Double] ?? [],
        standardErrors: cert["std_errors"] as? [Double] ?? [],
        residualSD: cert["residual_sd"] as? Double ?? .nan,
        rSquared: cert["r_squared"] as? Double ?? .nan,
        fStatistic: regression["f_statistic"] as? Double)
    } catch {
      fatalError("cannot read fixture \(name): \(error)")
    }
  }

  /// The bars: 9 digits on the lower and average sets, Longley and Wampler1–3;
  /// 7 on Filip; Wampler4–5 no worse than numpy's lstsq (7.8 and 5.8, shared README).
  static let all: [StRDCase] = [
    load("Norris", minimumLRE: 9), load("Pontius", minimumLRE: 9), load("NoInt1", minimumLRE: 9),
    load("NoInt2", minimumLRE: 9), load("Longley", minimumLRE: 9), load("Wampler1", minimumLRE: 9),
    load("Wampler2", minimumLRE: 9), load("Wampler3", minimumLRE: 9),
    load("Filip", minimumLRE: 7), load("Wampler4", minimumLRE: 7.8),
    load("Wampler5", minimumLRE: 5.8),
  ]
}
