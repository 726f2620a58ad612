/// A share attached to a field of study (a track's field shares, a sector's eligibility).
public struct FieldShare: Sendable, Equatable {
  public var field: String
  public var share: Double

  public init(field: String, share: Double) {
    self.field = field
    self.share = share
  }
}
