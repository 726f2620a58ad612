// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Forecast",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Forecast", targets: ["Forecast"]),
    .executable(name: "simulate", targets: ["simulate"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .target(
      name: "Forecast",
      dependencies: [
        "CBLAS",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "simulate",
      dependencies: [
        "Forecast",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "forecast-bench",
      dependencies: ["Forecast"],
      path: "Benchmarks/forecast-bench"
    ),
    .testTarget(
      name: "ForecastTests",
      dependencies: ["Forecast"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "SimulateTests",
      dependencies: ["simulate"]
    ),
  ]
)
