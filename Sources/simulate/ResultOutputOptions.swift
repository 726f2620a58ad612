import ArgumentParser
import Forecast

/// `--out DIR`, shared by the commands that write one result table (compare, sweep, tornado,
/// sensitivity, backtest): the table and `metadata.json` go into the folder, whole or not at all.
struct ResultDestinationOptions: ParsableArguments {
  @Option(help: "Write the result and its metadata.json into this folder instead of standard output.")
  var out: String?

  func validate() throws {
    try requireDirectory(out, option: "--out")
  }

  var destination: OutputRequest.Destination { out.map { .directory($0) } ?? .standardOutput }
}

/// Writes a result to standard output or into `output`'s folder; a failure to write is exit 2.
func emit(
  _ output: ResultOutput, _ table: Table, long: @autoclosure () -> Table? = nil, name: String,
  metadata: @autoclosure () -> ResultMetadata
) throws {
  do {
    writeOut(try output.emit(table, long: long(), name: name, metadata: metadata()))
  } catch {
    throw failBadInput(error)
  }
}

/// Writes several named tables to standard output or into `output`'s folder; a failure to
/// write is exit 2.
func emit(
  _ output: ResultOutput, _ tables: [(name: String, table: Table)],
  metadata: @autoclosure () -> ResultMetadata
) throws {
  do {
    writeOut(try output.emit(tables, metadata: metadata()))
  } catch {
    throw failBadInput(error)
  }
}
