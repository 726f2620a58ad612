import ArgumentParser
import Forecast

@main
struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "simulate")
  func run() throws { print(BLASInfo.current) }
}
