/// Why a report could not be written; nothing was written.
public enum ReportError: Error, Equatable, Sendable, SettingMessage {
  /// A run or chart the report needs failed.
  case figure(FigureError)
  /// An expectation of the scenario names a cell the run does not produce.
  case check(CheckError)

  public func message(naming n: SettingNames) -> String {
    switch self {
    case .figure(let error): error.message(naming: n)
    case .check(let error): error.message(naming: n)
    }
  }
}
