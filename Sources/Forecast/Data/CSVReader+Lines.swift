extension CSVReader {
  /// The 1-based physical line on which each data record of the file at `path` starts, in row
  /// order (blank lines skipped, line ends inside quoted fields counted): read again only when
  /// an error has to point at a row of an already parsed table.
  ///
  /// - Throws: `CSVError` when the file cannot be read or is not a valid table.
  public static func recordLines(contentsOf path: String) throws(CSVError) -> [Int] {
    let bytes = try readFile(atPath: path)
    return try bytes.withUnsafeBufferPointer { buffer throws(CSVError) -> [Int] in
      var scanner = CSVScanner(bytes: buffer, source: path)
      _ = try readHeader(&scanner)
      var lines: [Int] = []
      while scanner.skipBlankLines() {
        lines.append(scanner.line)
        var column = 1
        var terminator = CSVScanner.Terminator.comma
        while terminator == .comma {
          terminator = try scanner.nextField(column: column).1
          column += 1
        }
      }
      return lines
    }
  }

  /// The line of each of `rows` (0-based) in the file `path`: the file's own lines when it can
  /// be read again with the same rows, else row + 2 (a header line and no blank lines).
  static func lines(ofRows rows: [Int], in path: String) -> [Int] {
    let recorded = (try? recordLines(contentsOf: path)) ?? []
    return rows.map { recorded.indices.contains($0) ? recorded[$0] : $0 + 2 }
  }
}
