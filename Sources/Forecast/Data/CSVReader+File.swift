extension CSVReader {
  /// The bytes of the data file at `path`: a regular file of at most `InputLimit.data()`
  /// bytes, refused before it is opened otherwise (`InputFile`).
  ///
  /// - Throws: `CSVError.fileNotFound`, `.notARegularFile`, `.fileTooLarge` or `.unreadable`
  ///   (a directory: "Is a directory").
  static func readFile(atPath path: String) throws(CSVError) -> [UInt8] {
    do {
      return try InputFile.read(atPath: path, limit: try InputLimit.data())
    } catch {
      switch error {
      case .notFound: throw .fileNotFound(file: path)
      // A directory keeps the system's message, as when it was opened and read.
      case .notRegular(.directory):
        throw .unreadable(file: path, reason: systemErrorMessage(systemIsADirectory))
      case .notRegular(let kind):
        throw .notARegularFile(file: path, found: InputFile.describe(kind))
      case .tooLarge(let size, let limit):
        throw .fileTooLarge(file: path, size: size, limit: limit.bytes, variable: limit.variable)
      case .badLimitSetting(let variable, let found):
        throw .unreadable(
          file: path,
          reason: "\(variable) must be a whole number of bytes, optionally with K, M or G;"
            + " it is \(Wording.quoted(found))")
      case .unreadable(let reason): throw .unreadable(file: path, reason: reason)
      }
    }
  }
}
