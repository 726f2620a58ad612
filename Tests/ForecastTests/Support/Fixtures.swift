import Foundation

/// Files next to the tests (STYLE 24): found from this source file's path, not a bundle.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

  static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }
}

/// Log relative error (McCullough 1998): correct significant digits of `estimate`, clamped to
/// [0, 15]; absolute error where the certified value is 0.
func logRelativeError(_ estimate: Double, _ certified: Double) -> Double {
  if estimate == certified { return 15 }
  let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
  guard error.isFinite else { return 0 }
  return min(max(-log10(error), 0), 15)
}
