/// Decoding of calibrations (MODEL.md 3): `[calibrate]` against total graduates, and a track's
/// own `calibrate = { graduates, years | window }`; and of fit windows (MODEL.md 2).
extension ScenarioDecoder {
  /// `[calibrate]` at `path`, or a track's `calibrate` inline table.
  mutating func decodeCalibration(_ node: ScenarioNode, _ path: String = "calibrate")
    -> CalibrationSpec?
  {
    guard checkTable(node, path, allowed: ScenarioSchema.calibrate) else { return nil }
    let graduates = require(node, "graduates", path, what: "the data series of graduates")
      .flatMap { string($0, Self.child(path, "graduates"), what: "a data series' name") }
    if let graduates { seriesReferences.append((Self.child(path, "graduates"), graduates, false)) }
    let window = fitWindow(node, path, what: "fit years: `years = [first, last]` or `window = n`")
    guard let graduates, let window else { return nil }
    return CalibrationSpec(graduates: graduates, window: window)
  }

  /// Exactly one of `years = [y0, y1]` and `window = n` (an integer >= 1) in `table`.
  mutating func fitWindow(_ table: ScenarioNode, _ path: String, what: String) -> FitWindow? {
    let present = ScenarioSchema.fitWindow.filter { table[$0] != nil }
    guard present.count == 1, let key = present.first, let node = table[key] else {
      if present.isEmpty {
        report(.missingKey, at: table.location, Self.child(path, "years"), expected: what, found: "neither `years` nor `window`")
      } else {
        report(
          .conflict, at: table["window"]?.location ?? table.location, Self.child(path, "window"),
          expected: "one of `years` and `window`", found: "both")
      }
      return nil
    }
    let keyPath = Self.child(path, key)
    if key == "years" { return yearRange(node, keyPath).map { .years($0) } }
    return integer(node, keyPath, minimum: 1).map { .last($0) }
  }
}
