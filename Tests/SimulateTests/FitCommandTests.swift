import Foundation
import Testing

/// `simulate fit` as a real binary: certified values out, clear errors with exit 2.
@Suite struct FitCommandTests {
  static let longley = Simulate.fixture("nist/Longley.csv")
  static let longleyFormula = "y ~ x1 + x2 + x3 + x4 + x5 + x6"
  /// NIST's certified Longley estimates (Fixtures/nist/Longley.json).
  static let certified = [
    -3482258.63459582, 15.0618722713733, -0.358191792925910E-01, -2.02022980381683,
    -1.03322686717359, -0.511041056535807E-01, 1829.15146461355,
  ]

  func csvEstimates(_ text: String) -> [Double] {
    text.split(separator: "\n").dropFirst().map { line in
      Double(line.split(separator: ",", omittingEmptySubsequences: false)[1]) ?? .nan
    }
  }

  @Test func printsCertifiedValues() throws {
    let result = try Simulate.run(["fit", Self.longley, Self.longleyFormula, "--format", "csv"])
    #expect(result.status == 0 && result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("term,estimate,std_error,t,p_value,lower,upper\n"))
    for (estimate, certified) in zip(csvEstimates(result.stdout), Self.certified) {
      #expect(abs(estimate - certified) / abs(certified) < 1e-9)
    }
    let text = try Simulate.run(["fit", Self.longley, Self.longleyFormula])
    #expect(text.status == 0)
    #expect(text.stdout.contains("R-squared:") && text.stdout.contains("0.995479"))
    #expect(text.stdout.contains("Notes:\n[1] the condition number is large"))
  }

  /// Results stay correct on every OpenBLAS kernel this CPU can run, including the generic
  /// fallback: the same certified digits whatever the kernel.
  @Test(arguments: ["Prescott", "Haswell", "SkylakeX", ""])
  func sameAnswerOnEveryKernel(_ kernel: String) throws {
    let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    if kernel == "SkylakeX" && !flags.contains("avx512f") { return }
    if kernel == "Haswell" && !flags.contains("avx2") { return }
    let result = try Simulate.run(
      ["fit", Self.longley, Self.longleyFormula, "--format", "csv"],
      environment: ["OPENBLAS_CORETYPE": kernel])
    #expect(result.status == 0)
    for (estimate, certified) in zip(csvEstimates(result.stdout), Self.certified) {
      #expect(abs(estimate - certified) / abs(certified) < 1e-9)
    }
    let info = try Simulate.run(["blas-info"], environment: ["OPENBLAS_CORETYPE": kernel])
    if !kernel.isEmpty { #expect(info.stdout.contains("kernel:        \(kernel)")) }
  }

  @Test func predictionsAsCSV() throws {
    let result = try Simulate.run([
      "fit", Self.longley, Self.longleyFormula, "--predict", "x1=83,100", "--predict",
      "x2=234289", "--predict", "x3=2356", "--predict", "x4=1590", "--predict", "x5=107608",
      "--predict", "x6=1947", "--format", "csv", "--table", "predictions",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "x1,x2,x3,x4,x5,x6,mean,std_error,mean_lower,mean_upper,lower,upper")
    #expect(lines.count == 3)
    // statsmodels' get_prediction at the first data row: mean 60055.659970233…
    let mean = Double(lines[1].split(separator: ",")[6]) ?? .nan
    #expect(abs(mean - 60055.65997023368) < 1e-6)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let messages: [String]
    var testDescription: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      name: "missing file", arguments: ["fit", "no-such.csv", "y ~ x"],
      messages: ["no-such.csv", "not found"]),
    ErrorCase(
      name: "formula syntax with caret", arguments: ["fit", longley, "y ~ x1 * x2"],
      messages: ["I(", "    y ~ x1 * x2\n", "^"]),
    ErrorCase(
      name: "unknown column with suggestion", arguments: ["fit", longley, "y ~ x7"],
      messages: ["x7", "x1"]),
    ErrorCase(
      name: "unknown function", arguments: ["fit", longley, "y ~ lgo(x1)"],
      messages: ["lgo", "log"]),
    ErrorCase(
      name: "strict rank deficiency",
      arguments: ["fit", longley, "y ~ x1 + I(2 * x1)", "--strict"],
      messages: ["'I(2 * x1)'", "linear combination"]),
    ErrorCase(
      name: "bad prediction", arguments: ["fit", longley, "y ~ x1", "--predict", "x1=abc"],
      messages: ["--predict", "abc"]),
    ErrorCase(
      name: "prediction range whose length overflows (crashed converting infinity to Int)",
      arguments: ["fit", longley, "y ~ x1", "--predict", "x1=0:1e308:1e-308"],
      messages: ["--predict", "over 100,000 values"]),
    ErrorCase(
      name: "unknown covariance type", arguments: ["fit", longley, "y ~ x1", "--cov", "HC4"],
      messages: ["HC4"]),
    ErrorCase(
      name: "predictions table without --predict",
      arguments: ["fit", longley, "y ~ x1", "--format", "csv", "--table", "predictions"],
      messages: ["--predict"]),
    ErrorCase(name: "missing formula", arguments: ["fit", longley], messages: ["formula"]),
    ErrorCase(
      name: "level out of range", arguments: ["fit", longley, "y ~ x1", "--level", "95"],
      messages: ["--level"]),
    ErrorCase(
      name: "response of 1e300",
      arguments: ["fit", Simulate.fixture("overflow/response-1e300.csv"), "y ~ x"],
      messages: ["residual sum of squares overflows (inf)", "response 'y'", "1e+301"]),
    ErrorCase(
      name: "column of 1e200, also in CSV",
      arguments: [
        "fit", Simulate.fixture("overflow/column-1e200.csv"), "y ~ x + z", "--format", "csv",
      ],
      messages: ["sum of squares of term 'z' overflows", "divide the column by 1e+199"]),
  ]

  @Test(arguments: errorCases)
  func badInputExitsTwoWithAMessage(_ c: ErrorCase) throws {
    let result = try Simulate.run(c.arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    for message in c.messages {
      #expect(result.stderr.contains(message), "stderr lacks \(message): \(result.stderr)")
    }
  }

  /// An exact fit (y = 2x) has t = ±∞ and F = ∞: empty cells in CSV and TSV for every table,
  /// `null` in JSON, never `inf` or `nan`.
  @Test func nonFiniteValuesAreEmptyCells() throws {
    let data = Simulate.fixture("overflow/exact-fit.csv")
    for format in ["csv", "tsv"] {
      for table in ["coefficients", "statistics", "predictions"] {
        let result = try Simulate.run([
          "fit", data, "y ~ x", "--predict", "x=6,7", "--format", format, "--table", table,
        ])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let output = result.stdout.lowercased()
        #expect(!output.contains("inf") && !output.contains("nan"), "\(format) \(table): \(output)")
      }
    }
    let csv = try Simulate.run(["fit", data, "y ~ x", "--format", "csv"])
    #expect(csv.stdout.contains("\nx,2,0,,0,2,2\n"), "\(csv.stdout)")
    let json = try Simulate.run(["fit", data, "y ~ x", "--format", "json"])
    #expect(json.stdout.contains(#""t": null"#) && json.stdout.contains(#""f_statistic": null"#))
    #expect(!json.stdout.lowercased().contains("inf") && !json.stdout.lowercased().contains("nan"))
  }

  @Test func versionNamesTheKernel() throws {
    let result = try Simulate.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("OpenBLAS kernel"))
  }
}
