/// A data file read once for a whole run: its table and the digest of the bytes it was parsed
/// from, so that the checks of a scenario, its run and its provenance all see the same bytes.
public struct DataFile: Sendable {
  public let table: DataTable
  public let digest: FileDigest

  /// Reads and parses the CSV file at `path` (`CSVReader.read(contentsOf:)`).
  public static func read(_ path: String) throws(CSVError) -> DataFile {
    let bytes = try CSVReader.readFile(atPath: path)
    return DataFile(
      table: try CSVReader.parse(bytes, source: path), digest: FileDigest(path: path, bytes: bytes))
  }
}
