import Foundation
import Testing

@testable import Forecast

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The JUnit report stays well-formed XML 1.0 whatever the names hold.
@Suite struct JUnitCharacterTests {
  static func report(name: String) -> JUnitReport {
    let expectation = Expectation(
      table: .balance, key: name, column: "unplaced", year: 2030, value: 1)
    var report = JUnitReport()
    report.add([
      ExpectationResult(
        scenario: "s\u{FFFF}", expectation: expectation, actual: 2, tolerance: 0)
    ])
    return report
  }

  @Test func forbiddenCharactersAreReplaced() throws {
    let xml = Self.report(name: "a\u{FFFE}b\u{1B}c\u{10FFFF}").xml
    #expect(!xml.unicodeScalars.contains { !JUnitReport.isXMLCharacter($0) })
    #expect(xml.contains("a\u{FFFD}b c\u{10FFFF}") && xml.contains("s\u{FFFD}"))
    let document = try XMLDocument(xmlString: xml)
    #expect(try document.nodes(forXPath: "//testcase").count == 1)
  }

  @Test func xmlCharacterProduction() {
    let allowed: [UInt32] = [0x9, 0xA, 0xD, 0x20, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF]
    let forbidden: [UInt32] = [0x0, 0x8, 0xB, 0x1F, 0xFFFE, 0xFFFF]
    for value in allowed { #expect(JUnitReport.isXMLCharacter(Unicode.Scalar(value)!)) }
    for value in forbidden { #expect(!JUnitReport.isXMLCharacter(Unicode.Scalar(value)!)) }
  }
}
