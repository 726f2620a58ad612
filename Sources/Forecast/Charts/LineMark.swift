/// A series drawn as a line through its points in x order of the input; a point with a
/// non-finite coordinate (a missing year) breaks the line into separate pieces.
public struct LineMark: Sendable, Hashable {
  public var label: String?
  public var points: [DataPoint]
  public var style: SeriesStyle

  public init(_ label: String?, points: [DataPoint], style: SeriesStyle) {
    self.label = label
    self.points = points
    self.style = style
  }

  /// One series, solid where observed (to `lastObserved`) and dashed where projected.
  ///
  /// The two pieces meet at `lastObserved`, so the line has no gap; the legend names it once.
  public static func observedAndProjected(
    _ label: String?, points: [DataPoint], lastObserved: Double, style: SeriesStyle,
    projectionDash: DashPattern = .dashed
  ) -> [Mark] {
    let observed = points.filter { $0.x <= lastObserved }
    let projected = points.filter { $0.x >= lastObserved }
    var marks: [Mark] = []
    if !observed.isEmpty {
      marks.append(.line(LineMark(label, points: observed, style: style.dashed(.solid))))
    }
    if projected.count > 1 || observed.isEmpty {
      let projectedLabel = observed.isEmpty ? label : nil
      marks.append(
        .line(LineMark(projectedLabel, points: projected, style: style.dashed(projectionDash))))
    }
    return marks
  }

  /// Pieces of consecutive finite points.
  var pieces: [[DataPoint]] {
    var result: [[DataPoint]] = []
    var current: [DataPoint] = []
    for point in points {
      if point.isFinite {
        current.append(point)
      } else if !current.isEmpty {
        result.append(current)
        current = []
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
