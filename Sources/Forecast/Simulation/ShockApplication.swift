/// Applies shocks (MODEL.md 8) to yearly per-path series, in the order given (file order, a base
/// scenario's before its extension's): `set` replaces, `scale` multiplies, `add` adds, in every
/// year of the series within `from`...`to` (open-ended without `to`).
///
/// A shock with `sd` takes a value drawn once per path, N(value, sd²) truncated to its domain
/// (MODEL.md 7: a `set` value the target's, a `scale` factor [0, ∞), an `add` none), from the
/// random source `shocks.<target>#<n>` (n counts earlier shocks of the same target), so adding
/// a shock elsewhere does not move its draws.
struct ShockApplication {
  let shocks: [ShockSpec]
  /// Each shock's value: P values with `sd` on a stochastic run, else one.
  let values: [[Double]]
  /// The scenario the shocks belong to, for the domains of their targets.
  let scenario: Scenario

  /// - Parameter perColumn: values by shock index, one per column of the context, that replace
  ///   those shocks' own (design points run side by side, each column a point).
  init(
    shocks: [ShockSpec], scenario: Scenario, context: PathContext,
    perColumn: [Int: [Double]] = [:]
  ) {
    self.shocks = shocks
    self.scenario = scenario
    var seen: [String: Int] = [:]
    values = shocks.enumerated().map { index, shock in
      let n = seen[shock.targetPath, default: 0]
      seen[shock.targetPath] = n + 1
      if let column = perColumn[index] { return column }
      guard let sd = shock.sd, sd > 0, context.isStochastic else { return [shock.value] }
      var domain: ParameterDomain
      switch shock.operation {
      case .set: domain = shock.target.domain(in: scenario)
      case .scale: domain = .nonNegative
      case .add: domain = .unbounded
      }
      // A central value outside its domain is the scenario's own error: drawn untruncated, so
      // that the engines report it rather than the draws hiding it.
      if shock.value < domain.lower || shock.value > domain.upper { domain = .unbounded }
      let z = context.noise(
        "shocks.\(shock.targetPath)#\(n)", sd: sd, count: 1, domain: domain,
        centers: [[shock.value]])
      return z.storage.map { shock.value + $0 }
    }
  }

  /// Applies every shock aimed at `target`.
  func apply(_ target: ShockTarget, to series: inout PathValues) {
    for (shock, value) in zip(shocks, values) where shock.target == target {
      for year in series.keys.sorted() where year >= shock.from && year <= (shock.to ?? Int.max) {
        guard let current = series[year] else { continue }
        let shocked = current.combined(with: value, shock.operation.apply)
        series[year] = shock.clamp.map { bounds in shocked.map { bounds.clamped($0) } } ?? shocked
      }
    }
  }

  /// Applies the shocks aimed at `target` to scalar values at their central value (no draw).
  static func central(_ shocks: [ShockSpec], _ target: ShockTarget, to series: inout [Int: Double]) {
    for shock in shocks where shock.target == target {
      for year in series.keys.sorted() where year >= shock.from && year <= (shock.to ?? Int.max) {
        guard let value = series[year] else { continue }
        let shocked = shock.operation.apply(value, shock.value)
        series[year] = shock.clamp.map { $0.clamped(shocked) } ?? shocked
      }
    }
  }
}

extension ClosedRange<Double> {
  /// `x` moved into the range (NaN stays NaN).
  func clamped(_ x: Double) -> Double { x.isNaN ? x : Swift.min(Swift.max(x, lowerBound), upperBound) }
}

extension ShockSpec.Operation {
  /// The parameter's value after a shock of `value`: `set` replaces, `scale` multiplies,
  /// `add` adds.
  func apply(_ current: Double, _ value: Double) -> Double {
    switch self {
    case .set: return value
    case .scale: return current * value
    case .add: return current + value
    }
  }
}
