import Foundation
import Testing

/// `simulate run --paths`: the same bytes whatever OpenBLAS's thread count, and bad values of
/// the Monte Carlo options rejected with exit 2.
@Suite struct MonteCarloCommandTests {
  let scenario = Simulate.fixture("simulation/monte-carlo.toml")

  /// 40,000 paths run as three concurrent batches; OpenBLAS with one thread or two.
  @Test func sameBytesWhateverTheThreadCount() throws {
    var outputs: [String] = []
    for threads in ["1", "2"] {
      let result = try Simulate.run(
        ["run", scenario, "--paths", "40000", "--format", "csv", "--tables", "fan"],
        environment: ["OPENBLAS_NUM_THREADS": threads])
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(result.stdout)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].hasPrefix("year,metric,mean,q05,q25,q50,q75,q95\n"))
  }

  @Test func seedChangesTheDraws() throws {
    let a = try Simulate.run(["run", scenario, "--format", "csv", "--tables", "fan"])
    let b = try Simulate.run(["run", scenario, "--seed", "43", "--format", "csv", "--tables", "fan"])
    #expect(a.status == 0 && b.status == 0)
    #expect(a.stdout != b.stdout)
  }

  @Test(arguments: [["--paths", "0"], ["--paths", "2000000"], ["--paths", "many"]])
  func badPathsIsBadInput(arguments: [String]) throws {
    let result = try Simulate.run(["run", scenario] + arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("--paths"))
  }
}
