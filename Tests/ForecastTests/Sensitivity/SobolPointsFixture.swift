import Foundation

@testable import Forecast

/// `Fixtures/sensitivity/sobol_points.json` (made by `make_sobol_points.py`).
struct SobolPointsFixture: Decodable {
  struct Block: Decodable {
    let dimensions: Int
    let first: Int
    let bits: Int
    let values: [[UInt64]]
  }

  let firstPoints: Block
  let skippedPoints: Block
  /// `directionNumbers[d][j − 1]` is m_j of dimension d + 1, j = 1 … 16.
  let directionNumbers: [[UInt64]]

  enum CodingKeys: String, CodingKey {
    case firstPoints = "first_points"
    case skippedPoints = "skipped_points"
    case directionNumbers = "direction_numbers"
  }

  static func load() throws -> SobolPointsFixture {
    try JSONDecoder().decode(Self.self, from: Fixtures.data("sensitivity/sobol_points.json"))
  }
}
