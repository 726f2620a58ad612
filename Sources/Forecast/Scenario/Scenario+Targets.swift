extension Scenario {
  /// Every shock target this scenario has, in the order its parts appear: drivers, births and survival,
  /// each track's parameters, then each sector's (for `simulate targets` and suggestions).
  public var validTargets: [ShockTarget] {
    var targets = drivers.map { ShockTarget.driver($0.name) }
    if population != nil { targets += [.births, .survival] }
    for track in tracks {
      switch track.rule {
      case .entry: targets.append(.entryRate(track: track.name))
      case .continuation: targets.append(.continuationShare(track: track.name))
      case .intakeDriver: break
      }
      if track.duration > 1 { targets.append(.progression(track: track.name)) }
      targets.append(.completion(track: track.name))
    }
    let fields = self.fields
    for sector in sectors {
      switch sector.demand {
      case .employment:
        targets += [
          .growth(sector: sector.name), .replacement(sector: sector.name),
          .graduateShare(sector: sector.name),
        ]
      case .capacity:
        targets.append(.capacity(sector: sector.name))
      }
      targets += fields.map { .eligibility(sector: sector.name, field: $0) }
    }
    return targets
  }
}
