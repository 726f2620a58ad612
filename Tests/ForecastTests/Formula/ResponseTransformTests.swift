import Foundation
import Testing

@testable import Forecast

/// A value on the model's scale and its back-transform.
struct BackTransformCase: CustomTestStringConvertible, Sendable {
  let name: String
  let transform: ResponseTransform
  let value: Double
  let original: Double
  var testDescription: String { name }

  static let all: [BackTransformCase] = [
    BackTransformCase(name: "none is the identity", transform: .none, value: -2.5, original: -2.5),
    BackTransformCase(name: "log → exp", transform: .log, value: log(20), original: 20),
    BackTransformCase(
      name: "logit → inv_logit", transform: .logit, value: log(0.25 / 0.75), original: 0.25),
    BackTransformCase(name: "logit of 0 is a half", transform: .logit, value: 0, original: 0.5),
    BackTransformCase(
      name: "inv_logit does not overflow", transform: .logit, value: -800, original: 0),
    BackTransformCase(name: "inv_logit saturates at 1", transform: .logit, value: 800, original: 1),
    BackTransformCase(name: "sqrt → square", transform: .sqrt, value: 3, original: 9),
    BackTransformCase(
      name: "sqrt → square of a negative", transform: .sqrt, value: -3, original: 9),
  ]
}

@Test(arguments: BackTransformCase.all)
func backTransform(_ c: BackTransformCase) {
  let result = c.transform.backTransform(c.value)
  #expect(abs(result - c.original) <= 1e-12 * max(1, abs(c.original)))
}

@Test(arguments: ResponseTransform.allCases)
func backTransformUndoesApply(_ transform: ResponseTransform) {
  for value in [0.1, 0.5, 0.9] {
    #expect(abs(transform.backTransform(transform.apply(value)) - value) < 1e-12)
  }
}

@Test(arguments: [
  ("log(y) ~ x", ResponseTransform.log), ("logit(p) ~ x", .logit), ("sqrt(y) ~ x", .sqrt),
  ("y ~ x", .none), ("exp(y) ~ x", .none), ("I(log(y)) ~ x", .none), ("(log(y)) ~ x", .log),
])
func transformComesFromTheOuterFunction(_ formula: String, _ expected: ResponseTransform) throws {
  #expect(try Formula(parsing: formula).transform == expected)
}
