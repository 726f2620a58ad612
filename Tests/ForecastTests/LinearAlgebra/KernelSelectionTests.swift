import Testing
@testable import Forecast

@Suite struct KernelSelectionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let flags: Set<String>
    let kernel: String
    let environment: [String: String]
    let expected: String?
    var testDescription: String { name }
  }

  static let avx512: Set<String> = ["avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]

  static let cases: [Case] = [
    Case(name: "Prescott fallback on AVX-512", flags: avx512, kernel: "Prescott", environment: [:], expected: "SkylakeX"),
    Case(name: "Prescott fallback on AVX2", flags: ["avx2", "fma"], kernel: "Prescott", environment: [:], expected: "Haswell"),
    Case(name: "recognised CPU left alone", flags: avx512, kernel: "Cooperlake", environment: [:], expected: nil),
    Case(name: "user's choice respected", flags: avx512, kernel: "Prescott", environment: ["OPENBLAS_CORETYPE": "Prescott"], expected: nil),
    Case(name: "never twice", flags: avx512, kernel: "Prescott", environment: ["FORECAST_BLAS_REEXECUTED": "1"], expected: nil),
    Case(name: "old CPU stays generic", flags: ["sse3"], kernel: "Prescott", environment: [:], expected: nil),
  ]

  @Test(arguments: cases)
  func recommendation(_ c: Case) {
    #expect(
      KernelSelection.recommendedKernel(
        cpuFlags: c.flags, currentKernel: c.kernel, environment: c.environment) == c.expected)
  }
}
