/// A named yearly series that parameters may refer to (MODEL.md 2).
public struct DriverSpec: Sendable, Equatable {
  /// `anchor = "last"` on a model driver: the projection starts from the last observation, the
  /// residual there decaying by `decay` a year (MODEL.md 2).
  public struct Anchor: Sendable, Equatable {
    /// `anchor_decay`, in [0, 1]; 0 keeps the level shift.
    public var decay: Double

    public init(decay: Double = 0) { self.decay = decay }
  }

  public var name: String
  public var form: DriverForm
  /// Standard deviation of the Monte Carlo noise added each projection year (section 7).
  public var sd: Double?
  /// Only on a model driver.
  public var anchor: Anchor?

  public init(name: String, form: DriverForm, sd: Double? = nil, anchor: Anchor? = nil) {
    self.name = name
    self.form = form
    self.sd = sd
    self.anchor = anchor
  }
}
