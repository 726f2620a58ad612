import Foundation
import Testing

/// `--shock` on the commands that run scenarios, as real binaries: stdout, stderr and the exit
/// status together.
@Suite struct ShockCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let intake = Simulate.fixture("whatif/steady-intake.toml")

  /// The scenario's name in the first and third lines is all that differs from the file
  /// that holds the same shock as a `[[shocks]]` table.
  static func body(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset != 0 && $0.offset != 2 }.map(\.element)
  }

  @Test func runWithAShockMatchesTheFileWithIt() throws {
    let shocked = try Simulate.run([
      "run", Self.steady, "--tables", "balance", "--shock", "drivers.flat scale 1.1 2021",
    ])
    let file = try Simulate.run(["run", Self.intake, "--tables", "balance"])
    #expect(shocked.status == 0, "\(shocked.stderr)")
    #expect(Self.body(shocked.stdout) == Self.body(file.stdout))
    let plain = try Simulate.run(["run", Self.steady, "--tables", "balance"])
    #expect(Self.body(plain.stdout) != Self.body(file.stdout))
  }

  @Test func runWritesTheShocksInTheMetadata() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Simulate.run([
      "run", Self.steady, "--tables", "balance", "--format", "csv", "--out", folder.path,
      "--shock", "drivers.flat scale 1.1 2021", "--shock", "sectors.lab.growth set 0.2 2022-2023",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("metadata.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let shocks = try #require(object["shocks"] as? [[String: Any]])
    #expect(shocks.map { $0["given"] as? String } == [
      "drivers.flat scale 1.1 2021", "sectors.lab.growth set 0.2 2022-2023",
    ])
    #expect(shocks[1]["to"] as? Int == 2023)
    #expect(shocks[0]["to"] is NSNull)
  }

  @Test func aBadShockExitsTwoNamingTheNearestTarget() throws {
    let result = try Simulate.run([
      "run", Self.steady, "--shock", "sectors.lab.grwth set 0.5 2022-2024",
    ])
    expectBadInput(
      result,
      mentioning: [
        "--shock \"sectors.lab.grwth set 0.5 2022-2024\"", "expected a target this scenario has",
        "`simulate targets SCENARIO`", "did you mean \"sectors.lab.growth\"",
      ])
  }

  @Test func aBadOpExitsTwo() throws {
    let result = try Simulate.run(["run", Self.steady, "--shock", "drivers.flat times 2"])
    expectBadInput(result, mentioning: ["expected an op set, scale or add", "found \"times\""])
  }
}
