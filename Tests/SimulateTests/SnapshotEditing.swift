import Foundation

/// Records a snapshot table's new SHA-256 in its manifest after a test edited the table, as a
/// snapshot recorded by other code would be: whole and consistent, with other numbers.
func resignSnapshotTable(_ path: String) throws {
  let name = (path as NSString).lastPathComponent
  let manifest = ((path as NSString).deletingLastPathComponent as NSString)
    .appendingPathComponent("manifest.json")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
  process.arguments = [path]
  let out = Pipe()
  process.standardOutput = out
  try process.run()
  let line = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  let hash = String(line.prefix(64))
  let text = try String(contentsOfFile: manifest, encoding: .utf8)
  let pattern = try NSRegularExpression(
    pattern: "(\"path\": \"\(NSRegularExpression.escapedPattern(for: name))\", \"sha256\": \")[0-9a-f]{64}")
  let range = NSRange(text.startIndex..., in: text)
  let signed = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\(hash)")
  try signed.write(toFile: manifest, atomically: true, encoding: .utf8)
}
