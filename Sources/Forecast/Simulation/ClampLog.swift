/// The values of a batch's parameters that draws and shocks together moved out of their domain
/// and that were clamped back to it (MODEL.md 7), counted per parameter for a warning: one
/// extreme path never stops a run.
final class ClampLog {
  /// One parameter's clamped values: the years and the path-years.
  struct Entry: Sendable {
    var domain: ParameterDomain
    /// Shares rescaled to sum to 1, rather than one value clamped.
    var rescaled = false
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

  /// Rescales, path by path, shares that together pass 1 so that they sum to 1, counting the
  /// path-years under `parameter`; only years where some share differs between paths.
  /// Returns whether any share changed.
  func rescale(_ shares: inout [PathValues], parameter: String) -> Bool {
    var changed = false
    let years = Set(shares.flatMap(\.keys)).sorted()
    for t in years {
      let values = shares.map { $0[t] ?? [0] }
      let paths = values.map(\.count).max() ?? 1
      guard paths > 1 else { continue }
      var rescaled = values.map { $0.count == paths ? $0 : [Double](repeating: $0[0], count: paths) }
      var moved = false
      for p in 0..<paths {
        let sum = rescaled.reduce(0) { $0 + $1[p] }
        guard sum > 1 else { continue }
        // A hair under 1, so that the source's own new supply (its graduates less the shares'
        // products) cannot round below 0.
        let scale = sum * (1 + 16 * Double.ulpOfOne)
        for k in rescaled.indices { rescaled[k][p] /= scale }
        var entry = entries[parameter] ?? Entry(domain: .unit, rescaled: true)
        entry.pathYears += 1
        entry.years.insert(t)
        entries[parameter] = entry
        moved = true
      }
      guard moved else { continue }
      changed = true
      for k in shares.indices { shares[k][t] = rescaled[k] }
    }
    return changed
  }

  /// The warnings for entries summed over a run's batches, by parameter name.
  static func warnings(_ entries: [String: Entry], paths: Int) -> [String] {
    entries.keys.sorted().compactMap { name in
      guard let entry = entries[name], !entry.years.isEmpty else { return nil }
      let n = entry.years.count
      if entry.rescaled {
        return "\(name): draws and shocks made them sum past 1 on \(entry.pathYears) path-years of "
          + "\(paths) paths, in \(n) \(n == 1 ? "year" : "years") "
          + "(\(RangeCheck.spans(entry.years.sorted()))); there they were rescaled to sum to 1"
      }
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
        var sum = out[name] ?? Entry(domain: entry.domain, rescaled: entry.rescaled)
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
