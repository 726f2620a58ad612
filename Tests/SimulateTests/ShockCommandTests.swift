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

  /// `--alt` is the base with its shocks: the same rows as the file holding them, under NAME.
  @Test func compareAltMatchesTheFileAlternative() throws {
    let alt = try Simulate.run([
      "compare", Self.steady, "--alt", "more: --shock drivers.flat scale 1.1 2021",
      "--metrics", "graduates,placed", "--format", "csv",
    ])
    let file = try Simulate.run([
      "compare", Self.steady, Self.intake, "--metrics", "graduates,placed", "--format", "csv",
    ])
    #expect(alt.status == 0, "\(alt.stderr)")
    #expect(alt.stdout == file.stdout.replacingOccurrences(of: ",steady-intake,", with: ",more,"))
    #expect(alt.stdout.contains("2023,graduates,more,792,720,72,10\n"))
    // Two --alt, `;` between lines, after a file alternative.
    let two = try Simulate.run([
      "compare", Self.steady, Self.intake, "--alt", "less: drivers.flat scale 0.9 2021",
      "--alt", "none: drivers.flat scale 0.5 2021; drivers.flat set 1000 2021",
      "--metrics", "graduates", "--format", "csv",
    ])
    #expect(two.status == 0, "\(two.stderr)")
    let rows2023 = two.stdout.split(separator: "\n").filter { $0.hasPrefix("2023,") }
    #expect(
      rows2023 == [
        "2023,graduates,steady-intake,792,720,72,10", "2023,graduates,less,648,720,-72,-10",
        "2023,graduates,none,720,720,0,0",
      ])
  }

  @Test func compareAltBadInput() throws {
    let cases: [(String, [String])] = [
      ("more --shock drivers.flat set 1", ["--alt \"more --shock drivers.flat set 1\"", "found no colon"]),
      ("Big One: drivers.flat set 1", ["NAME a scenario name", "found the name \"Big One\""]),
      ("more:", ["found no shocks"]),
      ("more: --shock drivers.flt set 1", ["--shock \"drivers.flt set 1\"", "\"drivers.flat\""]),
    ]
    for (alt, words) in cases {
      expectBadInput(try Simulate.run(["compare", Self.steady, "--alt", alt]), mentioning: words, alt)
    }
    // A base alone is a usage error.
    let alone = try Simulate.run(["compare", Self.steady])
    #expect(alone.status == 2 && alone.stderr.contains("--alt"))
  }

  /// `scale` over one year moves only that cohort: ×0.9 of the 2021 intake is 72 fewer
  /// graduates in 2023 than the unswept 720, and none in the other years.
  @Test func sweepOpAndSpan() throws {
    let result = try Simulate.run([
      "sweep", Self.steady, "--set", "drivers.flat=0.9,1.1", "--op", "scale", "--from", "2021",
      "--to", "2021", "--metrics", "graduates", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "drivers.flat,year,metric,value,base_value,difference")
    #expect(
      Array(lines[1...5]) == [
        "0.9,2021,graduates,720,720,0", "0.9,2022,graduates,720,720,0",
        "0.9,2023,graduates,648,720,-72", "0.9,2024,graduates,720,720,0",
        "0.9,2025,graduates,720,720,0",
      ])
    #expect(lines[8] == "1.1,2023,graduates,792,720,72")
    // The unswept scenario includes --shock: halving completion halves base_value.
    let shocked = try Simulate.run([
      "sweep", Self.steady, "--set", "drivers.flat=1000", "--metrics", "graduates",
      "--shock", "tracks.college.completion scale 0.5", "--format", "csv",
    ])
    #expect(shocked.stdout.split(separator: "\n")[5] == "1000,2025,graduates,360,360,0")
    expectBadInput(
      try Simulate.run(["sweep", Self.steady, "--set", "drivers.flat=1", "--op", "sclae"]),
      mentioning: ["--op", "'sclae'", "scale"])
    expectBadInput(
      try Simulate.run([
        "sweep", Self.steady, "--set", "drivers.flat=1", "--from", "2024", "--to", "2022",
      ]), mentioning: ["--to", "--from 2024", "2022"])
  }

  /// Every other command that runs a scenario takes --shock: its effect shows in the output,
  /// and a bad line exits 2.
  @Test func theOtherCommandsApplyTheShocks() throws {
    let halve = "tracks.college.completion scale 0.5"
    let tornado = try Simulate.run([
      "tornado", Self.steady, "--metric", "graduates", "--year", "2025", "--format", "csv",
      "--shock", halve,
    ])
    #expect(tornado.status == 0, "\(tornado.stderr)")
    #expect(tornado.stdout.split(separator: "\n")[1] == "1,drivers.flat,x0.9 .. x1.1,324,396,360,72,")
    // expectations.toml expects 720 graduates in 2022: halved, that expectation fails.
    let check = try Simulate.run([
      "check", Simulate.fixture("simulation/expectations.toml"), "--format", "csv", "--shock", halve,
    ])
    #expect(check.status == 1)
    #expect(check.stdout.contains("balance,,2022,graduates,720,360,"))
    let linear = Simulate.fixture("simulation/linear.toml")
    let backtest = ["backtest", linear, "--origins", "2010...2012", "--horizon", "2", "--series", "graduates", "--format", "csv"]
    let plain = try Simulate.run(backtest)
    let shocked = try Simulate.run(backtest + ["--shock", halve + " 2000"])
    #expect(plain.status == 0 && shocked.status == 0)
    // The model's errors grow; the benchmarks, which do not run the scenario, stay.
    let model = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("1,model,") } }
    let naive = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("1,naive,") } }
    #expect(model(plain.stdout) != model(shocked.stdout))
    #expect(naive(plain.stdout) == naive(shocked.stdout))
    let bad = "drivers.flat scale x"
    for arguments in [
      ["tornado", Self.steady, "--metric", "graduates", "--year", "2025"],
      ["sensitivity", Simulate.fixture("whatif/steady-uncertain.toml"), "--samples", "8"],
      ["check", Self.steady],
      ["backtest", linear, "--origins", "2015", "--series", "graduates"],
      ["compare", Self.steady, Self.intake],
    ] {
      let line = arguments[0] == "backtest" ? "drivers.trend scale x" : bad
      expectBadInput(
        try Simulate.run(arguments + ["--shock", line]),
        mentioning: ["--shock \"\(line)\"", "expected a finite number as the value"], arguments[0])
    }
  }
}
