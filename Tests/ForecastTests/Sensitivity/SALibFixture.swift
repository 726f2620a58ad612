import Foundation

@testable import Forecast

/// `Fixtures/sensitivity/salib_reference.json` (made by `make_salib_reference.py`).
struct SALibFixture: Decodable {
  struct Input: Decodable {
    let name: String
    let distribution: String
    let parameters: [Double]
    let domain: [Double]?

    func make() throws -> SensitivityInput {
      let p = parameters
      let distribution: InputDistribution
      switch self.distribution {
      case "uniform": distribution = .uniform(lower: p[0], upper: p[1])
      case "triangular": distribution = .triangular(lower: p[0], mode: p[1], upper: p[2])
      case "normal": distribution = .normal(mean: p[0], standardDeviation: p[1])
      default: fatalError("unknown distribution \(self.distribution)")
      }
      return try SensitivityInput(
        name: name, distribution: distribution, domain: domain.map { $0[0]...$0[1] })
    }
  }

  struct SaltelliCase: Decodable, CustomStringConvertible {
    let name: String
    let inputs: [Input]
    let baseSamples: Int
    let secondOrder: Bool
    let skip: Int
    let points: [[Double]]
    var description: String { name }

    enum CodingKeys: String, CodingKey {
      case name, inputs, skip, points
      case baseSamples = "base_samples"
      case secondOrder = "second_order"
    }
  }

  struct SobolCase: Decodable, CustomStringConvertible {
    let name: String
    let inputs: [Input]
    let baseSamples: Int
    let secondOrder: Bool
    let outputs: [Double]
    let S1: [Double]
    let S1_conf: [Double]
    let ST: [Double]
    let ST_conf: [Double]
    let S2: [Double]?
    let S2_conf: [Double]?
    var description: String { name }

    enum CodingKeys: String, CodingKey {
      case name, inputs, outputs, S1, S1_conf, ST, ST_conf, S2, S2_conf
      case baseSamples = "base_samples"
      case secondOrder = "second_order"
    }
  }

  struct MorrisCase: Decodable, CustomStringConvertible {
    let name: String
    let inputs: [Input]
    let levels: Int
    let points: [[Double]]
    let outputs: [Double]
    let mu: [Double]
    let mu_star: [Double]
    let sigma: [Double]
    let mu_star_conf: [Double]
    var description: String { name }
  }

  let saltelliDesigns: [SaltelliCase]
  let sobolAnalyses: [SobolCase]
  let morrisAnalyses: [MorrisCase]

  enum CodingKeys: String, CodingKey {
    case saltelliDesigns = "saltelli_designs"
    case sobolAnalyses = "sobol_analyses"
    case morrisAnalyses = "morris_analyses"
  }

  static func load() throws -> SALibFixture {
    try JSONDecoder().decode(Self.self, from: Fixtures.data("sensitivity/salib_reference.json"))
  }
}
