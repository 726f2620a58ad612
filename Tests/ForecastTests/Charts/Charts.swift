import Testing

/// The suite holding every chart test, so `swift test --filter Charts` runs them all.
@Suite enum Charts {}
