/// The warnings of several runs, each once, in order of first appearance: as is when every
/// run had it, else naming the first run that had it and how many did.
enum WarningDigest {
  /// - Parameters:
  ///   - warnings: each run's warnings, in run order.
  ///   - label: the name of run `index`, for warnings not every run had.
  ///   - noun: what the runs are, for the count ("grid points", "scenarios").
  static func merge(_ warnings: [[String]], noun: String, label: (Int) -> String) -> [String] {
    var order: [String] = []
    var seen: [String: (count: Int, first: Int)] = [:]
    for (index, run) in warnings.enumerated() {
      var once = Set<String>()
      for warning in run where once.insert(warning).inserted {
        if let known = seen[warning] {
          seen[warning] = (known.count + 1, known.first)
        } else {
          seen[warning] = (1, index)
          order.append(warning)
        }
      }
    }
    return order.map { warning in
      let known = seen[warning] ?? (0, 0)
      if known.count == warnings.count { return warning }
      let others = known.count - 1
      return "\(label(known.first))"
        + (others == 0 ? "" : " (and \(others) more of the \(warnings.count) \(noun))")
        + ": \(warning)"
    }
  }
}
