/// The parameter a shock changes, parsed from its dotted path (MODEL.md 8).
public enum ShockTarget: Sendable, Equatable, Hashable {
  case driver(String)
  /// The births series of population entry, by birth year.
  case births
  case survival
  case entryRate(track: String)
  case continuationShare(track: String)
  /// Every progression step of the track.
  case progression(track: String)
  case completion(track: String)
  case growth(sector: String)
  case replacement(sector: String)
  case graduateShare(sector: String)
  case capacity(sector: String)
  case eligibility(sector: String, field: String)

  /// Parses a dotted path; nil when it has none of the shapes of MODEL.md 8.
  public init?(path: String) {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.contains(where: \.isEmpty) else { return nil }
    switch (parts.first, parts.count) {
    case ("drivers", 2): self = .driver(parts[1])
    case ("population", 2) where parts[1] == "survival": self = .survival
    case ("population", 2) where parts[1] == "births": self = .births
    case ("tracks", 4) where parts[2] == "entry" && parts[3] == "rate":
      self = .entryRate(track: parts[1])
    case ("tracks", 4) where parts[2] == "continuation" && parts[3] == "share":
      self = .continuationShare(track: parts[1])
    case ("tracks", 3) where parts[2] == "progression": self = .progression(track: parts[1])
    case ("tracks", 3) where parts[2] == "completion": self = .completion(track: parts[1])
    case ("sectors", 3):
      switch parts[2] {
      case "growth": self = .growth(sector: parts[1])
      case "replacement": self = .replacement(sector: parts[1])
      case "graduate_share": self = .graduateShare(sector: parts[1])
      case "capacity": self = .capacity(sector: parts[1])
      default: return nil
      }
    case ("sectors", 4) where parts[2] == "eligibility":
      self = .eligibility(sector: parts[1], field: parts[3])
    default: return nil
    }
  }

  /// The dotted path, as a scenario writes it.
  public var path: String {
    switch self {
    case .driver(let d): return "drivers.\(d)"
    case .births: return "population.births"
    case .survival: return "population.survival"
    case .entryRate(let k): return "tracks.\(k).entry.rate"
    case .continuationShare(let k): return "tracks.\(k).continuation.share"
    case .progression(let k): return "tracks.\(k).progression"
    case .completion(let k): return "tracks.\(k).completion"
    case .growth(let s): return "sectors.\(s).growth"
    case .replacement(let s): return "sectors.\(s).replacement"
    case .graduateShare(let s): return "sectors.\(s).graduate_share"
    case .capacity(let s): return "sectors.\(s).capacity"
    case .eligibility(let s, let f): return "sectors.\(s).eligibility.\(f)"
    }
  }
}
