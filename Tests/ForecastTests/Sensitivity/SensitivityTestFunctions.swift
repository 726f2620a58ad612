import Foundation

@testable import Forecast

/// Ishigami & Homma's function (1990) on [−π, π]³ and its analytic Sobol indices.
///
///     f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁
///     V₁ = bπ⁴/5 + b²π⁸/50 + ½,  V₂ = a²/8,  V₁₃ = 8b²π⁸/225,  V = V₁ + V₂ + V₁₃
///
/// a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437), S2₁₃ = 0.2437.
enum Ishigami {
  static let a = 7.0
  static let b = 0.1

  static func value(_ x: ArraySlice<Double>) -> Double {
    let x1 = x[x.startIndex]
    let x2 = x[x.startIndex + 1]
    let x3 = x[x.startIndex + 2]
    return sin(x1) + a * sin(x2) * sin(x2) + b * pow(x3, 4) * sin(x1)
  }

  static var inputs: [SensitivityInput] {
    get throws {
      try (1...3).map {
        try SensitivityInput(name: "x\($0)", distribution: .uniform(lower: -.pi, upper: .pi))
      }
    }
  }

  static let partialVariances: (v1: Double, v2: Double, v13: Double) = {
    let pi4 = pow(Double.pi, 4)
    let pi8 = pow(Double.pi, 8)
    return (b * pi4 / 5 + b * b * pi8 / 50 + 0.5, a * a / 8, 8 * b * b * pi8 / 225)
  }()

  static var variance: Double { partialVariances.v1 + partialVariances.v2 + partialVariances.v13 }

  static var firstOrder: [Double] {
    [partialVariances.v1 / variance, partialVariances.v2 / variance, 0]
  }

  static var totalOrder: [Double] {
    let v = partialVariances
    return [(v.v1 + v.v13) / variance, v.v2 / variance, v.v13 / variance]
  }

  /// S2 for the pairs (1,2), (1,3), (2,3).
  static var secondOrder: [Double] { [0, partialVariances.v13 / variance, 0] }
}

/// Sobol's G function on [0, 1]^k and its analytic indices (Saltelli & Sobol' 1995).
///
///     f(x) = ∏ (|4xᵢ − 2| + aᵢ) / (1 + aᵢ)
///     Vᵢ = 1 / (3 (1 + aᵢ)²),  V = ∏ (1 + Vᵢ) − 1
///     S1ᵢ = Vᵢ / V,  STᵢ = Vᵢ ∏_(j≠i) (1 + Vⱼ) / V
enum SobolG {
  static let coefficients = [0, 1, 4.5, 9, 99, 99, 99, 99]

  static func value(_ x: ArraySlice<Double>, coefficients a: [Double] = coefficients) -> Double {
    var product = 1.0
    for (i, xi) in x.enumerated() { product *= (abs(4 * xi - 2) + a[i]) / (1 + a[i]) }
    return product
  }

  static func inputs(_ k: Int) throws -> [SensitivityInput] {
    try (1...k).map {
      try SensitivityInput(name: "x\($0)", distribution: .uniform(lower: 0, upper: 1))
    }
  }

  static func partial(_ a: [Double]) -> [Double] { a.map { 1 / (3 * (1 + $0) * (1 + $0)) } }

  static func variance(_ a: [Double]) -> Double {
    partial(a).reduce(1) { $0 * (1 + $1) } - 1
  }

  static func firstOrder(_ a: [Double] = coefficients) -> [Double] {
    partial(a).map { $0 / variance(a) }
  }

  static func totalOrder(_ a: [Double] = coefficients) -> [Double] {
    let v = partial(a)
    return v.indices.map { i in
      v.indices.reduce(v[i]) { $1 == i ? $0 : $0 * (1 + v[$1]) } / variance(a)
    }
  }
}

/// The outputs of `model` on every run of `points`.
func evaluate(_ points: DesignPoints, _ model: (ArraySlice<Double>) -> Double) -> [Double] {
  (0..<points.rows).map { model(points.row($0)) }
}
