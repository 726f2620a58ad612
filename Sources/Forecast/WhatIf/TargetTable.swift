extension Scenario {
  /// Every shock target (`validTargets`) with its value as the scenario gives it (a number,
  /// a driver's name, a driver's form, `calibrated`), its unit and its domain: the table
  /// `simulate targets` prints.
  ///
  /// A driver's unit is that of the parameters it feeds (a rate for growth, a ratio for a
  /// share, persons for a capacity or intake); empty when it feeds none that has one.
  public var targetTable: Table {
    Table(
      title: "\(info.name): shock targets",
      columns: [.text("target"), .text("value"), .text("unit"), .text("domain")],
      rows: validTargets.map { target in
        let domain = target.domain(in: self)
        return [
          .text(target.path), .text(givenValue(of: target)),
          unit(of: target, domain: domain).map { .text($0.rawValue) } ?? .empty,
          .text(Self.text(domain)),
        ]
      })
  }

  /// The target's value as the scenario file gives it, in TOML.
  private func givenValue(of target: ShockTarget) -> String {
    func parameter(_ value: ParameterValue) -> String { Scenario.parameter(value) }
    let track = { (name: String) in tracks.first { $0.name == name } }
    let sector = { (name: String) in sectors.first { $0.name == name } }
    switch target {
    case .driver(let name):
      guard let driver = drivers.first(where: { $0.name == name }) else { return "" }
      var entries = Scenario.formEntries(driver.form).map { "\($0.0) = \($0.1)" }
      if let sd = driver.sd { entries.append("sd = \(Scenario.number(sd))") }
      return entries.joined(separator: ", ")
    case .births:
      return population.map { population in
        "data series " + Scenario.quote(population.births)
          + (population.birthsDriver.map { ", then driver " + Scenario.quote($0) } ?? "")
      } ?? ""
    case .survival:
      return population.map { parameter($0.survival) } ?? ""
    case .entryRate(let name):
      if case .entry(_, let rate)? = track(name)?.rule { return parameter(rate) }
      return ""
    case .continuationShare(let name):
      if case .continuation(_, let share)? = track(name)?.rule { return parameter(share) }
      return ""
    case .progression(let name):
      return "[" + (track(name)?.progression.map(parameter) ?? []).joined(separator: ", ") + "]"
    case .completion(let name):
      if isCalibrated(track: name) { return "calibrated" }
      return track(name).map { parameter($0.completion) } ?? ""
    case .growth(let name), .replacement(let name), .graduateShare(let name):
      guard case .employment(_, let growth, let replacement, let share)? = sector(name)?.demand
      else { return "" }
      switch target {
      case .growth: return parameter(growth)
      case .replacement: return parameter(replacement)
      default: return parameter(share)
      }
    case .capacity(let name):
      if case .capacity(let capacity)? = sector(name)?.demand { return parameter(capacity) }
      return ""
    case .eligibility(let name, let field):
      return (sector(name)?.eligibility.first { $0.field == field }).map {
        Scenario.number($0.share)
      } ?? "0"
    }
  }

  private func unit(of target: ShockTarget, domain: ParameterDomain) -> Unit? {
    switch target {
    case .growth: return .rate
    case .replacement: return .rate
    case .capacity, .births: return .persons
    case .survival, .entryRate, .continuationShare, .progression, .completion, .graduateShare,
      .eligibility:
      return .ratio
    case .driver:
      if domain == .growth { return .rate }
      if domain == .unit { return .ratio }
      if domain == .nonNegative { return .persons }
      return nil
    }
  }

  private static func text(_ domain: ParameterDomain) -> String {
    func bound(_ x: Double) -> String {
      x.isInfinite ? (x < 0 ? "-inf" : "inf") : Table.TextStyle().format(x)
    }
    let open = domain.lower.isInfinite ? "(" : "["
    let close = domain.upper.isInfinite ? ")" : "]"
    return open + bound(domain.lower) + ", " + bound(domain.upper) + close
  }
}
