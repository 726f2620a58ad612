/// Decoding of parameter values wherever they stand (a number, a driver's name, an inline
/// driver table) and of driver forms (MODEL.md 2).
extension ScenarioDecoder {
  /// A number, a driver's name or an inline driver table; `unit` asks for [0, 1] numbers.
  mutating func parameter(_ node: ScenarioNode, _ path: String, unit: Bool) -> ParameterValue? {
    locations[path] = node.location
    switch node.value {
    case .integer, .float:
      let x = unit ? unitNumber(node, path) : number(node, path)
      return x.map { .number($0) }
    case .string(let name):
      driverReferences.append((path, name))
      return .driver(name)
    case .table:
      guard checkTable(node, path, allowed: ScenarioSchema.inlineDriver),
        let (form, sd) = driverForm(node, path, allowModel: false)
      else { return nil }
      if unit { checkUnitForm(form, node, path) }
      return .inline(form, sd: sd)
    default:
      report(
        .wrongType, at: node.location, path,
        expected: "a number, a driver's name or an inline driver table",
        found: node.kindDescription)
      return nil
    }
  }

  /// Reports constant or given values outside [0, 1] for a rate or share written inline.
  mutating func checkUnitForm(_ form: DriverForm, _ node: ScenarioNode, _ path: String) {
    let values: [Double]
    switch form {
    case .constant(let x): values = [x]
    case .values(let v): values = v.map(\.value)
    default: values = []
    }
    for x in values where !(0...1).contains(x) {
      report(
        .invalidValue, at: node.location, path, expected: "rates and shares in [0, 1]",
        found: "\(x)")
    }
  }

  /// The form and `sd` of a driver table (MODEL.md 2); exactly one form.
  mutating func driverForm(_ node: ScenarioNode, _ path: String, allowModel: Bool)
    -> (DriverForm, Double?)?
  {
    let formKeys = ScenarioSchema.driverForms.map(\.form).filter { allowModel || $0 != "model" }
    let present = formKeys.filter { node[$0] != nil }
    let sd = node["sd"].flatMap {
      number($0, Self.child(path, "sd"), range: 0...Double.infinity, rangeText: ">= 0")
    }
    if !allowModel, let model = node["model"] {
      report(
        .invalidValue, at: model.location, Self.child(path, "model"),
        expected: "an inline driver of constant, values or start and growth (a model needs a "
          + "named driver in [drivers])", found: "a model")
      return nil
    }
    guard present.count == 1, let key = present.first, let formNode = node[key] else {
      let expected = "one form: " + formKeys.joined(separator: ", ")
      if present.isEmpty {
        report(.missingKey, at: node.location, path, expected: expected, found: "none")
      } else {
        report(
          .conflict, at: node.location, path, expected: expected,
          found: present.joined(separator: " and "))
      }
      return nil
    }
    let companions = [
      ("growth", "start"), ("years", "model"), ("window", "model"), ("weights", "model"),
      ("anchor", "model"), ("anchor_decay", "model"),
    ]
    for (companion, owner) in companions where key != owner {
      if let extra = node[companion] {
        report(
          .conflict, at: extra.location, Self.child(path, companion),
          expected: "`\(companion)` only with `\(owner)`", found: "`\(companion)` with `\(key)`")
      }
    }
    let formPath = Self.child(path, key)
    switch key {
    case "constant":
      return number(formNode, formPath).map { (.constant($0), sd) }
    case "values":
      guard checkTable(formNode, formPath, allowed: formNode.entries?.map(\.key) ?? []),
        let entries = formNode.entries
      else { return nil }
      var values: [YearValue] = []
      for (yearText, child) in entries {
        let childPath = Self.child(formPath, yearText)
        guard let year = Int(yearText) else {
          report(
            .invalidValue, at: child.location, childPath, expected: "a year as the key",
            found: "\"\(yearText)\"")
          continue
        }
        if let x = number(child, childPath) { values.append(YearValue(year: year, value: x)) }
      }
      guard !entries.isEmpty else {
        report(
          .invalidValue, at: formNode.location, formPath, expected: "at least one year = value",
          found: "an empty table")
        return nil
      }
      return (.values(values.sorted { $0.year < $1.year }), sd)
    case "start":
      let start = number(formNode, formPath)
      let growth = require(node, "growth", path, what: "a growth rate with `start`")
        .flatMap { number($0, Self.child(path, "growth")) }
      guard let start, let growth else { return nil }
      return (.growth(start: start, growth: growth), sd)
    default:
      let formula = string(formNode, formPath, what: "a formula string")
      let years = fitWindow(
        node, path, what: "fit years with `model`: `years = [first, last]` or `window = n`")
      var weights: String?
      if let w = node["weights"] {
        weights = string(w, Self.child(path, "weights"), what: "a data series' name")
        if let weights { seriesReferences.append((Self.child(path, "weights"), weights, true)) }
      }
      guard let formula, let years else { return nil }
      return (.model(formula: formula, window: years, weights: weights), sd)
    }
  }
}
