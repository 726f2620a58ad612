import Foundation
import Testing
@testable import Forecast

/// A corrupted snapshot is bad input with its file, line and column, never a crash (an empty
/// year was `Int(NaN)`) or a silent pass; rows on one side only are reported as such.
@Suite struct SnapshotCorruptionTests {
  /// The steady scenario recorded into a fresh folder; returns the folder and supply.csv.
  static func recorded() throws -> (Projection, RunMetadata, String, String) {
    let (p, metadata) = try CheckTests.projection("steady")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-\(UUID().uuidString)").path
    try Snapshot.record(p, metadata: metadata, to: directory)
    let supply = (Snapshot.folder(directory, scenario: "steady") as NSString)
      .appendingPathComponent("supply.csv")
    return (p, metadata, directory, supply)
  }

  /// Each edit of supply.csv (header, 2021 college row on line 2) and the error it must give.
  static let corruptions: [(name: String, from: String, to: String, line: Int, column: Int?, found: String)] = [
    ("header", "new_supply", "new_suply", 1, nil, "year,track,intake,enrolled,graduates,continuing,new_suply"),
    ("text cell", "2021,college,1000,", "2021,college,lots,", 2, 3, "\"lots\""),
    ("empty year", "2021,college,", ",college,", 2, 1, "an empty cell"),
    ("huge year", "2021,college,", "1e300,college,", 2, 1, "1e+300"),
    ("fractional year", "2021,college,", "2021.5,college,", 2, 1, "2021.5"),
    ("empty key", "2021,college,", "2021,,", 2, 2, "an empty cell"),
  ]

  @Test(arguments: corruptions.indices)
  func corruptedTableIsBadInputAtItsLine(_ i: Int) throws {
    let corruption = Self.corruptions[i]
    let (p, metadata, directory, supply) = try Self.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = try String(contentsOfFile: supply, encoding: .utf8)
    let edited = text.replacingOccurrences(of: corruption.from, with: corruption.to)
    #expect(edited != text, "\(corruption.name): the edit must change the file")
    try edited.write(toFile: supply, atomically: true, encoding: .utf8)
    try resignSnapshotTable(supply)
    #expect {
      _ = try Snapshot.compare(p, metadata: metadata, in: directory)
    } throws: { error in
      guard case CheckError.snapshotCorrupt(let file, let line, let column, _, let found) = error else {
        return false
      }
      return file == supply && line == corruption.line && column == corruption.column && found == corruption.found
    }
  }

  @Test func invalidCSVIsBadInput() throws {
    let (p, metadata, directory, supply) = try Self.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = try String(contentsOfFile: supply, encoding: .utf8)
    try text.replacingOccurrences(of: "2021,college,1000,", with: "2021,college,")
      .write(toFile: supply, atomically: true, encoding: .utf8)
    try resignSnapshotTable(supply)
    #expect(throws: CheckError.snapshotCSV(.wrongFieldCount(file: supply, line: 2, expected: 7, found: 6))) {
      _ = try Snapshot.compare(p, metadata: metadata, in: directory)
    }
  }

  @Test func repeatedRowIsBadInput() throws {
    let (p, metadata, directory, supply) = try Self.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = try String(contentsOfFile: supply, encoding: .utf8)
    let second = try #require(text.split(separator: "\n").dropFirst().first)
    try (text + second + "\n").write(toFile: supply, atomically: true, encoding: .utf8)
    try resignSnapshotTable(supply)
    let lines = text.split(separator: "\n").count
    #expect {
      _ = try Snapshot.compare(p, metadata: metadata, in: directory)
    } throws: { error in
      guard case CheckError.snapshotCorrupt(_, let line, nil, "one row per key and year", let found) = error else {
        return false
      }
      return line == lines + 1 && found == "the row of line 2 again (key 'college', year 2021)"
    }
  }

  /// A snapshot cell of inf (or 1e999) has an infinite tolerance, so it used to pass against
  /// any run: it moves unless the run gives the same infinity.
  @Test func infiniteSnapshotCellMoves() throws {
    let (p, metadata, directory, supply) = try Self.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = try String(contentsOfFile: supply, encoding: .utf8)
    for infinity in ["inf", "1e999", "-inf"] {
      try text.replacingOccurrences(of: "2021,college,1000,", with: "2021,college,\(infinity),")
        .write(toFile: supply, atomically: true, encoding: .utf8)
      try resignSnapshotTable(supply)
      let comparison = try Snapshot.compare(p, metadata: metadata, in: directory)
      let moved = comparison.changes.map { "\($0.key) \($0.year ?? 0) \($0.column) \($0.old)" }
      #expect(moved == ["college 2021 intake \(infinity == "-inf" ? "-inf" : "inf")"], "\(infinity)")
    }
  }

  /// A row dropped from the snapshot is only in the run; a row renamed in it is only in the
  /// snapshot (and its real counterpart only in the run): no fake 0 or infinite changes.
  @Test func rowsOnOneSideAreNamedAsSuch() throws {
    let (p, metadata, directory, supply) = try Self.recorded()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = try String(contentsOfFile: supply, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[1].hasPrefix("2021,college,"))
    lines.remove(at: 1)  // 2021 college: only in the run now
    lines[1] = lines[1].replacingOccurrences(of: ",college,", with: ",academy,")  // 2022
    try lines.joined(separator: "\n").write(toFile: supply, atomically: true, encoding: .utf8)
    try resignSnapshotTable(supply)
    let comparison = try Snapshot.compare(p, metadata: metadata, in: directory)
    let rows = comparison.changes.map { "\($0.kind.rawValue) \($0.key) \($0.year ?? 0) \($0.column)" }.sorted()
    #expect(rows == ["only in run college 2021 ", "only in run college 2022 ", "only in snapshot academy 2022 "])
    #expect(comparison.changes.allSatisfy { $0.old.isNaN && $0.new.isNaN })
    let table = comparison.table
    #expect(table.columns.map(\.name).contains("result"))
  }
}
