import Testing
@testable import Forecast

/// Counts agree with their nouns in messages ("1 value", never "1 values").
@Suite struct WordingTests {
  @Test func countsAndLists() {
    #expect(Wording.count(1, "value") == "1 value")
    #expect(Wording.count(0, "value") == "0 values")
    #expect(Wording.count(2, "series", plural: "series") == "2 series")
    #expect(Wording.list([]) == "" && Wording.list(["a"]) == "a")
    #expect(Wording.list(["a", "b"]) == "a and b")
    #expect(Wording.list(["a", "b", "c"], conjunction: "or") == "a, b or c")
  }

  @Test func messagesWithOneOfSomething() {
    #expect(RegressionError.noObservations(dropped: 1).description == "no observations left to fit (1 row left out for missing or invalid values)")
    #expect(RegressionWarning.leverageOne(count: 1).description == "1 observation has leverage 1: HC2/HC3 weights are undefined for it")
    #expect(RegressionWarning.leverageOne(count: 2).description.hasPrefix("2 observations have leverage 1"))
  }
}
