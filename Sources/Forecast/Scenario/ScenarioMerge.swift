/// Applies an extension scenario over its base (MODEL.md 8).
///
/// A key of the extension replaces the base's value, except where both are tables, which merge
/// by the same rule (so a driver's `values` merge by year). Tracks and sectors are matched by
/// `name`, new names appended; shocks, uncertain inputs and expectations are appended. Every node keeps the file
/// that wrote it, so relative paths keep resolving against that file.
///
/// Alternatives are exclusive, so that an extension can switch between them: a driver that
/// names a form key (`constant`, `values`, `start`, `model`) drops the base's other forms with
/// their companion keys (`growth`; `years`, `window`, `weights`, `anchor`, `anchor_decay`); a fit's
/// `years` and `window` drop each other wherever they stand; likewise a track's rule (`entry`,
/// `continuation`, `intake_driver`) and a sector's demand (`capacity` against `employment`,
/// `growth`, `replacement`, `graduate_share`).
enum ScenarioMerge {
  static func merge(base: ScenarioNode, extension ext: ScenarioNode) -> ScenarioNode {
    guard var entries = base.entries, let extEntries = ext.entries else { return ext }
    for (key, node) in extEntries {
      guard let i = entries.firstIndex(where: { $0.key == key }) else {
        entries.append((key, node))
        continue
      }
      let old = entries[i].node
      switch key {
      case "drivers":
        entries[i].node = mergeTable(old, node) { mergeDriver($0, $1) }
      case "tracks", "sectors":
        entries[i].node = mergeByName(old, node, key: key)
      case "shocks", "uncertain", "expect":
        if let a = old.array, let b = node.array {
          entries[i].node = ScenarioNode(value: .array(a + b), location: old.location)
        } else {
          entries[i].node = node
        }
      default:
        entries[i].node = mergeGeneric(old, node)
      }
    }
    return ScenarioNode(value: .table(entries), location: base.location)
  }

  /// Tables merge key by key; anything else is replaced.
  /// A fit's `years` and `window` are alternatives wherever they stand (a model driver, a
  /// calibration): the extension's one drops the base's other.
  static func mergeGeneric(_ base: ScenarioNode, _ ext: ScenarioNode) -> ScenarioNode {
    mergeTable(dropFitWindow(base, for: ext), ext) { mergeGeneric($0, $1) }
  }

  /// `base` without the fit-window key that `ext` does not name, when `ext` names the other.
  static func dropFitWindow(_ base: ScenarioNode, for ext: ScenarioNode) -> ScenarioNode {
    let keys = ScenarioSchema.fitWindow
    let named = keys.filter { ext[$0] != nil }
    guard named.count == 1, ext.entries != nil else { return base }
    return base.dropping(Set(keys.filter { !named.contains($0) }))
  }

  /// Merges two tables with `child` for keys both have; replaces when either is not a table.
  static func mergeTable(
    _ base: ScenarioNode, _ ext: ScenarioNode,
    child: (ScenarioNode, ScenarioNode) -> ScenarioNode
  ) -> ScenarioNode {
    guard var entries = base.entries, let extEntries = ext.entries else { return ext }
    for (key, node) in extEntries {
      if let i = entries.firstIndex(where: { $0.key == key }) {
        entries[i].node = child(entries[i].node, node)
      } else {
        entries.append((key, node))
      }
    }
    return ScenarioNode(value: .table(entries), location: base.location)
  }

  static func mergeDriver(_ base: ScenarioNode, _ ext: ScenarioNode) -> ScenarioNode {
    guard let extEntries = ext.entries else { return ext }
    let forms = ScenarioSchema.driverForms
    let named = Set(extEntries.map(\.key)).intersection(forms.map(\.form))
    guard !named.isEmpty else { return mergeGeneric(base, ext) }
    let dropped = forms.filter { !named.contains($0.form) }.flatMap(\.keys)
    return mergeGeneric(base.dropping(Set(dropped)), ext)
  }

  static func mergeByName(_ base: ScenarioNode, _ ext: ScenarioNode, key: String) -> ScenarioNode {
    guard var elements = base.array, let extElements = ext.array else { return ext }
    for element in extElements {
      guard let name = element["name"]?.string,
        let i = elements.firstIndex(where: { $0["name"]?.string == name })
      else {
        elements.append(element)
        continue
      }
      var old = elements[i]
      let extKeys = Set(element.entries?.map(\.key) ?? [])
      for group in ScenarioSchema.exclusiveKeys[key] ?? [] where !extKeys.isDisjoint(with: group) {
        let others = (ScenarioSchema.exclusiveKeys[key] ?? []).filter { $0 != group }.flatMap { $0 }
        old = old.dropping(Set(others))
      }
      elements[i] = mergeGeneric(old, element)
    }
    return ScenarioNode(value: .array(elements), location: base.location)
  }
}

extension ScenarioNode {
  /// The table without `keys`; other values unchanged.
  func dropping(_ keys: Set<String>) -> ScenarioNode {
    guard let entries else { return self }
    return ScenarioNode(
      value: .table(entries.filter { !keys.contains($0.key) }), location: location)
  }
}
