/// An axis resolved for drawing: its domain, tick values and tick labels (all in one format),
/// or its categories.
struct AxisLayout: Sendable {
  var domain: ClosedRange<Double>
  var ticks: [Double]
  var labels: [String]
  var categories: [String]?

  /// The axis `axis` showing `values` along `length` view-box units (about one tick per
  /// `spacing` units).
  init(_ axis: Axis, values: [Double], length: Double, spacing: Double) {
    let finite = values.filter(\.isFinite)
    switch axis.kind {
    case .categories(let names):
      domain = -0.5...(Double(max(names.count, 1)) - 0.5)
      ticks = names.indices.map(Double.init)
      labels = names
      categories = names
    case .years:
      let years: ClosedRange<Int>
      if let fixed = axis.domain {
        years = Int(fixed.lowerBound.rounded(.down))...Int(fixed.upperBound.rounded(.up))
      } else if let low = finite.min(), let high = finite.max() {
        years = Int(low.rounded(.down))...Int(high.rounded(.up))
      } else {
        years = 0...1
      }
      // Year labels are four digits, about 34 wide at 13 units: at least 60 apart.
      let ticks = YearTicks(
        years: years, maximumCount: max(2, Int(length / max(60, spacing * 2 / 3))))
      domain = Double(years.lowerBound)...Double(years.upperBound)
      self.ticks = ticks.values.map(Double.init)
      labels = ticks.values.map(String.init)
      categories = nil
    case .linear:
      let target = max(2, Int(length / spacing) + 1)
      if let fixed = axis.domain {
        let nice = NiceTicks(covering: fixed, targetCount: target)
        let tolerance = nice.step * 1e-9
        domain = fixed
        ticks = nice.values.filter {
          $0 >= fixed.lowerBound - tolerance && $0 <= fixed.upperBound + tolerance
        }
      } else {
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if axis.includesZero {
          low = min(low, 0)
          high = max(high, 0)
        }
        let pad = (high - low) * axis.padding
        if pad > 0 {
          // Padding never pushes a non-negative axis below zero.
          low = low >= 0 ? max(low - pad, 0) : low - pad
          high = high <= 0 ? min(high + pad, 0) : high + pad
        }
        let nice = NiceTicks(covering: low...high, targetCount: target)
        domain = nice.domain
        ticks = nice.values
      }
      let format = NumberFormat.forAxis(axis.labelStyle, ticks: ticks)
      labels = ticks.map(format.string)
      categories = nil
    }
  }

  /// The widest tick label at `size`.
  func widestLabel(size: Double) -> Double {
    labels.map { TextMetrics.width($0, size: size) }.max() ?? 0
  }
}
