/// A panel's plot area in view-box units, and the scales that place data in it.
struct PlotFrame: Sendable {
  var left: Double
  var top: Double
  var width: Double
  var height: Double
  var x: LinearScale
  var y: LinearScale

  var right: Double { left + width }
  var bottom: Double { top + height }

  func point(_ p: DataPoint) -> Point {
    Point(x: x(p.x), y: y(p.y))
  }
}
