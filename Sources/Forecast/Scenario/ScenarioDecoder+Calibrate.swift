/// Decoding of `[calibrate]`: the completion rates' calibration against a graduates series (MODEL.md 3).
extension ScenarioDecoder {
  mutating func decodeCalibration(_ node: ScenarioNode) -> CalibrationSpec? {
    let path = "calibrate"
    guard checkTable(node, path, allowed: ScenarioSchema.calibrate) else { return nil }
    let graduates = require(node, "graduates", path, what: "the data series of graduates")
      .flatMap { string($0, "calibrate.graduates", what: "a data series' name") }
    if let graduates { seriesReferences.append(("calibrate.graduates", graduates, false)) }
    let years = require(node, "years", path, what: "fit years [first, last]")
      .flatMap { yearRange($0, "calibrate.years") }
    guard let graduates, let years else { return nil }
    return CalibrationSpec(graduates: graduates, years: years)
  }
}
