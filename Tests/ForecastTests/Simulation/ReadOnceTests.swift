import Foundation
import Testing

@testable import Forecast

/// A run reads its data from the files the loader read, and its provenance is of those bytes:
/// a file changed or removed after loading changes neither the numbers nor the digests.
struct ReadOnceTests {
  @Test func aRunUsesTheLoadersReading() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("forecast-read-once-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenarioFile = folder.appendingPathComponent("linear.toml")
    let dataFile = folder.appendingPathComponent("data/linear.csv")
    try Fixtures.data("simulation/linear.toml").write(to: scenarioFile)
    try Fixtures.data("simulation/data/linear.csv").write(to: dataFile)

    let scenario = try ScenarioLoader.load(path: scenarioFile.path)
    let before = try Simulation(scenario: scenario).run()
    let digests = RunMetadata(projection: before)

    try FileManager.default.removeItem(at: dataFile)
    try Data("replaced".utf8).write(to: scenarioFile)
    let after = try Simulation(scenario: scenario).run()
    let afterDigests = RunMetadata(projection: after)

    #expect(after.table(.balance) == before.table(.balance))
    #expect(afterDigests.dataFiles == digests.dataFiles)
    #expect(afterDigests.scenarioFiles == digests.scenarioFiles)
    #expect(digests.dataFiles.map(\.path) == [dataFile.path])
    #expect(digests.dataFiles.allSatisfy { $0.sha256.count == 64 })
  }
}
