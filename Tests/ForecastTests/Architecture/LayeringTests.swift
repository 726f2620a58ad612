import Foundation
import Testing

/// The library's folders form the layers of docs/architecture.md: a file may name types of its
/// own layer and the layers below, never one above, and two folders of one layer do not use
/// each other. Read from the sources: top-level declarations give each type's folder, and
/// every capitalised word outside comments and string literals is a possible use.
struct LayeringTests {
  /// Folders by layer, lowest first (docs/architecture.md).
  static let layers: [[String]] = [
    ["Internals", "Tables"],
    ["LinearAlgebra", "Distributions", "Data", "Formula", "Regression", "MonteCarlo", "Paths",
     "Charts", "Sensitivity"],
    ["Cohort", "Demand", "Matching"],
    ["Scenario"],
    ["Simulation"],
    ["WhatIf", "Backtest"],
    ["Report", "Checks", "Figures", "Shards"],
    ["Publication"],
  ]

  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Forecast")

  /// Each Swift file's folder and its text without comments and string literals.
  static func files() throws -> [(folder: String, name: String, code: String)] {
    let manager = FileManager.default
    var out: [(String, String, String)] = []
    for folder in try manager.contentsOfDirectory(atPath: sources.path).sorted() {
      let url = sources.appendingPathComponent(folder)
      guard let enumerator = manager.enumerator(atPath: url.path) else { continue }
      for case let file as String in enumerator where file.hasSuffix(".swift") {
        let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
        out.append((folder, file, strip(text)))
      }
    }
    return out
  }

  /// `text` without `//` comments and without the contents of string literals.
  static func strip(_ text: String) -> String {
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var inString = false
      var previous: Character = " "
      var kept = ""
      for c in line {
        if !inString && c == "/" && previous == "/" {
          kept.removeLast()
          break
        }
        if c == "\"" && previous != "\\" { inString.toggle() } else if !inString { kept.append(c) }
        previous = c
      }
      out += kept + "\n"
    }
    return out
  }

  /// The folder that declares each top-level type.
  static func owners(_ files: [(folder: String, name: String, code: String)]) -> [String: String] {
    let pattern = #/(?m)^(?:public |package |internal |fileprivate |private |final )*(?:struct|enum|class|protocol|typealias|actor) ([A-Z][A-Za-z0-9]*)/#
    var owners: [String: String] = [:]
    for file in files {
      for match in file.code.matches(of: pattern) where owners[String(match.1)] == nil {
        owners[String(match.1)] = file.folder
      }
    }
    return owners
  }

  @Test func everyFolderHasALayer() throws {
    let folders = Set(try Self.files().map(\.folder))
    let placed = Set(Self.layers.flatMap { $0 })
    #expect(folders.subtracting(placed).isEmpty, "folders without a layer: \(folders.subtracting(placed).sorted())")
  }

  @Test func noFileUsesAHigherLayer() throws {
    let files = try Self.files()
    let owners = Self.owners(files)
    #expect(owners.count > 100 && owners["Projection"] == "Simulation" && owners["Table"] == "Tables")
    let layer = Dictionary(
      uniqueKeysWithValues: Self.layers.enumerated().flatMap { i, folders in folders.map { ($0, i) } })
    var uses: Set<String> = []  // "A>B": folder A uses folder B
    for file in files {
      guard let own = layer[file.folder] else { continue }
      let words = Set(file.code.matches(of: #/\b[A-Z][A-Za-z0-9]*\b/#).map { String($0.0) })
      for word in words {
        guard let folder = owners[word], folder != file.folder, let other = layer[folder] else {
          continue
        }
        #expect(other <= own, "\(file.folder)/\(file.name) uses \(word) of \(folder), a higher layer")
        if other == own { uses.insert("\(file.folder)>\(folder)") }
      }
    }
    for use in uses {
      let pair = use.split(separator: ">")
      #expect(!uses.contains("\(pair[1])>\(pair[0])"), "\(pair[0]) and \(pair[1]) use each other")
    }
  }

  /// The check itself sees a use across layers.
  @Test func aHigherUseIsSeen() {
    let code = Self.strip("let x = Projection() // Scenario\nlet s = \"Simulation\"\n")
    #expect(code.contains("Projection") && !code.contains("Scenario") && !code.contains("Simulation"))
  }
}
