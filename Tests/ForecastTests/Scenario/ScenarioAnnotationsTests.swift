import Foundation
import Testing

@testable import Forecast

/// The comments a scenario file gives its values, as the report's assumptions show them:
/// beside a value, continued on indented lines under it, above it, or just after a table's
/// header; array elements named by their `name`; section rules dropped.
@Suite struct ScenarioAnnotationsTests {
  static let text = """
    # A title line
    #
    # Question: what if?

    [scenario]
    name = "x"          # the name
    base_year = 2025    # last observed year,
                        # MOE 2025 figures

    # ------------------------------------------ drivers
    [drivers.rate]
    # Fitted on 2021-2025: a trend.
    model = "y ~ year"
    # Window after the step.
    years = [2021,
             2025]      # inclusive

    [[sectors]]
    name = "ai_trainer"
    employment = 1600   # Xuhui: 1,600+ placed # with a hash

    [[sectors]]
    employment = 5      # unnamed
    """

  static func entry(_ a: ScenarioAnnotations, _ path: String) -> ScenarioAnnotations.Entry? {
    a.entries.first { $0.path == path }
  }

  @Test func commentsBesideUnderAndAbove() throws {
    let a = ScenarioAnnotations(text: Self.text, file: "x.toml")
    #expect(a.preamble == "A title line\n\nQuestion: what if?")
    #expect(Self.entry(a, "scenario.name")?.comment == "the name")
    let base = try #require(Self.entry(a, "scenario.base_year"))
    #expect(base.value == "2025" && base.comment == "last observed year, MOE 2025 figures" && base.line == 7)
    #expect(Self.entry(a, "drivers.rate")?.comment == "Fitted on 2021-2025: a trend.")
    #expect(Self.entry(a, "drivers.rate.model")?.comment == "")
    let years = try #require(Self.entry(a, "drivers.rate.years"))
    #expect(years.value == "[2021, 2025]" && years.comment == "Window after the step. inclusive")
    let employment = try #require(Self.entry(a, "sectors[ai_trainer].employment"))
    #expect(employment.value == "1600" && employment.comment == "Xuhui: 1,600+ placed # with a hash")
    #expect(Self.entry(a, "sectors[1].employment")?.comment == "unnamed")
    #expect(!a.entries.contains { $0.comment.contains("----") || $0.comment.contains("drivers") && $0.key.isEmpty && $0.table == "scenario" })
  }

  /// Every key the baseline sets is listed, with the source its comment gives.
  @Test func baselineSources() throws {
    let scenario = try ShippedCharts.scenario("china-baseline")
    let (files, changed) = ScenarioAnnotations.of(scenario)
    #expect(changed.isEmpty && files.count == 1)
    let a = try #require(files.first)
    #expect(a.preamble.hasPrefix("China: graduate supply"))
    #expect(Self.entry(a, "scenario.base_year")?.comment.contains("MOE/NBS 2025") == true)
    #expect(Self.entry(a, "sectors[ai_trainer].employment")?.comment.contains("lower bound of the national group") == true)
    #expect(Self.entry(a, "sectors[other_brands].employment")?.value == "60_000_000")
    #expect(Self.entry(a, "calibrate")?.comment.hasPrefix("The undergraduate yield, on the MOE expected graduates") == true)
    #expect(Self.entry(a, "tracks[postgraduate].calibrate")?.comment.contains("postgraduate graduates over PG intake") == true)
    #expect(Self.entry(a, "drivers.ug_rate")?.comment.hasPrefix("Regular HE intake per birth") == true)
    for sector in scenario.sectors {
      for key in ["employment", "growth", "replacement", "graduate_share", "eligibility"] {
        #expect(Self.entry(a, "sectors[\(sector.name)].\(key)") != nil, "\(sector.name).\(key)")
      }
    }
  }

  /// A file edited after the run is not shown as if the run had read it.
  @Test func aChangedFileIsLeftOut() throws {
    var scenario = try ShippedCharts.scenario("china-baseline")
    let path = try #require(scenario.files.first)
    scenario.digests[path] = FileDigest(path: path, sha256: String(repeating: "0", count: 64))
    let (files, changed) = ScenarioAnnotations.of(scenario)
    #expect(files.isEmpty && changed == [path])
  }
}
