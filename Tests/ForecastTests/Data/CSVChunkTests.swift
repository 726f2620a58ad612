import Foundation
import Testing
@testable import Forecast

/// Large files are parsed in parallel chunks: the table and the error lines must be exactly
/// those of a one-thread parse.
@Suite struct CSVChunkTests {
  /// About 6 MB: over the parallel threshold.
  static func text(rows: Int = 120_000, edit: ((inout [String]) -> Void)? = nil) -> String {
    var g = SeededGenerator(seed: 42)
    var lines = ["year,a,b,c"]
    for i in 0..<rows {
      lines.append("\(1900 + i),\(g.centered()),\(g.centered() * 1e6),\(i % 7 == 0 ? "NA" : "\(g.centered())")")
    }
    edit?(&lines)
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func chunkedEqualsSequential() throws {
    let bytes = Array(Self.text().utf8)
    #expect(bytes.count > CSVReader.parallelThreshold)
    let chunked = try CSVReader.parse(bytes, source: "big.csv")
    var sequential: DataTable?
    try bytes.withUnsafeBufferPointer { buffer in
      var scanner = CSVScanner(bytes: buffer, source: "big.csv")
      let names = try CSVReader.readHeader(&scanner)
      let (numbers, _) = try CSVReader.readNumbers(&scanner, width: names.count)
      sequential = DataTable(source: "big.csv", names: names, columns: numbers.map { .numeric($0) })
    }
    #expect(chunked.rowCount == 120_000)
    for name in chunked.names {
      let a = chunked.numericColumn(named: name) ?? []
      let b = sequential?.numericColumn(named: name) ?? [1]
      #expect(a.count == b.count)
      #expect(zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
  }

  @Test func errorLineInALaterChunk() {
    let text = Self.text { lines in lines[100_000] += ",9" }
    #expect(throws: CSVError.wrongFieldCount(file: "big.csv", line: 100_001, expected: 4, found: 5)) {
      try CSVReader.parse(Array(text.utf8), source: "big.csv")
    }
  }

  @Test func textCellInALaterChunk() throws {
    let text = Self.text { lines in lines[110_000] = "2009,0.5,abc,0.1" }
    let table = try CSVReader.parse(Array(text.utf8), source: "big.csv")
    guard case .text(let cells, let first) = table.column(named: "b") else {
      Issue.record("b should be text")
      return
    }
    #expect(first == 109_999)
    #expect(cells[109_999] == "abc" && cells.count == 120_000)
    #expect(table.numericColumn(named: "a")?.count == 120_000)
  }
}
