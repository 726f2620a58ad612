/// Grid or design points run side by side: cut into batches that may share one run, and their
/// results put back in point order.
enum PointBatches {
  /// The points of `range` in batches of at most `size`, in point order within a batch: points
  /// grouped by `key` (their values on the inputs that may not vary along a batch,
  /// `Simulation.variesAlongBatch`), groups in the order of their first point.
  static func batches(_ range: Range<Int>, size: Int, key: (Int) -> [UInt64]) -> [[Int]] {
    var groups: [[UInt64]: Int] = [:]
    var members: [[Int]] = []
    for point in range {
      let k = key(point)
      if let g = groups[k] {
        members[g].append(point)
      } else {
        groups[k] = members.count
        members.append([point])
      }
    }
    return members.flatMap { group in
      stride(from: 0, to: group.count, by: size).map { Array(group[$0..<min($0 + size, group.count)]) }
    }
  }

  /// Every point's result in point order from its batch's results (`batches[b]` the points of
  /// `results[b]`); the first point that failed throws, named by `label`.
  static func ordered<T, E: Error>(
    _ results: [Result<[Result<T, SimulationError>], E>], batches: [[Int]], range: Range<Int>,
    label: (Int) -> String
  ) throws(WhatIfError) -> [T] {
    var byPoint = [Result<T, SimulationError>?](repeating: nil, count: range.count)
    for (b, result) in results.enumerated() {
      guard case .success(let batch) = result else { continue }
      for (point, outcome) in zip(batches[b], batch) { byPoint[point - range.lowerBound] = outcome }
    }
    var out: [T] = []
    out.reserveCapacity(range.count)
    for (offset, outcome) in byPoint.enumerated() {
      switch outcome {
      case .success(let value)?: out.append(value)
      case .failure(let error)?: throw .run(scenario: label(range.lowerBound + offset), error)
      case nil: preconditionFailure("PointBatches: point \(range.lowerBound + offset) in no batch")
      }
    }
    return out
  }
}
