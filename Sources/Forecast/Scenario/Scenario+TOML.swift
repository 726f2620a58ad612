/// The scenario after `extends`, written back as TOML.
extension Scenario {
  /// The resolved scenario as TOML an analyst can diff: keys in the reference file's order,
  /// defaults written out, `extends` applied (so none is written), data file paths absolute
  /// (the text may be saved anywhere and still reload to the same scenario).
  public func resolvedTOML() -> String {
    var lines: [String] = []
    func key(_ name: String, _ value: String) { lines.append("\(name) = \(value)") }
    func header(_ text: String) {
      if !lines.isEmpty { lines.append("") }
      lines.append(text)
    }
    header("[scenario]")
    key("name", Self.quote(info.name))
    if let title = info.title { key("title", Self.quote(title)) }
    key("base_year", "\(info.baseYear)")
    key("horizon", "\(info.horizon)")
    key("paths", "\(info.paths)")
    key("seed", "\(info.seed)")
    key("quantiles", "[" + info.quantiles.map(Self.number).joined(separator: ", ") + "]")
    for series in dataSeries {
      header("[data.\(series.name)]")
      key("file", Self.quote(series.file))
      key("column", Self.quote(series.column))
      key("scale", Self.number(series.scale))
      if series.projected { key("projected", "true") }
    }
    if let population {
      header("[population]")
      key("births", Self.quote(population.births))
      if let driver = population.birthsDriver { key("births_driver", Self.quote(driver)) }
      key("survival", Self.parameter(population.survival))
    }
    for driver in drivers {
      header("[drivers.\(driver.name)]")
      for (name, value) in Self.formEntries(driver.form) { key(name, value) }
      if let anchor = driver.anchor {
        key("anchor", Self.quote("last"))
        key("anchor_decay", Self.number(anchor.decay))
      }
      if let sd = driver.sd { key("sd", Self.number(sd)) }
    }
    for track in tracks {
      header("[[tracks]]")
      key("name", Self.quote(track.name))
      key("duration", "\(track.duration)")
      key("intake", Self.quote(track.intake))
      switch track.rule {
      case .entry(let age, let rate):
        key("entry", "{ age = \(age), rate = \(Self.parameter(rate)) }")
      case .continuation(let from, let share):
        key("continuation", "{ from = \(Self.quote(from)), share = \(Self.parameter(share)) }")
      case .intakeDriver(let name):
        key("intake_driver", Self.quote(name))
      }
      key("progression", "[" + track.progression.map(Self.parameter).joined(separator: ", ") + "]")
      key("completion", Self.parameter(track.completion))
      key("fields", Self.shares(track.fields))
      if let own = track.calibration {
        let (name, value) = Self.window(own.window)
        key("calibrate", "{ graduates = \(Self.quote(own.graduates)), \(name) = \(value) }")
      }
    }
    if let calibration {
      header("[calibrate]")
      key("graduates", Self.quote(calibration.graduates))
      let (name, value) = Self.window(calibration.window)
      key(name, value)
    }
    for sector in sectors {
      header("[[sectors]]")
      key("name", Self.quote(sector.name))
      switch sector.demand {
      case .employment(let base, let growth, let replacement, let share):
        key("employment", Self.parameter(base))
        key("growth", Self.parameter(growth))
        key("replacement", Self.parameter(replacement))
        key("graduate_share", Self.parameter(share))
      case .capacity(let capacity):
        key("capacity", Self.parameter(capacity))
      }
      key("eligibility", Self.shares(sector.eligibility))
    }
    for shock in shocks {
      header("[[shocks]]")
      key("target", Self.quote(shock.targetPath))
      key("op", Self.quote(shock.operation.rawValue))
      key("value", Self.number(shock.value))
      key("from", "\(shock.from)")
      if let to = shock.to { key("to", "\(to)") }
      if let sd = shock.sd { key("sd", Self.number(sd)) }
    }
    for entry in uncertain {
      header("[[uncertain]]")
      key("target", Self.quote(entry.targetPath))
      key("op", Self.quote(entry.operation.rawValue))
      switch entry.distribution {
      case .uniform(let a, let b): key("uniform", Self.numbers([a, b]))
      case .triangular(let a, let m, let b): key("triangular", Self.numbers([a, m, b]))
      case .normal(let mean, let sd): key("normal", Self.numbers([mean, sd]))
      }
    }
    for expectation in expectations {
      header("[[expect]]")
      key("table", Self.quote(expectation.table.rawValue))
      if let k = expectation.key { key("key", Self.quote(k)) }
      key("column", Self.quote(expectation.column))
      if let year = expectation.year { key("year", "\(year)") }
      key("value", Self.number(expectation.value))
      if let rtol = expectation.rtol { key("rtol", Self.number(rtol)) }
      if let atol = expectation.atol { key("atol", Self.number(atol)) }
    }
    if check != CheckSettings() {
      header("[check]")
      key("rtol", Self.number(check.rtol))
      key("atol", Self.number(check.atol))
      for rule in check.rules {
        header("[[check.tolerance]]")
        key("table", Self.quote(rule.table))
        if let column = rule.column { key("column", Self.quote(column)) }
        if let rtol = rule.rtol { key("rtol", Self.number(rtol)) }
        if let atol = rule.atol { key("atol", Self.number(atol)) }
      }
    }
    if output.tables != nil || output.format != nil {
      header("[output]")
      if let tables = output.tables {
        key("tables", "[" + tables.map(Self.quote).joined(separator: ", ") + "]")
      }
      if let format = output.format { key("format", Self.quote(format.rawValue)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The keys of a driver form, in the reference file's order.
  static func formEntries(_ form: DriverForm) -> [(String, String)] {
    switch form {
    case .constant(let x):
      return [("constant", number(x))]
    case .values(let values):
      let items = values.map { "\($0.year) = \(number($0.value))" }
      return [("values", "{ " + items.joined(separator: ", ") + " }")]
    case .growth(let start, let growth):
      return [("start", number(start)), ("growth", number(growth))]
    case .model(let formula, let fitWindow, let weights):
      var entries = [("model", quote(formula)), window(fitWindow)]
      if let weights { entries.append(("weights", quote(weights))) }
      return entries
    }
  }

  /// `years = [a, b]` or `window = n`.
  static func window(_ window: FitWindow) -> (String, String) {
    switch window {
    case .years(let years): return ("years", "[\(years.lowerBound), \(years.upperBound)]")
    case .last(let n): return ("window", "\(n)")
    }
  }

  static func parameter(_ value: ParameterValue) -> String {
    switch value {
    case .number(let x): return number(x)
    case .driver(let name): return quote(name)
    case .inline(let form, let sd):
      var entries = formEntries(form).map { "\($0.0) = \($0.1)" }
      if let sd { entries.append("sd = \(number(sd))") }
      return "{ " + entries.joined(separator: ", ") + " }"
    }
  }

  static func shares(_ shares: [FieldShare]) -> String {
    "{ " + shares.map { "\($0.field) = \(number($0.share))" }.joined(separator: ", ") + " }"
  }

  /// Shortest text that reads back as the same double (Swift's description is round-trip).
  static func number(_ x: Double) -> String { "\(x)" }

  /// A TOML array of numbers.
  static func numbers(_ xs: [Double]) -> String {
    "[" + xs.map(number).joined(separator: ", ") + "]"
  }

  /// A TOML basic string.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
