/// Applies shocks (MODEL.md 8) to a yearly series, in the order given (file order, a base
/// scenario's before its extension's): `set` replaces, `scale` multiplies, `add` adds, in
/// every year of the series within `from`...`to` (open-ended without `to`).
enum ShockApplication {
  static func apply(_ shocks: [ShockSpec], to series: inout [Int: Double]) {
    for shock in shocks {
      for year in series.keys.sorted() where year >= shock.from && year <= (shock.to ?? Int.max) {
        guard let value = series[year] else { continue }
        series[year] = apply(shock, to: value)
      }
    }
  }

  static func apply(_ shock: ShockSpec, to value: Double) -> Double {
    switch shock.operation {
    case .set: return shock.value
    case .scale: return value * shock.value
    case .add: return value + shock.value
    }
  }
}
