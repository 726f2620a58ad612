import Foundation

/// The largest input file Forecast reads into memory, by kind of file, and the environment
/// variable that changes it (docs/reliability.md, "Bounded input").
///
/// | kind     | default  | variable                     |
/// |----------|----------|------------------------------|
/// | data     | 256 MiB  | `FORECAST_MAX_INPUT_BYTES`    |
/// | scenario | 4 MiB    | `FORECAST_MAX_SCENARIO_BYTES` |
///
/// A variable holds a whole number of bytes, optionally followed by `K`, `M` or `G` (also
/// `KiB`, `MiB`, `GiB`; powers of 1024): `FORECAST_MAX_INPUT_BYTES=2G`.
public struct InputLimit: Sendable, Equatable {
  /// What the limit is for, in messages ("a data file").
  public let what: String
  /// The largest size accepted, in bytes.
  public let bytes: Int
  /// The environment variable that sets it.
  public let variable: String

  public init(what: String, bytes: Int, variable: String) {
    self.what = what
    self.bytes = bytes
    self.variable = variable
  }

  /// The default for data files (CSV): 256 MiB, far above any yearly series and below what
  /// would exhaust a laptop once parsed.
  public static let defaultDataBytes = 256 << 20
  /// The default for scenario files (TOML): 4 MiB; the shipped scenarios are under 20 KiB.
  public static let defaultScenarioBytes = 4 << 20

  public static let dataVariable = "FORECAST_MAX_INPUT_BYTES"
  public static let scenarioVariable = "FORECAST_MAX_SCENARIO_BYTES"

  /// The limit for data files, from the environment.
  ///
  /// - Throws: `InputFile.Failure.badLimitSetting` when the variable is set but not a size.
  static func data(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(InputFile.Failure) -> InputLimit {
    try resolved(
      what: "a data file", default: defaultDataBytes, variable: dataVariable,
      environment: environment)
  }

  /// The limit for scenario files, from the environment.
  ///
  /// - Throws: `InputFile.Failure.badLimitSetting` when the variable is set but not a size.
  static func scenario(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(InputFile.Failure) -> InputLimit {
    try resolved(
      what: "a scenario file", default: defaultScenarioBytes, variable: scenarioVariable,
      environment: environment)
  }

  private static func resolved(
    what: String, default bytes: Int, variable: String, environment: [String: String]
  ) throws(InputFile.Failure) -> InputLimit {
    guard let text = environment[variable], !text.isEmpty else {
      return InputLimit(what: what, bytes: bytes, variable: variable)
    }
    guard let parsed = parseSize(text) else {
      throw .badLimitSetting(variable: variable, found: text)
    }
    return InputLimit(what: what, bytes: parsed, variable: variable)
  }

  /// `"4096"`, `"64K"`, `"256MiB"`, `"2g"` as bytes; nil for anything else, zero, or a size
  /// that does not fit in an `Int`.
  static func parseSize(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    let suffix = trimmed.dropFirst(digits.count).lowercased()
    let shift: Int
    switch suffix {
    case "": shift = 0
    case "k", "kib": shift = 10
    case "m", "mib": shift = 20
    case "g", "gib": shift = 30
    default: return nil
    }
    guard !digits.isEmpty, digits.count <= 18, let value = Int(digits), value > 0 else { return nil }
    let (bytes, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
    return overflow ? nil : bytes
  }

  /// "256 MiB (268,435,456 bytes)", for messages.
  static func describe(bytes: Int) -> String {
    let units: [(shift: Int, name: String)] = [(30, "GiB"), (20, "MiB"), (10, "KiB")]
    for unit in units where bytes >= 1 << unit.shift {
      // Tenths, rounded down, so that a size just over a limit never reads as the limit.
      let whole = bytes >> unit.shift
      let rest = bytes - (whole << unit.shift)
      let tenths = whole * 10 + ((rest * 10) >> unit.shift)
      let shown = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
      return "\(shown) \(unit.name) (\(grouped(bytes)) bytes)"
    }
    return Wording.count(bytes, "byte")
  }

  /// 268435456 as "268,435,456".
  private static func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }
}
