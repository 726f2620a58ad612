/// The values of a batch's parameters that draws and shocks together moved out of their domain
/// and that were clamped back to it (MODEL.md 7), counted per parameter for a warning: one
/// extreme path never stops a run.
final class ClampLog {
  /// One parameter's clamped values: the years and the path-years.
  struct Entry: Sendable {
    var domain: ParameterDomain
    var years: Set<Int> = []
    var pathYears = 0
  }

  private(set) var entries: [String: Entry] = [:]

  /// Clamps every per-path value of `series` (arrays of P values; a value shared by all paths
  /// is the scenario's own and is left to the engines' checks) into `domain`, counting them
  /// under `parameter`.
  func clamp(_ series: inout PathValues, to domain: ParameterDomain, parameter: String) {
    guard !domain.isUnbounded else { return }
    for (t, values) in series where values.count > 1 {
      guard values.contains(where: { $0 < domain.lower || $0 > domain.upper }) else { continue }
      var entry = entries[parameter] ?? Entry(domain: domain)
      series[t] = values.map { value in
        guard value < domain.lower || value > domain.upper else { return value }
        entry.pathYears += 1
        return min(max(value, domain.lower), domain.upper)
      }
      entry.years.insert(t)
      entries[parameter] = entry
    }
  }

  /// The warnings for entries summed over a run's batches, by parameter name.
  static func warnings(_ entries: [String: Entry], paths: Int) -> [String] {
    entries.keys.sorted().compactMap { name in
      guard let entry = entries[name], !entry.years.isEmpty else { return nil }
      let n = entry.years.count
      return "\(name): draws and shocks took it outside \(entry.domain.description) on "
        + "\(entry.pathYears) path-years of \(paths) paths, in \(n) \(n == 1 ? "year" : "years") "
        + "(\(RangeCheck.spans(entry.years.sorted()))); those values were clamped to the domain"
    }
  }

  /// Entries of consecutive batches added up.
  static func joined(_ parts: [[String: Entry]]) -> [String: Entry] {
    var out: [String: Entry] = [:]
    for part in parts {
      for (name, entry) in part {
        var sum = out[name] ?? Entry(domain: entry.domain)
        sum.years.formUnion(entry.years)
        sum.pathYears += entry.pathYears
        out[name] = sum
      }
    }
    return out
  }
}

extension ParameterDomain: CustomStringConvertible {
  /// "[0, 1]", "[-1, ∞)", "[0, ∞)".
  var description: String {
    func bound(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : "\(x)" }
    return "[\(bound(lower)), " + (upper == .infinity ? "∞)" : "\(bound(upper))]")
  }
}
