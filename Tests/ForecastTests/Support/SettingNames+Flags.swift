@testable import Forecast

extension SettingNames {
  /// Settings named as the command line names them, for tests of messages a user reads there.
  static let flags = SettingNames { "--\($0.rawValue)" }
}
