import Foundation
import Testing

@testable import Forecast

/// Draws that respect domains (MODEL.md 7): the truncated normal by inversion of one uniform.
struct TruncatedNormalTests {
  /// Unbounded, it is exactly the plain normal draw: the same bits, so untruncated sources
  /// keep their numbers.
  @Test func unboundedIsThePlainDraw() {
    var a = PhiloxStream(seed: 7, path: 3, offset: 0)
    var b = PhiloxStream(seed: 7, path: 3, offset: 0)
    for _ in 0..<1000 {
      #expect(a.nextNormal(truncatedTo: -.infinity, .infinity).bitPattern == b.nextNormal().bitPattern)
    }
  }

  /// z = Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a))) by hand at chosen uniforms, in the lower and the upper
  /// tail (where the mirrored form keeps precision); 1e-12 relative covers AS 241's error.
  @Test func inversionByHand() {
    let normal = Normal()
    for (u, a, b) in [(0.5, -1.0, 2.0), (0.1, 0.0, Double.infinity), (0.9, -Double.infinity, -3.0)] {
      let expected = normal.quantile(normal.cdf(a) + u * (normal.cdf(b) - normal.cdf(a)))
      let z = PhiloxStream.truncatedNormal(uniform: u, lower: a, upper: b)
      #expect(abs(z - expected) <= 1e-12 * max(1, abs(expected)), "u \(u) [\(a), \(b)]")
    }
    // Far in the upper tail: Φ(a) rounds to 1 and the direct form would give infinity.
    let z = PhiloxStream.truncatedNormal(uniform: 0.5, lower: 9, upper: .infinity)
    #expect(z >= 9 && z < 9.2)
  }

  /// Every draw lies in its interval, and the half-normal's mean is √(2/π): 200,000 draws,
  /// standard error 0.6/√200,000 ≈ 0.0013, so 0.006 is over four standard errors.
  @Test func drawsStayInTheirDomainWithTheRightMean() {
    var stream = PhiloxStream(seed: 11, path: 0, offset: 0)
    var sum = 0.0
    let n = 200_000
    for _ in 0..<n {
      let z = stream.nextNormal(truncatedTo: 0, .infinity)
      #expect(z >= 0)
      sum += z
    }
    #expect(abs(sum / Double(n) - (2 / Double.pi).squareRoot()) < 0.006)
    var bounded = PhiloxStream(seed: 11, path: 1, offset: 0)
    for _ in 0..<10_000 {
      let z = bounded.nextNormal(truncatedTo: -0.5, 0.25)
      #expect(z >= -0.5 && z <= 0.25)
    }
  }

  /// A `scale` shock's factor never goes negative, however wide its sd: 20,000 paths of a
  /// factor N(1, 0.5²) on a capacity would give a negative capacity on about 2% of them.
  @Test func aScaleFactorIsNeverNegative() throws {
    let (scenario, folder) = try Self.scenario(Self.scaleShock("sectors.studio.capacity", by: 1, sd: 0.5))
    defer { try? FileManager.default.removeItem(at: folder) }
    let projection = try Simulation(scenario: scenario).run(paths: 20_000)
    let capacity = projection.balanceValues(.capacity, year: 2021)
    #expect(capacity.count == 20_000)
    #expect(capacity.allSatisfy { $0 >= 0 })
  }

  /// A share pushed past 1 by a shock on top of a draw is clamped to [0, 1] and counted in a
  /// warning (MODEL.md 7): a `scale` factor N(1.5, 0.5²) on a graduate share of 0.5 (central
  /// 0.75) takes it above 1 on about a sixth of the paths.
  @Test func aShareOutOfItsDomainIsClampedAndCounted() throws {
    let (scenario, folder) = try Self.scenario(Self.scaleShock("sectors.lab.graduate_share", by: 1.5, sd: 0.5))
    defer { try? FileManager.default.removeItem(at: folder) }
    let projection = try Simulation(scenario: scenario).run(paths: 2_000)
    let warning = try #require(projection.warnings.first { $0.hasPrefix("sectors.lab.graduate_share:") })
    #expect(warning.contains("outside [0, 1]") && warning.contains("clamped"))
    #expect(warning.contains("2021–2025"))
    // Capacity is graduate share times openings: with shares clamped to 1 it never exceeds them.
    let demand = projection.table(.demand)
    for row in demand.rows where demand.cell("sector", of: row) == .text("lab") {
      guard case .number(let capacity) = demand.cell("capacity", of: row),
        case .number(let openings) = demand.cell("openings", of: row)
      else {
        Issue.record("lab has capacity and openings")
        continue
      }
      #expect(capacity <= openings * (1 + 1e-12) && capacity > 0.6 * openings)
    }
  }

  /// A `scale` shock from 2021 on, its factor drawn once per path.
  static func scaleShock(_ target: String, by value: Double, sd: Double) -> String {
    "[[shocks]]\ntarget = \"\(target)\"\nop = \"scale\"\nvalue = \(value)\nsd = \(sd)\nfrom = 2021\n"
  }

  static func scenario(_ text: String) throws -> (Scenario, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-domain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("s.toml")
    try ("extends = \"\(Fixtures.url("simulation/steady.toml").path)\"\n" + text)
      .write(to: file, atomically: true, encoding: .utf8)
    return (try ScenarioLoader.load(path: file.path), folder)
  }

  /// Two tracks continuing from one with noisy shares of 0.5 each: on the paths where the
  /// shares pass 1 together they are rescaled to sum to 1, and a warning counts them, where
  /// the engine used to stop the run.
  @Test func continuationSharesPastOneAreRescaled() throws {
    let (scenario, folder) = try Self.scenario("""
      [[tracks]]
      name = "master"
      duration = 1
      intake = "intake"
      continuation = { from = "college", share = { constant = 0.5, sd = 0.2 } }
      progression = []
      completion = 0.9
      fields = { science = 1.0 }
      [[tracks]]
      name = "doctor"
      duration = 1
      intake = "intake"
      continuation = { from = "college", share = { constant = 0.5, sd = 0.2 } }
      progression = []
      completion = 0.9
      fields = { science = 1.0 }
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let projection = try Simulation(scenario: scenario).run(paths: 500)
    let warning = try #require(projection.warnings.first { $0.hasPrefix("tracks.college continuation shares:") })
    #expect(warning.contains("rescaled to sum to 1"))
    // The college's graduates all go on where the shares were rescaled: never more.
    let cohort = try Simulation(scenario: scenario).run(paths: 500, keepPaths: true).cohort
    for path in 0..<500 {
      let continuing = cohort.continuing.value(row: 0, year: 2023, path: path)
      #expect(continuing <= cohort.graduates.value(row: 0, year: 2023, path: path) * (1 + 1e-12))
    }
  }

  /// An error the scenario itself has is reported as its own, not as one path's draw.
  @Test func theCentralScenariosErrorComesFirst() throws {
    let (scenario, folder) = try Self.scenario("""
      [[shocks]]
      target = "sectors.studio.capacity"
      op = "add"
      value = -1000
      sd = 10
      from = 2022
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect {
      _ = try Simulation(scenario: scenario).run(paths: 200)
    } throws: { error in
      let text = "\(error)"
      return text.contains("sectors.studio.capacity") && text.contains("-900 in 2022")
        && text.contains("outside its domain [0, inf]") && !text.contains("paths")
        && !text.contains("a drawn value")
    }
  }
}
