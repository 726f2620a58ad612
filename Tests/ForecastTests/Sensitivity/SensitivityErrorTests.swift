import Testing

@testable import Forecast

/// An input or setting that must be rejected, the error and words of its message.
struct SensitivityErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let make: @Sendable () throws(SensitivityError) -> Void
  let error: SensitivityError
  let message: [String]
  var testDescription: String { name }

  static func input(
    _ distribution: InputDistribution, domain: ClosedRange<Double>? = nil
  ) -> @Sendable () throws(SensitivityError) -> Void {
    { () throws(SensitivityError) in
      _ = try SensitivityInput(name: "growth", distribution: distribution, domain: domain)
    }
  }

  static let unit: @Sendable () throws(SensitivityError) -> [SensitivityInput] = {
    () throws(SensitivityError) in
    [try SensitivityInput(name: "x", distribution: .uniform(lower: 0, upper: 1))]
  }

  static let all: [SensitivityErrorCase] = [
    .init(
      name: "uniform range empty", make: input(.uniform(lower: 2, upper: 1)),
      error: .emptyRange(input: "growth", lower: 2, upper: 1), message: ["growth", "[2.0, 1.0]"]),
    .init(
      name: "triangular range empty", make: input(.triangular(lower: 1, mode: 1, upper: 1)),
      error: .emptyRange(input: "growth", lower: 1, upper: 1), message: ["growth", "empty"]),
    .init(
      name: "triangular mode outside", make: input(.triangular(lower: 0, mode: 2, upper: 1)),
      error: .modeOutsideRange(input: "growth", mode: 2, lower: 0, upper: 1),
      message: ["growth", "mode 2.0", "[0.0, 1.0]"]),
    .init(
      name: "normal sd zero", make: input(.normal(mean: 0, standardDeviation: 0)),
      error: .nonPositiveStandardDeviation(input: "growth", value: 0),
      message: ["growth", "standard deviation", "positive"]),
    .init(
      name: "infinite mean", make: input(.normal(mean: .infinity, standardDeviation: 1)),
      error: .nonFiniteParameter(input: "growth", parameter: "the mean", value: .infinity),
      message: ["growth", "the mean", "finite"]),
    .init(
      name: "domain a point", make: input(.normal(mean: 0, standardDeviation: 1), domain: 1...1),
      error: .emptyDomain(input: "growth", lower: 1, upper: 1), message: ["growth", "domain"]),
    .init(
      name: "domain without probability",
      make: input(.uniform(lower: 0, upper: 1), domain: 2...3),
      error: .domainWithoutProbability(input: "growth", lower: 2, upper: 3),
      message: ["growth", "no probability", "[2.0, 3.0]"]),
    .init(
      name: "domain beyond a normal's reach",
      make: input(.normal(mean: 0, standardDeviation: 1), domain: 40...50),
      error: .domainWithoutProbability(input: "growth", lower: 40, upper: 50),
      message: ["growth", "truncated"]),
    .init(
      name: "N not a power of two",
      make: { () throws(SensitivityError) in
        _ = try SaltelliDesign(inputs: unit(), baseSamples: 1000)
      },
      error: .baseSamplesNotPowerOfTwo(1000), message: ["1000", "power of two", "1024"]),
    .init(
      name: "negative skip",
      make: { () throws(SensitivityError) in _ = try SaltelliDesign(inputs: unit(), skip: -1) },
      error: .negativeSkip(-1), message: ["-1", "0 or more"]),
    .init(
      name: "odd Morris levels",
      make: { () throws(SensitivityError) in
        _ = try MorrisDesign(inputs: unit(), levels: 5, seed: 1)
      },
      error: .invalidLevels(5), message: ["5 levels", "even"]),
    .init(
      name: "one Morris trajectory",
      make: { () throws(SensitivityError) in
        _ = try MorrisDesign(inputs: unit(), trajectories: 1, seed: 1)
      },
      error: .tooFewTrajectories(1), message: ["1 Morris trajectories", "at least 2"]),
    .init(
      name: "one resample",
      make: { () throws(SensitivityError) in _ = try Bootstrap(resamples: 1) },
      error: .tooFewResamples(1), message: ["1 bootstrap", "at least 2"]),
    .init(
      name: "level 1",
      make: { () throws(SensitivityError) in _ = try Bootstrap(level: 1) },
      error: .invalidConfidenceLevel(1), message: ["1.0", "between 0 and 1"]),
  ]
}

extension SensitivityTests {
  @Suite struct SensitivityErrorTests {
    @Test(arguments: SensitivityErrorCase.all)
    func rejected(_ c: SensitivityErrorCase) {
      #expect(throws: c.error) { try c.make() }
      for word in c.message {
        #expect("\(c.error)".contains(word), "\"\(c.error)\" lacks \"\(word)\"")
      }
    }

    @Test func infiniteDesignValueExplainsTheFix() {
      let message = "\(SensitivityError.infiniteDesignValue(input: "rate", run: 0, quantile: 0))"
      #expect(message.contains("'rate'") && message.contains("-inf") && message.contains("domain"))
    }
  }
}
