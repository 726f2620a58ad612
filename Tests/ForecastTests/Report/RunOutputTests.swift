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
