import Foundation

/// A shard result on disk (MODEL.md 13): a self-describing, checksummed, versioned file.
///
///     forecast-shard 2                      the format and its version
///     sha256 <64 hex digits>                of every byte after this line
///     {"command": "run", ...}               the header: what it is of, for people (one line)
///     <binary body>                         the identity again, the range, the results
///
/// The body holds doubles by their bit patterns, so a merge sees the very bits the shard
/// computed. Files are written whole or not at all (`OutputSet.writeFile`).
struct ShardFile: Sendable {
  static let magic = "forecast-shard"
  static let version = 2
  /// Shard results end in this.
  static let fileExtension = "shard"

  let identity: ShardIdentity
  let spec: ShardSpec
  /// The items (paths, grid points) it covers.
  let items: Range<Int>
  /// The kind's own results, encoded.
  let results: [UInt8]

  /// The header line: identity, shard and range as a JSON object.
  var header: String {
    let fields = identity.fields.map { ($0.name, Table.jsonString($0.value)) } + [
      ("shard", Table.jsonString(spec.description)),
      ("first", "\(items.lowerBound)"), ("end", "\(items.upperBound)"),
    ]
    return "{" + fields.map { "\(Table.jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  func encoded() -> [UInt8] {
    var w = ShardWriter()
    identity.encode(&w)
    w.ints([spec.index, spec.count, items.lowerBound, items.upperBound])
    var rest = Array((header + "\n").utf8)
    rest.append(contentsOf: w.bytes)
    rest.append(contentsOf: results)
    let digest = FileDigest(path: "", bytes: rest).sha256
    return Array("\(Self.magic) \(Self.version)\nsha256 \(digest)\n".utf8) + rest
  }

  /// Writes the file whole, in place of any file at `path`.
  func write(to path: String) throws(ShardError) {
    do { try OutputSet.writeFile(path, bytes: encoded()) } catch {
      throw .unreadable(path: path, reason: "cannot write it: \(error.description)")
    }
  }

  /// The largest shard result read, and the variable that changes it.
  static func limit(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(ShardError) -> InputLimit
  {
    let variable = "FORECAST_MAX_SHARD_BYTES"
    guard let text = environment[variable], !text.isEmpty else {
      return InputLimit(what: "a shard result", bytes: 16 << 30, variable: variable)
    }
    guard let bytes = InputLimit.parseSize(text) else {
      throw .badEnvironment(variable: variable, found: text)
    }
    return InputLimit(what: "a shard result", bytes: bytes, variable: variable)
  }

  /// Reads and verifies the shard result at `path`.
  static func read(_ path: String) throws(ShardError) -> ShardFile {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(atPath: path, limit: try limit())
    } catch let failure as InputFile.Failure {
      throw .unreadable(path: path, reason: describe(failure))
    } catch let error as ShardError {
      throw error
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
    return try decode(bytes, path: path)
  }

  private static func describe(_ failure: InputFile.Failure) -> String {
    switch failure {
    case .notFound: return "no such file"
    case .notRegular(let kind): return "it is \(InputFile.describe(kind)), not a regular file"
    case .tooLarge(let size, let limit):
      return "it is \(InputLimit.describe(bytes: size)), above the limit of "
        + "\(InputLimit.describe(bytes: limit.bytes)) (set \(limit.variable) to raise it)"
    case .badLimitSetting(let variable, let found): return "\(variable) is '\(found)', not a size"
    case .unreadable(let reason): return reason
    }
  }

  /// The shard result in `bytes`, read from `path`.
  static func decode(_ bytes: [UInt8], path: String) throws(ShardError) -> ShardFile {
    func line(from start: Int) -> (text: String, next: Int)? {
      guard let end = bytes[start...].prefix(200).firstIndex(of: 10) else { return nil }
      return String(validating: bytes[start..<end], as: UTF8.self).map { ($0, end + 1) }
    }
    guard let first = line(from: 0), first.text.hasPrefix(magic + " ") else {
      throw .notAShard(path: path)
    }
    let version = String(first.text.dropFirst(magic.count + 1))
    guard version == "\(Self.version)" else {
      throw .unsupportedVersion(path: path, found: version, supported: Self.version)
    }
    guard let second = line(from: first.next), second.text.hasPrefix("sha256 ") else {
      throw .damaged(path: path, reason: "its checksum line is missing")
    }
    let recorded = String(second.text.dropFirst(7))
    let actual = FileDigest(path: path, bytes: bytes[second.next...]).sha256
    guard recorded == actual else {
      throw .damaged(
        path: path,
        reason: "its SHA-256 is \(actual), not the \(recorded) it was written with (truncated, "
          + "edited or damaged in transfer)")
    }
    guard let headerEnd = bytes[second.next...].firstIndex(of: 10) else {
      throw .damaged(path: path, reason: "its header line has no end")
    }
    var r = ShardReader(bytes, offset: headerEnd + 1)
    do throws(ShardReader.Damaged) {
      let identity = try ShardIdentity.decode(&r)
      let numbers = try r.ints("the shard and its range")
      guard numbers.count == 4, numbers[2] <= numbers[3], numbers[2] >= 0 else {
        throw ShardReader.Damaged(reason: "its shard and range are not readable")
      }
      let spec: ShardSpec
      do { spec = try ShardSpec(index: numbers[0], count: numbers[1]) } catch {
        throw ShardReader.Damaged(reason: "its shard \(numbers[0])/\(numbers[1]) is not one")
      }
      let results = Array(bytes[r.offset...])
      return ShardFile(identity: identity, spec: spec, items: numbers[2]..<numbers[3], results: results)
    } catch {
      throw .damaged(path: path, reason: error.reason)
    }
  }
}
