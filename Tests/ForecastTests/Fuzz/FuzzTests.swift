import Foundation
import Testing

@testable import Forecast

/// Hostile input: mutated CSV files, formulas and scenarios either load or
/// are rejected with the domain's typed error and a message, never a crash or a hang.
///
/// The counts keep the suite under a minute in a debug build; `FORECAST_FUZZ_ITERATIONS` and
/// `FORECAST_FUZZ_SEED` make a long run (docs/fuzzing.md). A crash kills the test process, so
/// the case that caused it is named in `forecast-fuzz-<target>.last` in the temporary folder.
@Suite struct FuzzTests {
  /// CSV bytes: a table whose every column has `rowCount` cells, or a `CSVError`.
  @Test func csvBytes() {
    let run = FuzzRun(defaultIterations: 10_000)
    let seeds = FuzzSeeds.csvFiles
    run.forEachCase(target: "csv", maximumLength: 32_768) { mutator, label in
      let input = mutator.mutate(mutator.pick(seeds), partner: mutator.pick(seeds))
      run.show(input)
      do throws(CSVError) {
        let table = try CSVReader.parse(input, source: "fuzz.csv")
        #expect(Set(table.names).count == table.names.count, label)
        for column in table.columns {
          switch column {
          case .numeric(let values): #expect(values.count == table.rowCount, label)
          case .text(let values, let first):
            #expect(values.count == table.rowCount && values.indices.contains(first), label)
          }
        }
      } catch {
        #expect(!error.description.isEmpty, label)
      }
    }
  }

  /// Formula text, parsed and then evaluated over a 20-year table so that lag and diff run:
  /// a model frame of consistent shape, or a `FormulaError`.
  @Test func formulaText() {
    let run = FuzzRun(defaultIterations: 12_000)
    let seeds = FuzzSeeds.formulas.map { Array($0.utf8) }
    let table = FuzzSeeds.table
    run.forEachCase(target: "formula", maximumLength: 2048) { mutator, label in
      let input = mutator.mutate(mutator.pick(seeds), partner: mutator.pick(seeds))
      run.show(input)
      do throws(FormulaError) {
        let formula = try Formula(parsing: String(decoding: input, as: UTF8.self))
        let frame = try formula.modelFrame(on: table)
        #expect(frame.design.rows == frame.response.count, label)
        #expect(frame.design.rows == frame.rows.count, label)
        #expect(frame.design.columns == frame.termNames.count, label)
        #expect(frame.rows.count + frame.droppedForMissing + frame.droppedForDomain == 20, label)
      } catch {
        #expect(!error.description.isEmpty, label)
      }
    }
  }

  /// Scenario files, mutated in a copy of the fixture folder so that `extends` and data paths
  /// resolve; one case in three also mutates a data file the scenarios read. Each loads or
  /// throws a `ScenarioError` with at least one issue and a message.
  @Test func scenarioFiles() throws {
    let run = FuzzRun(defaultIterations: 5_000)
    let process = ProcessInfo.processInfo.processIdentifier
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-fuzz-scenarios-\(process)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: Fixtures.url("scenarios"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenarios = try FuzzSeeds.scenarioFiles.map { try seedFile($0, in: folder) }
    let data = try FuzzSeeds.scenarioDataFiles.map { try seedFile($0, in: folder) }
    let scenarioSeeds = scenarios.map(\.bytes)

    try run.forEachCase(target: "scenario", maximumLength: 16_384) { mutator, label in
      let scenario = mutator.pick(scenarios)
      let input = mutator.mutate(scenario.bytes, partner: mutator.pick(scenarioSeeds))
      run.show(input)
      var changed = [scenario]
      try Data(input).write(to: scenario.url)
      if mutator.below(3) == 0 {
        let file = mutator.pick(data)
        let csv = mutator.mutate(file.bytes, partner: mutator.pick(data).bytes)
        run.show(csv)
        try Data(csv).write(to: file.url)
        changed.append(file)
      }
      defer { for file in changed { try? Data(file.bytes).write(to: file.url) } }
      do throws(ScenarioError) {
        _ = try ScenarioLoader.load(path: scenario.url.path)
      } catch {
        #expect(!error.issues.isEmpty && !error.description.isEmpty, label)
      }
    }
  }

  /// A file of the copied fixture folder and its original bytes, restored after each case.
  private func seedFile(_ relative: String, in folder: URL) throws -> (url: URL, bytes: [UInt8]) {
    let url = folder.appendingPathComponent(relative)
    return (url, Array(try Data(contentsOf: url)))
  }
}
