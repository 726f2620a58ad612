import Foundation

/// The source line under every figure and report: the tool and its version, the scenario
/// file, the data files the run read and the date, so a printed chart can be traced to its
/// inputs.
public struct FigureSource: Sendable, Equatable {
  public var scenarioFile: String
  public var dataFiles: [String]
  /// `YYYY-MM-DD`.
  public var date: String

  /// - Parameters:
  ///   - dataFiles: paths of the data files read; the line names them by file name.
  ///   - date: the date written; ``today()`` by default.
  public init(scenario: Scenario, dataFiles: [String], date: String = FigureSource.today()) {
    scenarioFile = scenario.files.first.map { ($0 as NSString).lastPathComponent }
      ?? "\(scenario.info.name) (built in code)"
    var names: [String] = []
    for path in dataFiles {
      let name = (path as NSString).lastPathComponent
      if !names.contains(name) { names.append(name) }
    }
    self.dataFiles = names
    self.date = date
  }

  /// The line, after "Source: ".
  public var line: String {
    var parts = ["Forecast \(RunMetadata.toolVersion), scenario \(scenarioFile)"]
    if !dataFiles.isEmpty { parts.append("data " + dataFiles.joined(separator: ", ")) }
    parts.append(date)
    return parts.joined(separator: "; ")
  }

  /// Today's date in UTC, or the date of `SOURCE_DATE_EPOCH` when it is set (the convention of
  /// reproducible builds), so a chart can be made again byte for byte.
  public static func today(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
    return date(secondsSince1970: seconds)
  }

  /// The UTC calendar date of a Unix time, `YYYY-MM-DD` (civil-from-days, Howard Hinnant's
  /// algorithm, so no locale or time zone enters it).
  static func date(secondsSince1970 seconds: Int) -> String {
    let z = seconds.dividedFloor(by: 86_400) + 719_468
    let era = z.dividedFloor(by: 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}

extension Int {
  /// The quotient rounded towards minus infinity.
  fileprivate func dividedFloor(by d: Int) -> Int {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }
}
