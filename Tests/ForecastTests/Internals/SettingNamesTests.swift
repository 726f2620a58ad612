import Testing

@testable import Forecast

/// The library names settings, never command-line flags; a front end spells them its own way.
struct SettingNamesTests {
  static let errors: [any SettingMessage] = [
    RunOutput.Failure.unknownTable("suply", nearest: ["supply"]),
    RunOutput.Failure.emptyTableName(list: "supply,,demand"),
    RunOutput.Failure.oneTablePerStream(format: .csv, count: 2),
    RunOutput.Failure.chartNeedsFan(tables: ["balance"]),
    RunOutput.Failure.chartNotLong,
    SimulationError.tooManyPaths(paths: 1_000_000, bytes: 4e10, available: 2.4e10),
    WhatIfError.yearOutOfRange(year: 1990, valid: 2026...2040),
    WhatIfError.setSyntax("x"),
    WhatIfError.duplicateTarget("sectors.a.growth"),
    WhatIfError.badDelta("2"),
    WhatIfError.unknownMetric(option: .metrics, name: "unplacd", nearest: ["unplaced"]),
    BacktestError.invalidOrigins("x"),
    BacktestError.horizonTooShort(0),
    BacktestError.invalidLevel(2),
    BacktestError.unknownMetric("graduate", metrics: BalanceMetric.names),
    CheckError.snapshotMissing(path: "snapshots/x"),
    FitError.badLevel(2),
    FitError.predictionLengths(column: "year", count: 2, expected: 3),
    FitError.regression(.rankDeficient(aliased: ["x2"])),
    RegressionError.rankDeficient(aliased: ["x2"]),
  ]

  @Test func libraryMessagesNameNoFlag() {
    for error in Self.errors {
      #expect(!error.description.contains("--"), "\(error.description)")
    }
  }

  @Test func frontEndsSpellSettingsTheirWay() {
    let upper = SettingNames { "<\($0.rawValue.uppercased())>" }
    #expect(
      RunOutput.Failure.emptyTableName(list: ",").message(naming: upper)
        .hasPrefix("<TABLES>: expected comma-separated table names"))
    #expect(BacktestError.horizonTooShort(0).message(naming: .flags) == "--horizon: expected at least 1, found 0")
    #expect(
      BacktestError.horizonTooShort(0).description == "`horizon`: expected at least 1, found 0")
    // A scenario driver's fit is always strict: its rank deficiency names no strictness
    // setting, but the model and its fit years.
    let driver = SimulationError.driverFit(driver: "ug_rate", .rankDeficient(aliased: ["I(year - 2025)"]))
      .message(naming: .flags)
    #expect(!driver.contains("strict") && driver.contains("drop it from drivers.ug_rate.model"))
    // A Morris grid on a normal input of an unbounded target: the remedy is the entry's range.
    #expect(WhatIfError.design(.infiniteDesignValue(input: "sectors.a.growth", run: 2, quantile: 1))
      .description.contains("give the [[uncertain]] entry a `uniform` or `triangular` range instead, or use the Sobol method"))
    // A wrapped error is spelt the same way as its wrapper.
    #expect(FitError.regression(.rankDeficient(aliased: ["x2"])).message(naming: .flags).hasSuffix("--strict"))
  }
}
