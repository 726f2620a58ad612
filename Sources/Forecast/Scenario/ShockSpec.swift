/// A what-if change of one parameter over a span of years (MODEL.md 8).
public struct ShockSpec: Sendable, Equatable {
  /// How the shock's value combines with the parameter's.
  public enum Operation: String, Sendable, Equatable, CaseIterable {
    case set, scale, add
  }

  /// The target as written, `tracks.bachelor.entry.rate`.
  public var targetPath: String
  public var target: ShockTarget
  public var from: Int
  /// Last year, inclusive; nil for open-ended.
  public var to: Int?
  public var operation: Operation
  public var value: Double
  /// Standard deviation of the value, drawn once per path.
  public var sd: Double?
  /// Bounds the shocked parameter is clamped to, nil for none: a tornado's range kept within
  /// the target's domain (MODEL.md 12). Scenario files cannot set it.
  public var clamp: ClosedRange<Double>? = nil

  public init(
    target: ShockTarget, from: Int, to: Int? = nil, operation: Operation, value: Double,
    sd: Double? = nil
  ) {
    self.targetPath = target.path
    self.target = target
    self.from = from
    self.to = to
    self.operation = operation
    self.value = value
    self.sd = sd
  }
}
