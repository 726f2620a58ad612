@testable import Forecast

extension SettingNames {
  /// Settings named as the command line names them, for tests of messages a user reads there.
  static let flags = SettingNames { setting in
    switch setting {
    case .recordSnapshot: return "`simulate snapshot --dir`"
    case .updateSnapshot: return "`simulate check --update`"
    case .listTargets: return "`simulate targets SCENARIO`"
    case .checkSuite: return "simulate check"
    default: return "--\(setting.rawValue)"
    }
  }
}
