import Foundation
import Testing

/// `simulate compare | sweep | tornado | sensitivity` and `run --long | --format vega-lite` as real
/// binaries: stdout, stderr and the exit status together.
@Suite struct WhatIfCommandTests {
  static let steady = Simulate.fixture("simulation/steady.toml")
  static let intake = Simulate.fixture("whatif/steady-intake.toml")
  static let monteCarlo = Simulate.fixture("simulation/monte-carlo.toml")
  static let lab = Simulate.fixture("whatif/monte-carlo-lab.toml")

  @Test func compareWritesDifferences() throws {
    let result = try Simulate.run([
      "compare", Self.steady, Self.intake, "--metrics", "graduates", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "year,metric,scenario,mean,base_mean,difference,pct_difference")
    #expect(lines.count == 1 + 5)
    #expect(lines[3].hasPrefix("2023,graduates,steady-intake,792"))
  }

  @Test func compareNotesOverriddenSeedAndPaths() throws {
    let result = try Simulate.run(
      [
        "compare", Self.monteCarlo, Self.lab, "--paths", "30", "--metrics", "capacity", "--format",
        "csv",
      ])
    #expect(result.status == 0)
    // --paths applies to every scenario; the alternative's own seed (99) is overridden.
    #expect(
      result.stderr.contains("note: monte-carlo-lab runs with the base's seed 42 (its own: 99)"))
    #expect(!result.stderr.contains("paths (its own"))
    #expect(
      result.stdout.hasPrefix(
        "year,metric,scenario,mean,base_mean,difference,pct_difference,diff_q05,"))
  }

  @Test func compareLongHasTheTidyColumns() throws {
    let result = try Simulate.run([
      "compare", Self.steady, Self.intake, "--long", "--format", "tsv",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "scenario\tyear\ttable\tkey\tmetric\tstatistic\tvalue\tunit")
    #expect(lines.contains { $0.contains("\tpct_difference\t") && $0.hasSuffix("\tpercent") })
    #expect(lines.count == 1 + 5 * 7 * 4)
  }

  @Test func compareBadInput() throws {
    expectBadInput(
      try Simulate.run(["compare", Self.steady]), mentioning: ["alternative"], "one scenario")
    expectBadInput(
      try Simulate.run(["compare", Self.steady, Self.intake, "--metrics", "unplacd"]),
      mentioning: ["--metrics", "unplaced"], "metric")
    expectBadInput(
      try Simulate.run(["compare", Self.steady, "missing.toml"]), mentioning: ["missing.toml"],
      "file")
  }

  @Test func sweepWritesTheGrid() throws {
    let result = try Simulate.run([
      "sweep", Self.steady, "--set", "drivers.flat=900:1100:100", "--set",
      "sectors.studio.capacity=100,200",
      "--metrics", "unplaced", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(
      lines.first
        == "drivers.flat,sectors.studio.capacity,year,metric,value,base_value,difference")
    #expect(lines.count == 1 + 6 * 5)
    // The unswept scenario (flat 1000, studio 100) leaves 440 unplaced in 2021.
    #expect(lines[1] == "900,100,2021,unplaced,440,440,0")
    #expect(lines[6] == "900,200,2021,unplaced,340,440,-100")
    let long = try Simulate.run([
      "sweep", Self.steady, "--set", "drivers.flat=900,1100", "--metrics", "graduates", "--long",
      "--format", "csv",
    ])
    let longLines = long.stdout.split(separator: "\n")
    #expect(
      longLines.prefix(2) == [
        "scenario,year,table,key,metric,statistic,value,unit",
        "steady,2021,balance,total,graduates,mean,720,persons",
      ])
    // The unswept scenario's 5 years, then each point's mean and difference per year.
    #expect(longLines.count == 1 + 5 + 2 * 5 * 2)
    #expect(
      longLines[6...7] == [
        "steady[drivers.flat=900],2021,balance,total,graduates,mean,720,persons",
        "steady[drivers.flat=900],2021,balance,total,graduates,difference,0,persons",
      ])
  }

  @Test func sweepIsDeterministic() throws {
    let arguments = [
      "sweep", Self.monteCarlo, "--set", "sectors.lab.growth=0:0.2:0.1", "--paths", "40",
      "--format", "csv",
    ]
    let first = try Simulate.run(arguments)
    #expect(first.status == 0)
    #expect(try Simulate.run(arguments).stdout == first.stdout)
    #expect(
      first.stdout.hasPrefix(
        "sectors.lab.growth,year,metric,value,q05,q25,q50,q75,q95,base_value,difference\n"))
  }

  @Test func sweepBadInput() throws {
    let cases: [([String], [String])] = [
      ([], ["--set"]),
      (
        ["--set", "sectors.lab.grwth=0.1"],
        ["sectors.lab.grwth", "sectors.lab.growth", "simulate targets"]
      ),
      (["--set", "sectors.lab.growth"], ["TARGET=VALUES"]),
      (["--set", "sectors.lab.growth=0.1:0.2:0"], ["step"]),
      (["--set", "sectors.lab.growth=0.3:0.2:0.1"], ["empty"]),
      (["--set", "sectors.lab.growth=0.1,x"], ["'x'"]),
      (["--set", "sectors.lab.growth=0.1", "--set", "sectors.lab.growth=0.2"], ["twice"]),
      (
        ["--set", "sectors.lab.growth=0:1:0.00001", "--set", "drivers.flat=1:100:1"],
        ["limit of 100000"]
      ),
      (["--set", "sectors.lab.growth=0.1", "--metrics", "placd"], ["placed"]),
      (["--set", "sectors.lab.growth=0.1", "--paths", "0"], ["--paths"]),
      (
        ["--set", "sectors.lab.eligibility.science=0.5,1.2"],
        ["steady[sectors.lab.eligibility.science=1.2]", "outside [0, 1]"]
      ),
    ]
    for (extra, words) in cases {
      expectBadInput(
        try Simulate.run(["sweep", Self.steady] + extra), mentioning: words,
        extra.joined(separator: " "))
    }
  }

  @Test func tornadoRanksTargets() throws {
    let result = try Simulate.run([
      "tornado", Self.steady, "--metric", "unplaced", "--year", "2025", "--format", "csv",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "rank,target,range,low_value,high_value,base_value,swing,note")
    #expect(lines[1].hasPrefix("1,drivers.flat,x0.9 .. x1.1,386,494,440,108,"))
    #expect(lines[5].hasPrefix("5,sectors.lab.eligibility.science,x0.9 .. x1.1,458,440,440,18,"))
    #expect(lines[11] == ",sectors.studio.eligibility.science,x0.9 .. x1.1,440,440,440,0,cannot move unplaced")
    #expect(result.stderr.contains("note: 6 of 11 parameters cannot move unplaced in 2025"))
  }

  @Test func sensitivityWritesIndices() throws {
    let result = try Simulate.run([
      "sensitivity", Simulate.fixture("whatif/steady-uncertain.toml"), "--samples", "64",
      "--metrics", "unplaced", "--years", "2025", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "year,metric,index,input,other,estimate,conf,low,high")
    #expect(lines.count == 1 + 4)
    #expect(lines[1].hasPrefix("2025,unplaced,S1,tracks.college.completion,,0.8"))
    let morris = try Simulate.run([
      "sensitivity", Simulate.fixture("whatif/steady-uncertain.toml"), "--method", "morris",
      "--metrics", "unplaced", "--years", "2025", "--long", "--format", "csv",
    ])
    #expect(morris.status == 0, "\(morris.stderr)")
    #expect(morris.stdout.hasPrefix("scenario,year,table,key,metric,statistic,value,unit\n"))
    #expect(morris.stdout.contains("steady-uncertain,2025,sensitivity,tracks.college.completion,unplaced,mu_star,26"))
  }

  @Test func sensitivityBadInput() throws {
    let file = Simulate.fixture("whatif/steady-uncertain.toml")
    let cases: [([String], [String])] = [
      ([file, "--method", "sobel"], ["--method", "sobol or morris"]),
      ([file, "--samples", "100"], ["--samples", "power of two"]),
      ([file, "--years", "2030"], ["--years", "2021-2025"]),
      ([file, "--years", "soon"], ["--years", "2026-2030"]),
      ([file, "--metrics", "unplace"], ["unplaced"]),
      ([file, "--method", "morris", "--levels", "3"], ["--levels"]),
      ([Self.steady], ["[[uncertain]]"]),
    ]
    for (extra, words) in cases {
      expectBadInput(
        try Simulate.run(["sensitivity"] + extra), mentioning: words, extra.joined(separator: " "))
    }
  }

  @Test func tornadoBadInput() throws {
    let cases: [([String], [String])] = [
      (["--metric", "unplacd", "--year", "2025"], ["unplaced", "coverage"]),
      (["--metric", "unplaced", "--year", "2030"], ["2021-2025"]),
      (["--metric", "unplaced", "--year", "2025", "--delta", "10"], ["10%", "0.1"]),
      (["--year", "2025"], ["--metric"]),
    ]
    for (extra, words) in cases {
      expectBadInput(
        try Simulate.run(["tornado", Self.steady] + extra), mentioning: words,
        extra.joined(separator: " "))
    }
  }
}
