import Testing

@testable import Forecast

/// `Scenario.targetTable`: every shock target with its value as given, unit and domain.
@Suite struct TargetTableTests {
  @Test func valuesUnitsAndDomains() throws {
    let scenario = try ScenarioLoader.load(path: Fixtures.url("simulation/steady.toml").path)
    let table = scenario.targetTable
    #expect(table.columns.map(\.name) == ["target", "value", "unit", "domain"])
    #expect(table.rows.count == scenario.validTargets.count)
    func row(_ path: String) -> [String]? {
      table.rows.first { $0[0] == .text(path) }?.map {
        if case .text(let s) = $0 { return s }
        return ""
      }
    }
    #expect(row("sectors.lab.growth") == ["sectors.lab.growth", "0.1", "rate", "[-1, inf)"])
    #expect(row("sectors.studio.capacity")?[2] == "persons")
    #expect(row("sectors.studio.capacity")?[3] == "[0, inf)")
    #expect(row("tracks.college.completion")?[2] == "ratio")
  }
}
