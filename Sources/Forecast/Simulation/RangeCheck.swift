/// Counts the years and path-years where a rate or share lies outside [0, 1] (MODEL.md 7:
/// warned, not clamped): a track's progression, completion and continuation rates, a
/// sector's replacement rate and graduate share.
enum RangeCheck {
  /// One track's or sector's values outside [0, 1].
  struct Count: Sendable {
    /// "track 'undergraduate'", "sector 'ai_trainer'".
    let label: String
    /// What was checked, for the warning.
    let what: String
    var years: Set<Int>
    /// Path-years with at least one value outside (a year shared by all paths counts once
    /// per path).
    var pathYears: Int
  }

  /// Per year, whether each path has a value outside [0, 1]: OR over the given series (each
  /// P values or one shared).
  private static func count(
    label: String, what: String, series: [[Int: [Double]]], paths: Int
  ) -> Count {
    var flags: [Int: [Bool]] = [:]
    for values in series {
      // Most values are in range: a year is looked at path by path only when one is not.
      for (t, v) in values where v.contains(where: { !(0...1).contains($0) }) {
        var f = flags[t] ?? [Bool](repeating: false, count: paths)
        for p in 0..<paths where !(0...1).contains(v[v.count == 1 ? 0 : p]) { f[p] = true }
        flags[t] = f
      }
    }
    var years = Set<Int>()
    var pathYears = 0
    for (t, f) in flags {
      let n = f.filter { $0 }.count
      if n > 0 {
        years.insert(t)
        pathYears += n
      }
    }
    return Count(label: label, what: what, years: years, pathYears: pathYears)
  }

  /// - Parameters:
  ///   - paths: the batch's paths.
  ///   - calibrated: the tracks whose completion a calibration gave: its domain is [0, ∞)
  ///     (MODEL.md 7) and the calibration has warned about a value above 1, so it is not counted.
  static func count(tracks: [CohortTrack], paths: Int, calibrated: Set<String> = []) -> [Count] {
    tracks.map { track in
      let varying = track.pathRates
      var series: [[Int: [Double]]] = []
      for j in 0..<max(track.duration - 1, 0) {
        var step: [Int: [Double]] = [:]
        for (t, rates) in track.progression where j < rates.count {
          step[t] = varying.progression[t].map { $0[j] } ?? [rates[j]]
        }
        series.append(step)
      }
      var completion: [Int: [Double]] = [:]
      for (t, c) in track.completion where !calibrated.contains(track.name) {
        completion[t] = varying.completion[t] ?? [c]
      }
      series.append(completion)
      if case .continuation(_, let shares) = track.projectedIntake {
        series.append(
          Dictionary(uniqueKeysWithValues: shares.map { ($0.key, varying.continuationShare[$0.key] ?? [$0.value]) }))
      }
      return count(
        label: "track '\(track.name)'", what: "a progression, completion or continuation rate",
        series: series, paths: paths)
    }
  }

  static func count(sectors: [DemandSector], paths: Int) -> [Count] {
    sectors.compactMap { sector in
      guard case .employment(_, _, let replacement, let share) = sector.specification else { return nil }
      return count(
        label: "sector '\(sector.name)'", what: "the replacement rate or graduate share",
        series: [replacement, share], paths: paths)
    }
  }

  /// The warnings for counts summed over a run's batches.
  static func warnings(_ counts: [Count], paths: Int) -> [String] {
    counts.compactMap { count in
      guard !count.years.isEmpty else { return nil }
      let n = count.years.count
      let years = "\(n) \(n == 1 ? "year" : "years")"
      let where_ = paths > 1 ? "on \(count.pathYears) path-years of \(paths) paths, in \(years)" : "in \(years)"
      return "\(count.label): \(count.what) lies outside [0, 1] \(where_) "
        + "(\(spans(count.years.sorted())))"
    }
  }

  /// Counts of consecutive batches added up (each batch has the same tracks and sectors).
  static func joined(_ parts: [[Count]]) -> [Count] {
    var out = parts[0]
    for part in parts.dropFirst() {
      for (k, count) in part.enumerated() {
        out[k].years.formUnion(count.years)
        out[k].pathYears += count.pathYears
      }
    }
    return out
  }

  /// Sorted years as spans: "1999–2005, 2010".
  static func spans(_ years: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < years.count {
      var end = index
      while end + 1 < years.count && years[end + 1] == years[end] + 1 { end += 1 }
      parts.append(end == index ? "\(years[index])" : "\(years[index])–\(years[end])")
      index = end + 1
    }
    return parts.joined(separator: ", ")
  }
}
