import Foundation
import Testing

@testable import Forecast

/// Hostile CSV headers are refused quickly and in bounded memory (docs/reliability.md).
@Suite struct CSVLimitsTests {
  /// Column names 0, 1, ..., in hexadecimal, joined by commas.
  static func header(columns: Int) -> String {
    (0..<columns).map { String($0, radix: 16) }.joined(separator: ",")
  }

  /// A 200 KB header of 40,000 columns over 60,000 blank lines reserved 40,000 × 66,000
  /// numbers (21 GB of address space) before it was bounded; a 4 GB `ulimit -v` aborted it.
  @Test(.timeLimit(.minutes(1))) func wideHeaderIsRefused() {
    let text = Self.header(columns: 40_000) + "\n" + String(repeating: "\n", count: 60_000)
    #expect(text.utf8.count > 200_000)
    let start = ContinuousClock.now
    #expect(throws: CSVError.tooManyColumns(file: "wide.csv", line: 1, limit: 10_000)) {
      try CSVReader.parse(Array(text.utf8), source: "wide.csv")
    }
    #expect(ContinuousClock.now - start < .seconds(2))
    #expect(
      CSVError.tooManyColumns(file: "wide.csv", line: 1, limit: 10_000).description
        == "wide.csv: line 1: expected at most 10000 columns in the header, found more")
  }

  @Test func longHeaderIsRefused() {
    let text = "year," + String(repeating: "a", count: 300_000) + "\n2020,1\n"
    #expect(throws: CSVError.headerTooLong(file: "long.csv", line: 1, limit: 262_144)) {
      try CSVReader.parse(Array(text.utf8), source: "long.csv")
    }
    let quoted = "\n\n\"" + String(repeating: "a", count: 300_000) + "\"\n1\n"
    #expect(throws: CSVError.headerTooLong(file: "q.csv", line: 3, limit: 262_144)) {
      try CSVReader.parse(Array(quoted.utf8), source: "q.csv")
    }
  }

  @Test func headersAtTheLimitsParse() throws {
    let wide = Self.header(columns: CSVReader.maximumColumns) + "\n"
      + Array(repeating: "1", count: CSVReader.maximumColumns).joined(separator: ",") + "\n"
    let table = try CSVReader.parse(Array(wide.utf8), source: "wide.csv")
    #expect(table.names.count == 10_000 && table.rowCount == 1)
    let long = String(repeating: "a", count: CSVReader.maximumHeaderBytes) + "\n1\n"
    #expect(try CSVReader.parse(Array(long.utf8), source: "long.csv").rowCount == 1)
  }

  /// Each column reserves the estimated row count: never more records than the bytes hold.
  @Test func rowEstimateIsBoundedByTheWidth() {
    let blank = [UInt8](repeating: UInt8(ascii: "\n"), count: 200_000)
    blank.withUnsafeBufferPointer { bytes in
      #expect(CSVReader.estimatedRowCount(bytes, from: 0, width: 9_000) <= 200_000 / 9_000 + 1)
      #expect(CSVReader.estimatedRowCount(bytes, from: 0, width: 1) >= 200_000)
    }
  }

  /// Many blank lines under a header of thousands of columns: parsed in bounded memory.
  @Test(.timeLimit(.minutes(1))) func blankLinesUnderAWideHeader() throws {
    let text = Self.header(columns: 9_000) + "\n" + String(repeating: "\n", count: 200_000)
    let table = try CSVReader.parse(Array(text.utf8), source: "blank.csv")
    #expect(table.names.count == 9_000 && table.rowCount == 0)
  }
}
