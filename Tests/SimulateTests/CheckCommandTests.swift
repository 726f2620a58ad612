import Foundation
import Testing

/// `simulate check` and `simulate snapshot` as real binaries: exit 0, 1 and 2.
@Suite struct CheckCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let expectations = Simulate.fixture("simulation/expectations.toml")

  @Test func failingExpectationExitsOneWithItsRow() throws {
    let result = try Simulate.run(["check", Self.expectations, "--format", "csv"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "check,scenario,table,key,year,column,expected,actual,tolerance,result")
    #expect(lines.contains("expect,expectations,supply,college,2023,enrolled,1800,1900,50,fail"))
    #expect(lines.contains { $0.hasPrefix("expect,expectations,balance,,2022,graduates,720,720,") && $0.hasSuffix(",pass") })
    #expect(result.stderr.contains("1 passed, 1 failed"))
  }

  @Test func snapshotThenCheckPassesThenCatchesAnEdit() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let record = try Simulate.run(["snapshot", Self.steady, "--dir", directory])
    #expect(record.status == 0)
    let clean = try Simulate.run(["check", "--snapshots", directory, Self.steady])
    #expect(clean.status == 0 && clean.stderr.contains("0 snapshot cells moved"))
    let file = directory + "/steady/demand.csv"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "2021,studio,,,100", with: "2021,studio,,,90")
      .write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)
    let junit = directory + "/report.xml"
    let moved = try Simulate.run(["check", "--snapshots", directory, Self.steady, "--junit", junit, "--format", "csv"])
    #expect(moved.status == 1)
    // Tolerance 1e-9 · 90 (the default rtol), then the result.
    #expect(moved.stdout.split(separator: "\n").contains {
      $0.hasPrefix("snapshot,steady,demand,studio,2021,capacity,90,100,9") && $0.hasSuffix("e-08,moved")
    })
    #expect(FileManager.default.fileExists(atPath: junit))
    let update = try Simulate.run(["check", "--snapshots", directory, Self.steady, "--update"])
    #expect(update.status == 0)
    let again = try Simulate.run(["check", "--snapshots", directory, Self.steady])
    #expect(again.status == 0)
  }

  /// Expectations and snapshot changes together: CSV is one table (one header, every row as
  /// wide), JSON one object; never two documents one after the other.
  @Test func oneDocumentPerFormat() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(try Simulate.run(["snapshot", Self.expectations, "--dir", directory]).status == 0)
    let file = directory + "/expectations/balance.csv"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\n2023,720,", with: "\n2023,700,").write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)

    let csv = try Simulate.run(["check", Self.expectations, "--snapshots", directory, "--format", "csv"])
    #expect(csv.status == 1)
    let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == 1 + 2 + 1)  // header, two expectations, one moved cell
    #expect(rows.allSatisfy { $0.count == 10 })
    #expect(rows.filter { $0.first == "check" }.count == 1)
    #expect(rows.last?.map(String.init) == [
      "snapshot", "expectations", "balance", "", "2023", "graduates", "700", "720", "\(1e-9 * 700)", "moved",
    ])

    let json = try Simulate.run(["check", Self.expectations, "--snapshots", directory, "--format", "json"])
    #expect(json.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["expectations"] as? [Any])?.count == 2)
    let snapshots = object?["snapshots"] as? [[String: Any]] ?? []
    #expect(snapshots.count == 1 && (snapshots.first?["changes"] as? [Any])?.count == 1)
    let summary = object?["summary"] as? [String: Int]
    #expect(summary == ["passed": 1, "failed": 1, "moved": 1, "only_in_snapshot": 0, "only_in_run": 0])
  }

  /// An empty year cell in a recorded table crashed `Int(NaN)`: now exit 2 with file:line:column.
  @Test func corruptedSnapshotIsBadInput() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(try Simulate.run(["snapshot", Self.steady, "--dir", directory]).status == 0)
    let file = directory + "/steady/balance.csv"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\n2022,", with: "\n,").write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)
    let result = try Simulate.run(["check", "--snapshots", directory, Self.steady])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("\(file):3:1: expected a whole year, found an empty cell"), "\(result.stderr)")
  }

  /// --rtol, --atol and --tolerance loosen or tighten the comparison; bad values, unknown
  /// columns and tolerances without --snapshots are usage errors.
  @Test func toleranceOptions() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(try Simulate.run(["snapshot", Self.steady, "--dir", directory]).status == 0)
    let file = directory + "/steady/balance.csv"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\n2023,720,", with: "\n2023,720.5,").write(toFile: file, atomically: true, encoding: .utf8)
    try resignSnapshotTable(file)
    let base = ["check", Self.steady, "--snapshots", directory]
    #expect(try Simulate.run(base).status == 1)
    #expect(try Simulate.run(base + ["--rtol", "1e-3"]).status == 0)
    #expect(try Simulate.run(base + ["--tolerance", "balance.graduates=1e-3"]).status == 0)
    #expect(try Simulate.run(base + ["--rtol", "1e-3", "--tolerance", "balance.graduates=0"]).status == 1)
    let typo = try Simulate.run(base + ["--tolerance", "balance.graduate=1e-3"])
    #expect(typo.status == 2 && typo.stderr.contains("did you mean 'balance.graduates'?"), "\(typo.stderr)")
    let negative = try Simulate.run(base + ["--atol=-1"])
    #expect(negative.status == 2 && negative.stderr.contains("--atol: expected a finite number ≥ 0"), "\(negative.stderr)")
    let alone = try Simulate.run(["check", Self.steady, "--rtol", "1e-3"])
    #expect(alone.status == 2 && alone.stderr.contains("add --snapshots DIR"), "\(alone.stderr)")
  }

  @Test func missingSnapshotIsBadInput() throws {
    let result = try Simulate.run(["check", "--snapshots", "/nonexistent-forecast", Self.steady])
    #expect(result.status == 2 && result.stderr.contains("no snapshot"))
  }
}

@Suite struct BacktestCommandTests {
  @Test func accuracyTableAsCSV() throws {
    let result = try Simulate.run([
      "backtest", Simulate.fixture("simulation/linear.toml"), "--origins", "2010...2012",
      "--horizon", "2", "--series", "graduates", "--format", "csv",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "step,method,n,mae,rmse,mape,mase")
    #expect(lines.count == 1 + 2 * 4)
    let naive = lines.first { $0.hasPrefix("2,naive,3,") }?.split(separator: ",")
    #expect(abs((naive.flatMap { Double($0[3]) } ?? 0) - 14.4) < 1e-9)
  }

  @Test func singleOriginAndBadOptions() throws {
    let linear = Simulate.fixture("simulation/linear.toml")
    let single = try Simulate.run(["backtest", linear, "--origins", "2015", "--series", "graduates", "--format", "csv"])
    #expect(single.status == 0 && single.stdout.hasPrefix("step,method,n,"))
    let metric = try Simulate.run(["backtest", linear, "--origins", "2015", "--series", "graduates", "--metric", "graduate"])
    #expect(metric.status == 2 && !metric.stderr.contains("calibrate:"))
    #expect(metric.stderr.contains("did you mean 'graduates'?"), "\(metric.stderr)")
    let series = try Simulate.run(["backtest", linear, "--origins", "2015", "--series", "grads"])
    #expect(series.status == 2 && !series.stderr.contains("file ?"))
    #expect(series.stderr.contains("\(linear): --series:") && series.stderr.contains("(intake, graduates)"), "\(series.stderr)")
    let horizon = try Simulate.run(["backtest", linear, "--origins", "2010...2012", "--series", "graduates", "--horizon", "1000000"])
    #expect(horizon.status == 2 && horizon.stderr.contains("--horizon: expected at most 20"), "\(horizon.stderr)")
  }

  @Test func badOriginsExitTwo() throws {
    let result = try Simulate.run([
      "backtest", Simulate.fixture("simulation/linear.toml"), "--origins", "2015...2010",
    ])
    #expect(result.status == 2 && result.stderr.contains("--origins"))
  }

  /// A rejected origin is listed with its reason and exits 0; --strict makes it exit 1.
  @Test func rejectedOriginIsReportedAndStrictFails() throws {
    let rejected = Simulate.fixture("simulation/backtest-rejected.toml")
    let arguments = ["backtest", rejected, "--origins", "2010...2015", "--horizon", "2", "--series", "graduates"]
    let text = try Simulate.run(arguments)
    #expect(text.status == 0)
    #expect(text.stdout.contains("backtest summary, mean over steps"))
    #expect(text.stdout.contains("backtest origins"))
    let rows = text.stdout.split(separator: "\n")
    #expect(rows.contains { $0.hasPrefix("  2012  rejected  left out of every method: calibrate:") }, "\(text.stdout)")
    #expect(text.stderr.contains("warning: \(rejected): origins 2012 rejected, 2013 rejected; rejected origins are left out of every method"), "\(text.stderr)")
    let strict = try Simulate.run(arguments + ["--strict"])
    #expect(strict.status == 1 && strict.stderr.contains("error: \(rejected): origins 2012 rejected"))
    let csv = try Simulate.run(arguments + ["--format", "csv"])
    #expect(csv.status == 0 && csv.stdout.hasPrefix("step,method,n,mae,"))
    #expect(csv.stderr.contains("warning: origin 2012 (rejected): left out of every method: calibrate:"), "\(csv.stderr)")
    let summary = try Simulate.run(arguments + ["--format", "csv", "--table", "summary"])
    #expect(summary.stdout.split(separator: "\n").first == "method,steps,n,mae,rmse,mape,mase")
    #expect(summary.stdout.split(separator: "\n").count == 1 + 4)
  }

  /// Implausible yields are scored, listed per origin with the calibration's warnings, and
  /// fail under --strict; a clean run under --strict exits 0.
  @Test func implausibleOriginIsReported() throws {
    let implausible = Simulate.fixture("simulation/backtest-implausible.toml")
    let arguments = ["backtest", implausible, "--origins", "2015...2019", "--horizon", "1", "--series", "graduates"]
    let origins = try Simulate.run(arguments + ["--table", "origins", "--format", "csv"])
    #expect(origins.status == 0)
    let lines = origins.stdout.split(separator: "\n")
    #expect(lines.first == "origin,status,note")
    #expect(lines.contains("2016,implausible,\"calibrated yield of track 'college' is 1.697, outside (0, 1.5]\""), "\(origins.stdout)")
    #expect(lines.contains { $0.hasPrefix("2016,implausible,") && $0.contains("outside (0, 1]") })
    #expect(lines.contains { $0.hasPrefix("2015,ok,") } && !lines.contains { $0.hasPrefix("2015,ok,calibrated yield") })
    let strict = try Simulate.run(arguments + ["--strict"])
    #expect(strict.status == 1 && strict.stderr.contains("2016 implausible, 2017 implausible, 2018 implausible"))
    let loose = try Simulate.run(arguments + ["--strict", "--max-yield", "2"])
    #expect(loose.status == 0, "\(loose.stderr)")
  }
}

/// Several scenarios: all run before anything is written, names that clash are bad input.
@Suite struct SnapshotAllOrNothingTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-\(UUID().uuidString)")

  func write(_ name: String, _ text: String) throws -> String {
    let file = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// The second scenario fails to run: the first one's snapshot is not written (snapshot),
  /// nor rewritten (check --update).
  @Test func failingScenarioWritesNoSnapshot() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let snapshots = folder.appendingPathComponent("snapshots").path
    let bad = Simulate.fixture("simulation/negative-capacity.toml")
    let record = try Simulate.run(["snapshot", CheckCommandTests.steady, bad, "--dir", snapshots])
    #expect(record.status == 2 && record.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: snapshots))

    #expect(try Simulate.run(["snapshot", CheckCommandTests.steady, "--dir", snapshots]).status == 0)
    let manifest = snapshots + "/steady/manifest.json"
    try "{}".write(toFile: manifest, atomically: true, encoding: .utf8)
    let update = try Simulate.run(["check", "--snapshots", snapshots, "--update", CheckCommandTests.steady, bad])
    #expect(update.status == 2)
    #expect(try String(contentsOfFile: manifest, encoding: .utf8) == "{}")
  }

  @Test func scenariosWithOneNameClash() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "extends = \"\(CheckCommandTests.steady)\"\n[scenario]\nname = \"twin\"\n"
    let a = try write("a/base.toml", text)
    let b = try write("b/base.toml", text)
    let snapshots = folder.appendingPathComponent("snapshots").path
    let result = try Simulate.run(["snapshot", a, b, "--dir", snapshots])
    #expect(result.status == 2)
    #expect(result.stderr.contains(a) && result.stderr.contains(b) && result.stderr.contains("'twin'"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: snapshots))
  }
}
