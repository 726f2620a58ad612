import Foundation
import Testing

@testable import Forecast

/// Fuzzing at and past the input limits (docs/reliability.md, "Bounded input"): inputs that nest
/// thousands deep, chain thousands of operators, write keys of thousands of parts, or tables of
/// thousands of columns over blank lines. Each is accepted or refused with the domain's typed
/// error, in under `FuzzRun.caseTimeLimit`, and its message carries no raw control character.
@Suite struct FuzzLimitTests {
  /// Whether a message could drive a terminal: a control character other than a line end or
  /// a tab, or a bidirectional override.
  static func isUnsafe(_ message: String) -> Bool {
    message.unicodeScalars.contains { Wording.needsEscape($0, true) }
  }

  @Test func formulaAcrossLimits() {
    let run = FuzzRun(defaultIterations: 400)
    let seeds = FuzzSeeds.formulas.map { Array($0.utf8) }
    let table = FuzzSeeds.table
    run.forEachCase(target: "formula-limits", maximumLength: 8_192) { mutator, label in
      let input = mutator.mutateAcrossLimits(
        mutator.pick(seeds), partner: mutator.pick(seeds), tokens: Mutator.formulaLimitTokens,
        longestRun: 2_000)
      run.show(input)
      do throws(FormulaError) {
        let formula = try Formula(parsing: String(decoding: input, as: UTF8.self))
        let frame = try formula.modelFrame(on: table)
        #expect(frame.design.rows == frame.response.count, label)
      } catch {
        #expect(!error.description.isEmpty && !Self.isUnsafe(error.description), label)
      }
    }
  }

  @Test func scenarioAcrossLimits() throws {
    let run = FuzzRun(defaultIterations: 200)
    let process = ProcessInfo.processInfo.processIdentifier
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-fuzz-limits-\(process)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: Fixtures.url("scenarios"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let seeds = try FuzzSeeds.scenarioFiles.map {
      (url: folder.appendingPathComponent($0), bytes: Array(try Data(contentsOf: Fixtures.url("scenarios/" + $0))))
    }
    try run.forEachCase(target: "scenario-limits", maximumLength: 49_152) { mutator, label in
      let scenario = mutator.pick(seeds)
      let input = mutator.mutateAcrossLimits(
        scenario.bytes, partner: mutator.pick(seeds).bytes, tokens: Mutator.tomlLimitTokens,
        longestRun: 20_000)
      run.show(input)
      try Data(input).write(to: scenario.url)
      defer { try? Data(scenario.bytes).write(to: scenario.url) }
      do throws(ScenarioError) {
        _ = try ScenarioLoader.load(path: scenario.url.path)
      } catch {
        #expect(!error.issues.isEmpty && !Self.isUnsafe(error.description), label)
      }
    }
  }

  @Test func csvAcrossLimits() {
    let run = FuzzRun(defaultIterations: 150)
    let seeds = FuzzSeeds.csvFiles
    run.forEachCase(target: "csv-limits", maximumLength: 300_000) { mutator, label in
      // One case in two starts with a header of up to 12,000 columns (the limit is 10,000).
      var seed = mutator.pick(seeds)
      if mutator.below(2) == 0 {
        seed = Mutator.wideHeader(1 + mutator.below(12_000)) + [UInt8(ascii: "\n")] + seed
      }
      let input = mutator.mutateAcrossLimits(
        seed, partner: mutator.pick(seeds), tokens: Mutator.csvLimitTokens, longestRun: 60_000)
      run.show(input)
      do throws(CSVError) {
        let table = try CSVReader.parse(input, source: "fuzz.csv")
        #expect(table.names.count <= CSVReader.maximumColumns, label)
      } catch {
        #expect(!error.description.isEmpty && !Self.isUnsafe(error.description), label)
      }
    }
  }
}
