/// A JUnit XML report of `simulate check`, the format CI systems display: one test case per
/// expectation and per snapshot table, grouped in one test suite per scenario.
public struct JUnitReport: Sendable {
  public struct Case: Sendable {
    public let suite: String
    public let name: String
    /// Nil when the case passed.
    public let failure: String?
  }

  public private(set) var cases: [Case] = []

  public init() {}

  public mutating func add(_ results: [ExpectationResult]) {
    for r in results {
      let e = r.expectation
      let name =
        "expect \(e.table.rawValue)" + (e.key.map { " \($0)" } ?? "") + (e.year.map { " \($0)" } ?? "")
        + " \(e.column)"
      let failure =
        r.passed
        ? nil
        : "expected \(e.value) within \(r.tolerance), found \(r.actual)"
      cases.append(Case(suite: r.scenario, name: name, failure: failure))
    }
  }

  public mutating func add(_ comparison: SnapshotComparison) {
    for table in RunTable.allCases.map(\.rawValue) {
      let moved = comparison.changes.filter { $0.table == table }
      let failure =
        moved.isEmpty
        ? nil
        : Wording.count(moved.count, "change") + "; largest: "
          + moved.prefix(3).map { change in
            let place = [change.key, change.year.map(String.init) ?? "", change.column]
              .filter { !$0.isEmpty }.joined(separator: " ")
            return change.kind == .moved
              ? "\(place): \(change.old) → \(change.new)" : "\(place): \(change.kind.rawValue)"
          }.joined(separator: "; ")
          + (comparison.inputChanges.isEmpty
            ? "; no input changed (a code change)"
            : "; inputs changed: " + comparison.inputChanges.joined(separator: "; "))
      cases.append(Case(suite: comparison.scenario, name: "snapshot \(table)", failure: failure))
    }
  }

  /// The XML document, its test suites named as the library names checks.
  public var xml: String { xml(naming: .library) }

  /// The XML document, its test suites named by `names` (`checkSuite`).
  public func xml(naming names: SettingNames) -> String {
    var suites: [String] = []
    for suite in cases.map(\.suite).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
      let members = cases.filter { $0.suite == suite }
      let failures = members.filter { $0.failure != nil }.count
      var lines = [
        "  <testsuite name=\"\(escape(suite))\" tests=\"\(members.count)\" failures=\"\(failures)\" errors=\"0\">"
      ]
      for c in members {
        let open = "    <testcase classname=\"\(escape(suite))\" name=\"\(escape(c.name))\""
        if let failure = c.failure {
          lines.append(open + ">")
          lines.append("      <failure message=\"\(escape(failure))\"/>")
          lines.append("    </testcase>")
        } else {
          lines.append(open + "/>")
        }
      }
      lines.append("  </testsuite>")
      suites.append(lines.joined(separator: "\n"))
    }
    let failures = cases.filter { $0.failure != nil }.count
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="\(escape(names(.checkSuite)))" tests="\(cases.count)" failures="\(failures)" errors="0">
      \(suites.joined(separator: "\n"))
      </testsuites>

      """
  }

  private func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out += " "
      default:
        // XML 1.0 forbids the other C0 controls, U+FFFE and U+FFFF even as character
        // references: a control becomes a space as tabs and line ends do, the others U+FFFD.
        if Self.isXMLCharacter(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out.unicodeScalars.append(scalar.value < 0x20 ? " " : "\u{FFFD}")
        }
      }
    }
    return out
  }

  /// Whether XML 1.0 allows `scalar` in a document (its production 2, `Char`):
  /// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`. Swift strings
  /// hold no surrogates, so this leaves out the other C0 controls, U+FFFE and U+FFFF.
  static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
