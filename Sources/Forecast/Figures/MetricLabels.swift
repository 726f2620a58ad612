/// How charts and the report name the balance metrics and their units, for readers who do not
/// know the column names.
extension BalanceMetric {
  /// The metric's name in a legend or panel title.
  public var displayName: String {
    switch self {
    case .graduates: "Graduates"
    case .newSupply: "New labour supply"
    case .capacity: "Labour-brand capacity"
    case .placed: "Placed in brand jobs"
    case .unplaced: "Without a brand placement"
    case .vacancies: "Unfilled brand openings"
    case .coverage: "Coverage"
    }
  }

  /// A sentence on what the metric counts.
  public var explanation: String {
    switch self {
    case .graduates: "everyone who graduates in the year, undergraduate and postgraduate"
    case .newSupply: "graduates who enter the labour market (graduates minus those who go on to postgraduate study)"
    case .capacity: "graduate openings in labour-brand jobs"
    case .placed: "new graduates placed in those openings"
    case .unplaced: "new labour supply minus placed: graduates with no brand placement (not unemployment)"
    case .vacancies: "brand openings no eligible graduate took"
    case .coverage: "capacity as a share of new labour supply"
    }
  }

  /// Whether the metric is a share (coverage) rather than a number of persons.
  public var isShare: Bool { self == .coverage }
}

/// A value axis for persons or for a share: the unit (million, thousand persons or percent)
/// chosen from the largest value shown, named in the axis title.
enum MetricAxis {
  /// The axis for persons whose largest absolute value is `largest`, with its unit word.
  static func persons(largest: Double, includesZero: Bool = true) -> Axis {
    let style = NumberFormat.automaticStyle(largest: largest.isFinite ? largest : 0, suffix: .none)
    return .linear(title: personsTitle(style), labelStyle: style, includesZero: includesZero)
  }

  /// "Million persons", "Thousand persons" or "Persons", for the style `persons` picks.
  static func personsTitle(_ style: NumberFormat.Style) -> String {
    switch style {
    case .scaled(.billion, _): "Billion persons"
    case .scaled(.million, _): "Million persons"
    case .scaled(.thousand, _): "Thousand persons"
    default: "Persons"
    }
  }

  /// A percent axis for shares (0.019 reads 1.9%).
  static func percent(title: String, includesZero: Bool = true) -> Axis {
    .linear(title: title, labelStyle: .percent, includesZero: includesZero)
  }

  /// The axis for a balance metric whose values reach `largest` in absolute value.
  static func metric(_ metric: BalanceMetric, largest: Double, includesZero: Bool = true) -> Axis {
    metric.isShare
      ? percent(title: "Percent of new labour supply", includesZero: includesZero)
      : persons(largest: largest, includesZero: includesZero)
  }

  /// The largest absolute finite value of `values`, 0 when there is none.
  static func largest(_ values: [Double]) -> Double {
    values.lazy.filter(\.isFinite).map(abs).max() ?? 0
  }
}
