import Foundation
import Testing

/// `simulate run | validate | targets | resolve` as real binaries.
@Suite struct ScenarioCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let shocked = Simulate.fixture("simulation/shocked.toml")

  func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)")
  }

  @Test func runPrintsTablesWithTitles() throws {
    let result = try Simulate.run(["run", Self.steady, "--tables", "balance"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("steady: balance"))
    #expect(result.stdout.contains("2021") && !result.stdout.contains("2,021"))
  }

  @Test func runWritesEveryTableToAFolder() throws {
    let folder = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Simulate.run(["run", Self.steady, "--format", "csv", "--out", folder.path])
    #expect(result.status == 0 && result.stdout.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["balance.csv", "demand.csv", "matching.csv", "metadata.json", "supply.csv"])
    let balance = try String(contentsOf: folder.appendingPathComponent("balance.csv"), encoding: .utf8)
    #expect(balance.hasPrefix("year,graduates,new_supply,capacity,placed,unplaced,vacancies,coverage\n2021,720,720,"))
    let metadata = try String(contentsOf: folder.appendingPathComponent("metadata.json"), encoding: .utf8)
    let object = try JSONSerialization.jsonObject(with: Data(metadata.utf8)) as? [String: Any]
    #expect(object?["scenario"] as? String == "steady")
    let data = object?["data_files"] as? [[String: Any]] ?? []
    #expect((data.first?["sha256"] as? String)?.count == 64)
  }

  @Test func jsonHasMetadataAndTables() throws {
    let result = try Simulate.run(["run", Self.shocked, "--format", "json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let metadata = object?["metadata"] as? [String: Any]
    let files = metadata?["scenario_files"] as? [[String: Any]] ?? []
    #expect(files.count == 2)  // shocked.toml and the steady.toml it extends
    #expect(metadata?["blas_kernel"] is String && metadata?["tool_version"] is String)
    let tables = object?["tables"] as? [String: Any]
    #expect(Set(tables?.keys.map { $0 } ?? []) == ["supply", "demand", "balance", "matching"])
  }

  @Test func csvToStandardOutputNeedsOneTable() throws {
    let result = try Simulate.run(["run", Self.steady, "--format", "csv"])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("--tables") && result.stderr.contains("--out"))
  }

  @Test func failedRunWritesNothing() throws {
    let folder = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = Simulate.fixture("simulation/negative-capacity.toml")
    let result = try Simulate.run(["run", bad, "--format", "csv", "--out", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("studio") && result.stderr.contains("2024"))
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func badScenarioExitsTwoWithEveryProblem() throws {
    let folder = temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bad.toml")
    try """
      extends = "\(Self.steady)"
      [scenario]
      name = "bad"
      horizn = 3
      [[shocks]]
      target = "sectors.lab.grwth"
      op = "scale"
      value = 2
      from = 2021
      """.write(to: file, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out").path
    for arguments in [["run", file.path, "--out", out], ["validate", file.path]] {
      let command = arguments[0]
      let result = try Simulate.run(arguments)
      #expect(result.status == 2 && result.stdout.isEmpty, "\(command)")
      #expect(result.stderr.contains("horizon"), "\(command): \(result.stderr)")
      #expect(result.stderr.contains("sectors.lab.growth"), "\(command): \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func validateTargetsResolve() throws {
    let validate = try Simulate.run(["validate", Self.shocked])
    #expect(validate.status == 0 && validate.stdout.contains("valid"))
    let targets = try Simulate.run(["targets", Self.steady, "--names"])
    #expect(targets.status == 0)
    #expect(targets.stdout.contains("sectors.lab.growth\n"))
    #expect(targets.stdout.contains("sectors.studio.capacity\n"))
    #expect(!targets.stdout.contains("sectors.studio.growth"))
    let table = try Simulate.run(["targets", Self.steady, "--format", "csv"])
    #expect(table.status == 0)
    #expect(table.stdout.hasPrefix("target,value,unit,domain\n"))
    #expect(table.stdout.contains("\nsectors.lab.growth,0.1,rate,\"[-1, inf)\"\n"), "\(table.stdout)")
    let resolved = try Simulate.run(["resolve", Self.shocked])
    #expect(resolved.status == 0)
    #expect(resolved.stdout.contains("name = \"shocked\"") && !resolved.stdout.contains("extends"))
  }

  /// A data year of 1e300 crashed `Int(year)`; now every command that reads it exits 2 with
  /// the file, line and column.
  @Test func corruptDataYearExitsTwoWithItsLine() throws {
    let folder = temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = Simulate.fixture("simulation/bad-years/huge-year.csv")
    let file = folder.appendingPathComponent("s.toml")
    try """
      extends = "\(Self.steady)"
      [scenario]
      name = "s"
      [data.intake]
      file = "\(data)"
      column = "intake"
      """.write(to: file, atomically: true, encoding: .utf8)
    for command in ["run", "validate", "check"] {
      let result = try Simulate.run([command, file.path])
      #expect(result.status == 2 && result.stdout.isEmpty, "\(command)")
      #expect(result.stderr.contains("\(data):4:1") && result.stderr.contains("1e+300"), "\(command): \(result.stderr)")
    }
  }

  /// An [[expect]] on a cell that is always empty passed `validate` and failed `check` with
  /// exit 1; both now report it as bad input with its key path.
  @Test func expectationOnAnEmptyCellIsBadInput() throws {
    let folder = temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.toml")
    try """
      extends = "\(Self.steady)"
      [scenario]
      name = "s"
      [[expect]]
      table = "demand"
      key = "studio"
      column = "openings"
      year = 2022
      value = 0
      """.write(to: file, atomically: true, encoding: .utf8)
    for command in ["validate", "check"] {
      let result = try Simulate.run([command, file.path])
      #expect(result.status == 2 && result.stdout.isEmpty, "\(command)")
      #expect(result.stderr.contains("expect[0].column"), "\(command): \(result.stderr)")
    }
  }

  /// Empty table names, an --out that is a file, a directory given as the scenario: each a
  /// clear usage error (exit 2) and nothing on standard output.
  @Test func badPathsAndListsAreNamed() throws {
    let file = temporaryDirectory().path
    try "x".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let cases: [([String], String)] = [
      (["run", Self.steady, "--tables", ""], "--tables: expected comma-separated table names (supply, demand, balance, matching, fan, fit), found nothing"),
      (["run", Self.steady, "--tables", "supply,,demand"], "found an empty name in 'supply,,demand'"),
      (["run", Self.steady, "--out", file], "--out must be a directory; \(file) is a file"),
      (["snapshot", Self.steady, "--dir", file], "--dir must be a directory; \(file) is a file"),
      (["check", Self.steady, "--snapshots", file], "--snapshots must be a directory; \(file) is a file"),
      (["validate", Simulate.fixture("simulation")], "expected a scenario file (TOML), found a directory"),
    ]
    for (arguments, message) in cases {
      let result = try Simulate.run(arguments)
      #expect(result.status == 2 && result.stdout.isEmpty, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
  }
}
