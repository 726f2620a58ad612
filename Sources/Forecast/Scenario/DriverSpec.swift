/// A named yearly series that parameters may refer to (MODEL.md 2).
public struct DriverSpec: Sendable, Equatable {
  public var name: String
  public var form: DriverForm
  /// Standard deviation of the Monte Carlo noise added each projection year (section 7).
  public var sd: Double?

  public init(name: String, form: DriverForm, sd: Double? = nil) {
    self.name = name
    self.form = form
    self.sd = sd
  }
}
