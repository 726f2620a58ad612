extension Backtest {
  /// What happened at one origin: its warnings, and whether its run was rejected or gave an
  /// implausible calibration.
  public struct Origin: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
      case ok
      /// Calibrated yields outside (0, maximum]: (fit, track, yield).
      case implausible([Implausible])
      /// The fits or calibration failed; the origin is left out of every method.
      case rejected(SimulationError)
    }

    /// A calibrated yield outside the plausible range.
    public struct Implausible: Sendable, Equatable {
      public let track: String
      public let yield: Double
      public let maximum: Double
    }

    public let origin: Int
    public let status: Status
    /// The run's warnings (fits, calibration, rates out of range).
    public let warnings: [String]
  }
}

extension Backtest.Origin {
  /// `ok`, `implausible` or `rejected`.
  public var statusName: String {
    switch status {
    case .ok: return "ok"
    case .implausible: return "implausible"
    case .rejected: return "rejected"
    }
  }

  /// The rejection or implausible yields first, then the run's warnings.
  public func notes(naming names: SettingNames = .library) -> [String] {
    var notes: [String] = []
    switch status {
    case .ok: break
    case .implausible(let yields):
      notes += yields.map {
        "calibrated yield of track '\($0.track)' is \(Self.format($0.yield)), outside (0, \(Self.format($0.maximum))]"
      }
    case .rejected(let error):
      notes.append("left out of every method: \(error.message(naming: names))")
    }
    return notes + warnings
  }

  static func format(_ x: Double) -> String { Table.TextStyle(significantDigits: 4).format(x) }
}
