extension ScenarioLoader {
  /// The text of the scenario file `file`, or nil with an issue at `location` saying why not:
  /// missing, not a regular file (a directory, FIFO, socket or device, refused before it is
  /// opened), larger than `InputLimit.scenario()`, unreadable, or not UTF-8.
  ///
  /// `keyPath` is `extends` for a base file, empty for the file asked for.
  static func readText(
    _ file: String, location: SourceLocation, keyPath: String, issues: inout [ScenarioIssue]
  ) -> String? {
    func fail(_ expected: String, _ found: String) -> String? {
      issues.append(
        ScenarioIssue(
          kind: .unreadableFile, location: location, keyPath: keyPath, expected: expected,
          found: found))
      return nil
    }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(atPath: file, limit: try InputLimit.scenario())
    } catch {
      switch error {
      case .notFound:
        return fail("a readable scenario file at \(file)", "no such file")
      case .notRegular(let kind):
        return fail("a scenario file (TOML)", InputFile.describe(kind))
      case .tooLarge(let size, let limit):
        return fail(
          "a scenario file of at most \(InputLimit.describe(bytes: limit.bytes))"
            + " (\(limit.variable) raises the limit)",
          InputLimit.describe(bytes: size))
      case .badLimitSetting(let variable, let found):
        return fail(
          "\(variable) to be a whole number of bytes, optionally with K, M or G",
          Wording.quoted(found))
      case .unreadable(let reason):
        return fail("a readable scenario file at \(file)", reason)
      }
    }
    // A byte-order mark is not part of the TOML (Foundation's UTF-8 reading dropped it too).
    let hasByteOrderMark =
      bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    guard let text = String(validating: bytes.dropFirst(hasByteOrderMark ? 3 : 0), as: UTF8.self)
    else { return fail("a readable scenario file at \(file)", "a file that cannot be read as UTF-8") }
    return text
  }
}
