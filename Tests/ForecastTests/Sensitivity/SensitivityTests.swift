import Testing

/// The suites of `Sources/Forecast/Sensitivity/`, grouped so that
/// `swift test --filter Sensitivity` runs them all.
@Suite enum SensitivityTests {}
