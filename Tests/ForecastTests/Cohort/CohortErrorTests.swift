import Testing

@testable import Forecast

/// A change to the two-track system that must be rejected, the error and words of its message.
struct CohortErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let startYear: Int
  let change: @Sendable (inout CohortSystem) -> Void
  let error: CohortError
  let message: [String]
  var testDescription: String { name }

  static let all: [CohortErrorCase] = [
    .init(
      name: "observed intake missing", startYear: 2019,
      change: { $0.tracks[1].observedIntakes[2020] = nil },
      error: .missingIntake(track: "master", year: 2020), message: ["master", "2020"]),
    .init(
      name: "exogenous intake missing", startYear: 2019,
      change: { $0.tracks[0].projectedIntake = .exogenous([2021: 1, 2023: 1]) },
      error: .missingIntake(track: "bachelor", year: 2022), message: ["bachelor", "2022"]),
    .init(
      name: "start too late", startYear: 2020, change: { _ in },
      error: .startTooLate(track: "bachelor", start: 2020, latestStart: 2019),
      message: ["bachelor", "2019"]),
    .init(
      name: "start before first year", startYear: 2018, change: { _ in },
      error: .startBeforeFirstYear(track: "bachelor", start: 2018, firstYear: 2019),
      message: ["bachelor", "2018", "2019"]),
    .init(
      name: "completion missing", startYear: 2019,
      change: { $0.tracks[1].completion[2022] = nil },
      error: .missingRate(track: "master", parameter: .completion, year: 2022),
      message: ["master", "completion", "2022"]),
    .init(
      name: "continuation share missing", startYear: 2019,
      change: { $0.tracks[1].projectedIntake = .continuation(source: 0, share: [2021: 0.2]) },
      error: .missingRate(track: "master", parameter: .continuationShare, year: 2022),
      message: ["master", "continuation share", "2022"]),
    .init(
      name: "too few progression rates", startYear: 2019,
      change: { $0.tracks[0].progression[2021] = [] },
      error: .progressionCount(track: "bachelor", year: 2021, expected: 1, found: 0),
      message: ["bachelor", "2021"]),
    .init(
      name: "continuation above 1", startYear: 2019,
      change: {
        $0.tracks[1].projectedIntake = .continuation(
          source: 0, share: [2021: 0.5, 2022: 1.25, 2023: 0.5])
      },
      error: .continuationExceedsOne(track: "bachelor", year: 2022, total: 1.25),
      message: ["bachelor", "2022", "1.25"]),
    .init(
      name: "field shares sum", startYear: 2019,
      change: { $0.tracks[0].fieldShares[1].share = 0.3 },
      error: .fieldSharesSum(track: "bachelor", sum: 0.8999999999999999),
      message: ["bachelor", "not 1"]),
    .init(
      name: "negative field share", startYear: 2019,
      change: {
        $0.tracks[0].fieldShares = [
          .init(field: "engineering", share: 1.5), .init(field: "arts", share: -0.5),
        ]
      },
      error: .negativeFieldShare(track: "bachelor", field: "arts", share: -0.5),
      message: ["bachelor", "arts"]),
    .init(
      name: "continuation cycle", startYear: 2019,
      change: {
        $0.tracks[0].projectedIntake = .continuation(
          source: 1, share: [2021: 0.1, 2022: 0.1, 2023: 0.1])
      },
      error: .continuationCycle(tracks: ["master", "bachelor"]),
      message: ["master → bachelor → master"]),
    .init(
      name: "zero duration", startYear: 2019, change: { $0.tracks[1].duration = 0 },
      error: .invalidDuration(track: "master", duration: 0), message: ["master", "0"]),
  ]
}

@Suite struct CohortErrorTests {
  @Test(arguments: CohortErrorCase.all)
  func rejected(_ c: CohortErrorCase) {
    var system = TwoTrack.system
    c.change(&system)
    #expect(throws: c.error) { try CohortEngine(system: system, startYear: c.startYear) }
    for word in c.message {
      #expect("\(c.error)".contains(word), "\"\(c.error)\" lacks \"\(word)\"")
    }
  }

  // Shares summing to 1 up to rounding are accepted (the 1e-9 allowance).
  @Test func roundedSharesAccepted() throws {
    var system = TwoTrack.system
    system.tracks[0].fieldShares = [
      .init(field: "a", share: 0.1), .init(field: "b", share: 0.2), .init(field: "c", share: 0.7),
    ]
    _ = try CohortEngine(system: system, startYear: 2019)
  }
}
