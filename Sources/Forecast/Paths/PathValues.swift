/// A parameter's values by year on every path: P values, or one value shared by all paths.
/// Every engine takes its per-path parameters in this shape.
public typealias PathValues = [Int: [Double]]

extension Array where Element == Double {
  /// Elementwise `op` of two per-path arrays, either of which may hold one shared value.
  func combined(with other: [Double], _ op: (Double, Double) -> Double) -> [Double] {
    if count == 1 && other.count == 1 { return [op(self[0], other[0])] }
    if count == 1 { return other.map { op(self[0], $0) } }
    if other.count == 1 { return map { op($0, other[0]) } }
    return zip(self, other).map(op)
  }
}
