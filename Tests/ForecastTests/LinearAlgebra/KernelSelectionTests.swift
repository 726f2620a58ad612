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

  /// What a re-execution sets: nothing for a program that needs neither a kernel nor fewer
  /// threads; one BLAS thread and the allocator's huge pages for a scenario command on a
  /// multi-threaded OpenBLAS; the user's own settings left alone.
  @Test func reexecutionVariables() {
    func variables(
      _ environment: [String: String], kernel: String = "Haswell", threads: Int = 2,
      single: Bool = true
    ) -> [String: String]? {
      KernelSelection.reexecutionVariables(
        environment: environment, cpuFlags: Self.avx512, currentKernel: kernel, threads: threads,
        singleThreaded: single)
    }
    #expect(
      variables([:]) == [
        "FORECAST_BLAS_REEXECUTED": "1", "OPENBLAS_NUM_THREADS": "1",
        "GLIBC_TUNABLES": KernelSelection.allocatorTunables,
      ])
    #expect(variables([:], single: false) == nil)
    #expect(variables([:], threads: 1) == nil)
    #expect(variables(["OPENBLAS_NUM_THREADS": "2"]) == nil)
    #expect(variables(["FORECAST_BLAS_REEXECUTED": "1"], kernel: "Prescott") == nil)
    #expect(variables(["GLIBC_TUNABLES": "glibc.malloc.arena_max=1"])?["GLIBC_TUNABLES"] == nil)
    #expect(
      variables([:], kernel: "Prescott", single: false) == [
        "FORECAST_BLAS_REEXECUTED": "1", "OPENBLAS_CORETYPE": "SkylakeX",
      ])
  }
}
