import Dispatch
import Foundation

extension CSVReader {
  /// Files smaller than this are parsed on one thread.
  static let parallelThreshold = 4 << 20

  /// `readNumbers` over the records after the header, in parallel chunks when the file is large
  /// and holds no quote (so every line feed ends a record). Chunks split at line feeds and
  /// their columns are joined in order, so the table is the same whatever the thread count.
  static func readNumbersInChunks(_ scanner: inout CSVScanner, width: Int) throws(CSVError) -> (
    numbers: [[Double]], firstText: [Int?]
  ) {
    let bytes = scanner.bytes
    let start = scanner.position
    let lanes = min(8, ProcessInfo.processInfo.activeProcessorCount)
    guard lanes > 1, bytes.count - start >= parallelThreshold,
      systemFindByte(CSVScanner.quote, in: bytes, from: start, to: bytes.count) == nil
    else { return try readNumbers(&scanner, width: width) }

    var bounds = [start]
    for lane in 1..<lanes {
      let target = start + (bytes.count - start) * lane / lanes
      guard target > bounds[bounds.count - 1],
        let feed = systemFindByte(CSVScanner.lineFeed, in: bytes, from: target, to: bytes.count)
      else { continue }
      if feed + 1 > bounds[bounds.count - 1] && feed + 1 < bytes.count { bounds.append(feed + 1) }
    }
    bounds.append(bytes.count)
    let edges = bounds
    let chunks = edges.count - 1
    let shared = SharedBytes(bytes)
    let results = ChunkResults(count: chunks)
    let source = scanner.source
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let slice = UnsafeBufferPointer(rebasing: shared.bytes[edges[chunk]..<edges[chunk + 1]])
      let outcome = withCNumericLocale {
        () -> Result<(numbers: [[Double]], firstText: [Int?]), CSVError> in
        var chunkScanner = CSVScanner(records: slice, source: source)
        do throws(CSVError) {
          let parsed = try readNumbers(&chunkScanner, width: width)
          return .success(parsed)
        } catch {
          return .failure(error)
        }
      }
      results.store(chunk, outcome, rows: outcome.rowCount)
    }

    var numbers = [[Double]](repeating: [], count: width)
    var firstText = [Int?](repeating: nil, count: width)
    var rowsBefore = 0
    for chunk in 0..<chunks {
      switch results.outcome(chunk) {
      case .failure(let error):
        // Lines before this chunk: the header's, and every line end of earlier chunks.
        let offset = scanner.line - 1 + lineEnds(bytes, from: start, to: bounds[chunk])
        throw error.shiftingLines(by: offset)
      case .success(let part):
        for column in 0..<width {
          if firstText[column] == nil, let row = part.firstText[column] {
            firstText[column] = rowsBefore + row
            numbers[column] = []
          } else if firstText[column] == nil {
            numbers[column].append(contentsOf: part.numbers[column])
          }
        }
        rowsBefore += results.rows(chunk)
      }
    }
    return (numbers, firstText)
  }

  /// Line ends (LF, CRLF or lone CR) in `bytes[start..<end]`; only called to place an error.
  static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var count = 0
    var index = start
    while index < end {
      if bytes[index] == CSVScanner.lineFeed {
        count += 1
      } else if bytes[index] == CSVScanner.carriageReturn,
        index + 1 >= end || bytes[index + 1] != CSVScanner.lineFeed
      {
        count += 1
      }
      index += 1
    }
    return count
  }
}

extension Result where Success == (numbers: [[Double]], firstText: [Int?]) {
  /// Records parsed by a chunk: the length of a column that stayed numeric, or past the last
  /// first-text row.
  fileprivate var rowCount: Int {
    guard case .success(let part) = self else { return 0 }
    if let column = part.numbers.indices.first(where: { part.firstText[$0] == nil }) {
      return part.numbers[column].count
    }
    return 0
  }
}

/// The file's bytes, read-only while the chunks are parsed (they outlive the parallel loop).
private struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Per-chunk outcomes written by concurrent workers, each slot by one worker.
private final class ChunkResults: @unchecked Sendable {
  private var outcomes: [Result<(numbers: [[Double]], firstText: [Int?]), CSVError>?]
  private var rowCounts: [Int]
  private let lock = NSLockLike()

  init(count: Int) {
    outcomes = Array(repeating: nil, count: count)
    rowCounts = Array(repeating: 0, count: count)
  }

  func store(
    _ chunk: Int, _ outcome: Result<(numbers: [[Double]], firstText: [Int?]), CSVError>, rows: Int
  ) {
    lock.withLock {
      outcomes[chunk] = outcome
      rowCounts[chunk] = rows
    }
  }

  func outcome(_ chunk: Int) -> Result<(numbers: [[Double]], firstText: [Int?]), CSVError> {
    lock.withLock { outcomes[chunk] } ?? .success((numbers: [], firstText: []))
  }

  func rows(_ chunk: Int) -> Int { lock.withLock { rowCounts[chunk] } }
}
