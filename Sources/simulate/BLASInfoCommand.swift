import ArgumentParser
import Forecast

/// `simulate blas-info`: the BLAS library, kernel and thread count in use.
struct BLASInfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blas-info",
    abstract: "Show the BLAS library, the kernel it runs and its thread count.")

  func run() throws {
    let info = BLASInfo.current
    writeOut(
      """
      library:       \(info.library)
      kernel:        \(info.kernel)
      threads:       \(info.threads)
      configuration: \(info.configuration)

      """)
  }
}
