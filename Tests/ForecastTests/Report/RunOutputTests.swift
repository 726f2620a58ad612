import Foundation
import Testing
@testable import Forecast

/// Where run tables go: the --tables list, and folders that are files.
@Suite struct RunOutputTests {
  @Test func tableListsParse() throws {
    #expect(try RunOutput.tables("supply, balance,supply") == [.supply, .balance])
  }

  /// Empty names were skipped: `--tables ""` printed a title and no table.
  @Test(arguments: ["", " ", "supply,,demand", "supply,", ",balance"])
  func emptyTableNameIsAnError(list: String) {
    #expect(throws: RunOutput.Failure.emptyTableName(list: list)) { try RunOutput.tables(list) }
  }

  @Test func emptyTableMessageListsTheTables() {
    #expect(
      RunOutput.Failure.emptyTableName(list: "supply,,demand").message(naming: .flags)
        == "--tables: expected comma-separated table names (supply, demand, balance, matching, fan, fit), "
        + "found an empty name in 'supply,,demand'")
  }

  @Test func folderThatIsAFileIsNamed() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    try "x".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(throws: RunOutput.Failure.notADirectory(path: file)) {
      try RunOutput.write([(name: "a.csv", contents: "a\n")], to: file)
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
  }

  /// A single file named by the user may have any name; a link in its place is refused and
  /// left alone, with nothing written where it points and no staging folder left beside it.
  @Test func singleFileNamesAndLinks() throws {
    let folder = try TemporaryFolder("forecast-writefile")
    defer { folder.remove() }
    try OutputSet.writeFile(folder.path("Report.XML"), contents: "<a/>\n")
    #expect(try String(contentsOfFile: folder.path("Report.XML"), encoding: .utf8) == "<a/>\n")
    try OutputSet.writeFile(folder.path("Report.XML"), contents: "<b/>\n")
    #expect(try String(contentsOfFile: folder.path("Report.XML"), encoding: .utf8) == "<b/>\n")
    let victim = try folder.write("victim.dat", "precious\n")
    for name in ["chart.svg", "notes.txt"] {
      try FileManager.default.createSymbolicLink(atPath: folder.path(name), withDestinationPath: victim)
      #expect(throws: OutputSet.Failure.notAFile(path: folder.path(name), kind: "a symbolic link")) {
        try OutputSet.writeFile(folder.path(name), contents: "new\n")
      }
    }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(entries == ["Report.XML", "chart.svg", "notes.txt", "victim.dat"])
    #expect(OutputSet.Failure.notAFile(path: "/x/chart.svg", kind: "a symbolic link").description
      == "/x/chart.svg is a symbolic link, not a file: name a new path or a regular file to replace (nothing was written)")
  }

  /// A directory given as a scenario file: said so, not "cannot be read as UTF-8".
  @Test func scenarioThatIsADirectory() {
    let folder = Fixtures.url("simulation").path
    #expect {
      _ = try ScenarioLoader.load(path: folder)
    } throws: { error in
      guard let issue = (error as? ScenarioError)?.issues.first else { return false }
      return issue.kind == .unreadableFile && issue.found == "a directory"
    }
  }
}
